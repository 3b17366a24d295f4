import type { FastifyReply } from "fastify";
import { cachedRead } from "../db/read-cache";

/**
 * Sends a list page serialized once per cache key (db/read-cache.ts, issue 16): `present` builds the page, the route's
 * response schema checks and encodes it (`reply.serialize`) on the first request, and every later request with the
 * key until a write gets the same JSON — Fastify sends a string with a JSON content type as it is. The key must name
 * everything the page is made from (see `readKey`); `rows` counts against the cache's row budget.
 */
export async function sendCachedPage(
  reply: FastifyReply,
  db: object,
  key: string,
  rows: number,
  present: () => Promise<unknown>,
): Promise<FastifyReply> {
  const json = await cachedRead(
    db,
    key,
    async () => reply.serialize(await present()),
    () => rows,
  );
  return reply.type("application/json; charset=utf-8").send(json);
}
