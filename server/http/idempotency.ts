import { and, eq, lte, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { canonicalJson } from "../../policy/canonical-json";
import type { CommandDeps } from "../commands/command";
import { sm3 } from "../crypto/sm";
import type { Tx } from "../db/client";
import { idempotencyKeys } from "../db/schema";
import { apiError } from "./errors";

/**
 * `Idempotency-Key` on writes (issue 18; docs/integration.md): a client that retries a POST, PUT, PATCH or DELETE after
 * a timeout sends the same key, and the write happens once. One hook for every route, for every signed-in caller
 * (session or API token):
 *
 * - the key is claimed before the handler runs — a row keyed by (account, key, method, path) with no status yet,
 *   inserted with ON CONFLICT DO NOTHING, so of two concurrent requests exactly one runs the write;
 * - the response (status, content type, body) is stored once the handler has answered, for 24 hours;
 * - a repeat with the same query and body (SM3 of their canonical JSON) gets the stored response back with
 *   `Idempotent-Replayed: true`; with a different query or body it is refused (422 `idempotency-key-reused`); while
 *   the first is still being answered, 409 `idempotency-key-in-progress`;
 * - a 5xx is not stored (the claim is released: the retry runs the write again), nor is a request refused before
 *   its handler (401, 403, a 400 of validation): nothing was written. A refusal by the handler (409, 422 …) is stored
 *   and replayed like a success: send a new key to try again after changing something.
 *
 * Not on multipart uploads (their body is a stream, not hashed here: 400), nor for callers who are not signed in.
 */
export const idempotencyHeader = "idempotency-key";
export const replayedHeader = "idempotent-replayed";
const keepMs = 24 * 60 * 60 * 1000;
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Printable ASCII, no spaces: a UUID, a ULID or the client's own request id. */
const keyPattern = /^[\x21-\x7e]{1,255}$/;

interface Claim {
  accountId: string;
  key: string;
  method: string;
  path: string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set while this request holds an Idempotency-Key claim whose response is not stored yet. */
    idempotencyClaim: Claim | null;
  }
}

const headerError = (status: 400 | 409 | 422, code: string, zh: string, en: string) =>
  apiError(status, code, zh, en, [{ path: "Idempotency-Key", messageZh: zh, messageEn: en }]);

const whereClaim = (claim: Claim) =>
  and(
    eq(idempotencyKeys.accountId, claim.accountId),
    eq(idempotencyKeys.key, claim.key),
    eq(idempotencyKeys.method, claim.method),
    eq(idempotencyKeys.path, claim.path),
  );

export const idempotency = fp(async (app: FastifyInstance, deps: CommandDeps) => {
  const db = deps.database.db;
  app.decorateRequest("idempotencyClaim", null);

  app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers[idempotencyHeader];
    if (header === undefined || !unsafeMethods.has(request.method) || !request.caller) return;
    const key = Array.isArray(header) ? null : header;
    if (key === null || !keyPattern.test(key)) {
      throw headerError(
        400,
        "invalid-idempotency-key",
        "Idempotency-Key 应为 1–255 个可打印 ASCII 字符（不含空格），如 UUID，且只能出现一次。",
        "Idempotency-Key is 1–255 printable ASCII characters without spaces (a UUID, say), sent once.",
      );
    }
    if (request.isMultipart()) {
      throw headerError(
        400,
        "idempotency-key-unsupported",
        "文件上传不支持 Idempotency-Key，请去掉该请求头。",
        "Idempotency-Key is not supported on file uploads; leave the header out.",
      );
    }
    const claim: Claim = {
      accountId: request.caller.accountId,
      key,
      method: request.method,
      path: request.url.split("?")[0] ?? request.url,
    };
    const requestHash = sm3(canonicalJson({ query: request.query ?? {}, body: request.body ?? null }));
    const now = deps.clock.now();
    const fresh = {
      requestHash,
      statusCode: null,
      contentType: null,
      body: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + keepMs),
    };
    // Claim the key; a row left from an expired use of it is taken over in the same statement.
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ ...claim, ...fresh })
      .onConflictDoUpdate({
        target: [idempotencyKeys.accountId, idempotencyKeys.key, idempotencyKeys.method, idempotencyKeys.path],
        set: fresh,
        setWhere: lte(idempotencyKeys.expiresAt, now),
      })
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) {
      request.idempotencyClaim = claim;
      return;
    }
    const [stored] = await db.select().from(idempotencyKeys).where(whereClaim(claim));
    if (!stored || stored.requestHash !== requestHash) {
      throw headerError(
        422,
        "idempotency-key-reused",
        "该 Idempotency-Key 已用于内容不同的请求；重试时请求须与首次完全相同，新的请求请使用新的键。",
        "This Idempotency-Key was used for a different request: a retry repeats the first request exactly; a new request takes a new key.",
      );
    }
    if (stored.statusCode === null) {
      throw headerError(
        409,
        "idempotency-key-in-progress",
        "使用该 Idempotency-Key 的首次请求仍在处理中，请稍后重试。",
        "The first request with this Idempotency-Key is still being answered; retry in a moment.",
      );
    }
    reply.code(stored.statusCode).header(replayedHeader, "true");
    if (stored.contentType) reply.type(stored.contentType);
    return reply.send(stored.body ?? "");
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    const storable = typeof payload === "string" || Buffer.isBuffer(payload) || payload === null;
    try {
      if (reply.statusCode >= 500 || !storable) {
        await db.delete(idempotencyKeys).where(whereClaim(claim));
      } else {
        const contentType = reply.getHeader("content-type");
        await db
          .update(idempotencyKeys)
          .set({
            statusCode: reply.statusCode,
            contentType: typeof contentType === "string" ? contentType : null,
            body: payload === null ? "" : payload.toString(),
          })
          .where(whereClaim(claim));
      }
    } catch (error) {
      // The write's answer matters more: a claim left unanswered refuses repeats (409) until it expires.
      request.log.error({ err: error }, "storing the Idempotency-Key response failed");
    }
    return payload;
  });

  // A request that ends without a reply to store (the client went away before the handler answered): release it.
  app.addHook("onResponse", async (request) => {
    const claim = request.idempotencyClaim;
    if (!claim) return;
    request.idempotencyClaim = null;
    await db
      .delete(idempotencyKeys)
      .where(and(whereClaim(claim), sql`${idempotencyKeys.statusCode} is null`))
      .catch((error: unknown) => request.log.error({ err: error }, "releasing an Idempotency-Key claim failed"));
  });
});

/** Housekeeping: responses kept past their 24 hours. */
export async function purgeIdempotencyKeys(tx: Tx, now: Date): Promise<void> {
  await tx.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now));
}
