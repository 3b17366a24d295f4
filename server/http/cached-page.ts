import type { FastifyReply } from "fastify";
import { cachedRead } from "../db/read-cache";

/**
 * Sends a list page serialized once per cache key (db/read-cache.ts, issue 16): `present` builds the page, the route's
 * response schema checks and encodes it (`reply.serialize`) on the first request, and every later request with the
 * key until a write gets the same JSON bytes, sent as they are. The key must name everything the page is made from
 * (see `readKey`); its items count against the cache's row budget.
 */
export async function sendCachedPage(
  reply: FastifyReply,
  db: object,
  key: string,
  present: () => Promise<{ items: readonly unknown[] }>,
): Promise<FastifyReply> {
  const { json } = await cachedRead(
    db,
    key,
    async () => {
      const page = await present();
      // Kept as UTF-8 bytes: encoding a page of Chinese names again for every request cost more than the lookup.
      const serialized = reply.serialize(page);
      const json =
        typeof serialized === "string" ? Buffer.from(serialized, "utf8") : Buffer.from(new Uint8Array(serialized));
      return { json, rows: page.items.length };
    },
    (kept) => kept.rows,
  );
  return reply.type("application/json; charset=utf-8").send(json);
}
