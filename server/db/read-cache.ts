import { PgTransaction } from "drizzle-orm/pg-core";

/**
 * Reads the lists repeat on every page (issue 16): the totals of the big lists (`count(*)` over 50k applications cost
 * more than the page itself) and the calls a page's rows belong to. A value is kept per database and key until any
 * transaction on that database ends (Database.transaction calls `readsChanged` after commit or rollback: every state
 * change runs in one) or for `readTtlMs`, which bounds what a second node's writes can leave stale. Only reads outside
 * a transaction are cached: a transaction sees its own uncommitted rows. Concurrent misses of one key share one read,
 * so a page asked by fifty users at once after a write counts once.
 */

/** How long a value may be reused when no transaction on this node has ended since (another node's writes). */
export const readTtlMs = 5_000;
const maxEntries = 5_000;

interface Entry {
  generation: number;
  expires: number;
  value: Promise<unknown>;
}

const generations = new WeakMap<object, number>();
const caches = new WeakMap<object, Map<string, Entry>>();

/** Called when a transaction on `db` has ended: every value cached for it may have changed. */
export function readsChanged(db: object): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

/** Whether `executor` is a transaction, whose reads are never cached. */
const inTransaction = (executor: object) => executor instanceof PgTransaction;

/**
 * `read()`'s value under `key`, from the cache when no transaction on `db` has ended since it was read and it is
 * fresh. The caller must not change what it gets: it is shared with every later caller of the key. A failed read is
 * not kept.
 */
export function cachedRead<T>(db: object, key: string, read: () => Promise<T>, now = Date.now()): Promise<T> {
  if (inTransaction(db)) return read();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const generation = generations.get(db) ?? 0;
  const hit = cache.get(key);
  if (hit && hit.generation === generation && hit.expires > now) return hit.value as Promise<T>;
  const value = read();
  if (cache.size >= maxEntries) cache.clear();
  // The generation read before the query: a transaction ending meanwhile makes this entry stale at once.
  const entry = { generation, expires: now + readTtlMs, value };
  cache.set(key, entry);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}

/** A count query as drizzle builds it: its SQL for the key, and the rows it resolves to. */
interface CountQuery extends PromiseLike<Array<{ n: number | string }>> {
  toSQL(): { sql: string; params: unknown[] };
}

/** The query's `n`, through the cache. */
export function cachedCount(db: object, query: CountQuery, now = Date.now()): Promise<number> {
  const { sql, params } = query.toSQL();
  return cachedRead(
    db,
    `count\u0000${sql}\u0000${JSON.stringify(params)}`,
    async () => Number((await query)[0]?.n ?? 0),
    now,
  );
}
