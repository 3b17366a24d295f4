import { PgTransaction } from "drizzle-orm/pg-core";

/**
 * The totals of the big lists (issue 16): `count(*)` over 50k applications on every page cost more than the page
 * itself. A total is kept per database and query until any transaction on that database ends (Database.transaction
 * calls `countsChanged` after commit or rollback: every state change runs in one) or for `ttlMs`, which bounds what a
 * second node's writes can leave stale. Only totals read outside a transaction are cached: a transaction sees its own
 * uncommitted rows.
 */

/** How long a total may be reused when no transaction on this node has ended since (another node's writes). */
export const countTtlMs = 5_000;
const maxEntries = 5_000;

interface Entry {
  generation: number;
  expires: number;
  n: number;
}

const generations = new WeakMap<object, number>();
const caches = new WeakMap<object, Map<string, Entry>>();

/** Called when a transaction on `db` has ended: every total cached for it may have changed. */
export function countsChanged(db: object): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

/** A count query as drizzle builds it: its SQL for the key, and the rows it resolves to. */
interface CountQuery extends PromiseLike<Array<{ n: number | string }>> {
  toSQL(): { sql: string; params: unknown[] };
}

/** The query's `n`, from the cache when no transaction on `db` has ended since it was read and it is fresh. */
export async function cachedCount(db: object, query: CountQuery, now = Date.now()): Promise<number> {
  if (db instanceof PgTransaction) return Number((await query)[0]?.n ?? 0);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const { sql, params } = query.toSQL();
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const generation = generations.get(db) ?? 0;
  const hit = cache.get(key);
  if (hit && hit.generation === generation && hit.expires > now) return hit.n;
  const [row] = await query;
  const n = Number(row?.n ?? 0);
  if (cache.size >= maxEntries) cache.clear();
  // The generation read before the query: a transaction ending meanwhile makes this entry stale at once.
  cache.set(key, { generation, expires: now + countTtlMs, n });
  return n;
}
