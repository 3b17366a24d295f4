import { brotliCompress, constants, gzip } from "node:zlib";
import { negotiate } from "@fastify/accept-negotiator";
import type { FastifyReply } from "fastify";
import { cachedRead } from "../db/read-cache";

interface KeptPage {
  json: Buffer;
  rows: number;
}

const encodings = ["br", "gzip"] as const;
type Encoding = (typeof encodings)[number];

/** A kept page's compressed forms, made once each from its second request on (the kept page itself is frozen). */
const encoded = new WeakMap<KeptPage, Partial<Record<Encoding, Buffer | "coming">>>();

/** Compresses `page` for `encoding` in the thread pool, for the requests after this one. */
function encodeLater(page: KeptPage, encoding: Encoding) {
  const forms = encoded.get(page) ?? {};
  encoded.set(page, forms);
  if (forms[encoding]) return;
  forms[encoding] = "coming";
  const done = (error: Error | null, bytes: Buffer) => {
    if (error) delete forms[encoding];
    else forms[encoding] = bytes;
  };
  if (encoding === "br") brotliCompress(page.json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }, done);
  else gzip(page.json, done);
}

/**
 * Sends a list page serialized once per cache key (db/read-cache.ts, issue 16): `present` builds the page, the route's
 * response schema checks and encodes it (`reply.serialize`) on the first request, and every later request with the
 * key until a write gets the same JSON bytes, sent as they are — or compressed (brotli or gzip, as the client
 * accepts), once a second request has asked for the page: a page read once is not worth compressing, one read again
 * is sent a fifth of its size from then on. The key must name everything the page is made from (see `readKey`); its
 * items count against the cache's row budget.
 */
export async function sendCachedPage(
  reply: FastifyReply,
  db: object,
  key: string,
  present: () => Promise<{ items: readonly unknown[] }>,
): Promise<FastifyReply> {
  let fresh = false;
  const page = await cachedRead(
    db,
    key,
    async (): Promise<KeptPage> => {
      fresh = true;
      const page = await present();
      // Kept as UTF-8 bytes: encoding a page of Chinese names again for every request cost more than the lookup.
      const serialized = reply.serialize(page);
      const json =
        typeof serialized === "string" ? Buffer.from(serialized, "utf8") : Buffer.from(new Uint8Array(serialized));
      return { json, rows: page.items.length };
    },
    (kept) => kept.rows,
  );
  reply.type("application/json; charset=utf-8").header("vary", "accept-encoding");
  const accepted = reply.request.headers["accept-encoding"];
  const encoding = accepted ? negotiate(accepted, [...encodings]) : null;
  if (!encoding || fresh) return reply.send(page.json);
  const bytes = encoded.get(page)?.[encoding];
  if (bytes instanceof Buffer) return reply.header("content-encoding", encoding).send(bytes);
  encodeLater(page, encoding);
  return reply.send(page.json);
}
