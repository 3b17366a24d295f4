import { PgTransaction } from "drizzle-orm/pg-core";

/**
 * Reads the lists repeat on every page (issue 16): the totals of the big lists (`count(*)` over 50k applications cost
 * more than the page itself) and the calls a page's rows belong to. A value is kept per database and key until any
 * transaction on that database commits a write (Database.transaction calls `readsChanged`: every state change runs in
 * one; on PostgreSQL every node's such commits are heard through db/change-listener.ts) or for `readTtlMs`, which
 * bounds what a write outside those transactions can leave stale. Only reads outside
 * a transaction are cached: a transaction sees its own uncommitted rows. Concurrent misses of one key share one read,
 * so a page asked by fifty users at once after a write counts once.
 */

/** How long a value may be reused when no transaction has ended since (a write outside `Database.transaction`). */
export const readTtlMs = 5_000;
/**
 * What one node keeps, at most: rows (an array's length, a map's size; a total counts 1) across all its entries,
 * some 20–40 MB of list rows, and entries. Beyond either, the cache starts over: a burst of distinct filters (a
 * crawler, a probe) costs reads, never memory.
 */
export const maxCachedRows = 20_000;
const maxEntries = 5_000;

interface Entry {
  generation: number;
  expires: number;
  value: Promise<unknown>;
  rows: number;
}

interface Cache {
  entries: Map<string, Entry>;
  rows: number;
}

const rowsOf = (value: unknown): number =>
  Array.isArray(value) ? value.length : value instanceof Map || value instanceof Set ? value.size : 1;

const generations = new WeakMap<object, number>();
/** Databases whose other nodes' commits cannot be heard right now (db/change-listener.ts): nothing is reused. */
const deaf = new WeakSet<object>();
const caches = new WeakMap<object, Cache>();

/** Called when a transaction on `db` has committed a write: every value cached for it may have changed. */
export function readsChanged(db: object): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

/** Whether this node hears every node's commits on `db`; while it does not, reads are not reused. */
export function hearsChanges(db: object, hears: boolean): void {
  if (hears) deaf.delete(db);
  else deaf.add(db);
  // What was read before may have changed unheard.
  readsChanged(db);
}

/** `value`, made read-only all the way down: a caller that changed a shared value would change every later caller's. */
function frozen<T>(value: T): T {
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value) || Object.isFrozen(value)) return value;
  Object.freeze(value);
  const children = value instanceof Map ? value.values() : Object.values(value);
  for (const child of children) frozen(child);
  return value;
}

/** Whether `executor` is a transaction, whose reads are never cached. */
const inTransaction = (executor: object) => executor instanceof PgTransaction;

/**
 * `read()`'s value under `key`, from the cache when no transaction on `db` has ended since it was read and it is
 * fresh. What it gets is frozen: it is shared with every later caller of the key. A failed read is not kept.
 * `weigh` counts the value's rows against `maxCachedRows` (default: an array's length, a map's size, else 1).
 */
export function cachedRead<T>(
  db: object,
  key: string,
  read: () => Promise<T>,
  weigh: (value: T) => number = rowsOf,
): Promise<T> {
  if (inTransaction(db) || deaf.has(db)) return read();
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), rows: 0 };
    caches.set(db, cache);
  }
  const kept = cache;
  const { entries } = kept;
  const now = Date.now();
  const generation = generations.get(db) ?? 0;
  const hit = entries.get(key);
  if (hit && hit.generation === generation && hit.expires > now) return hit.value as Promise<T>;
  const value = read().then(frozen);
  // The generation read before the query: a transaction ending meanwhile makes this entry stale at once.
  const entry: Entry = { generation, expires: now + readTtlMs, value, rows: 0 };
  if (hit) kept.rows -= hit.rows;
  entries.set(key, entry);
  value.then(
    (found) => {
      if (entries.get(key) !== entry) return;
      entry.rows = weigh(found);
      kept.rows += entry.rows;
      if (kept.rows > maxCachedRows || entries.size > maxEntries) {
        entries.clear();
        kept.rows = 0;
      }
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return value;
}

/** A query as drizzle builds it: awaiting it runs it. */
type BuiltQuery<Rows> = PromiseLike<Rows>;

/**
 * A cache key for a read: `use` names the read and what is made of its rows, `inputs` are every value its SQL is built
 * from (the caller's scope as `scopeKey` gives it, the filter). Keys are made of inputs, not of the built SQL, so a
 * reused read builds no query at all; two callers share an entry only if their inputs, hence their rows, are the same.
 */
export const readKey = (use: string, ...inputs: unknown[]) => `${use}\u0000${JSON.stringify(inputs)}`;

/** The rows of the query `build` makes, through `shape`, through the cache under `key` (see `readKey`). */
export function cachedQuery<Rows, T>(
  db: object,
  key: string,
  build: () => BuiltQuery<Rows>,
  shape: (rows: Rows) => T | Promise<T>,
): Promise<T> {
  return cachedRead(db, key, async () => shape(await build()));
}

/** The `n` of the count query `build` makes, through the cache under `key` (see `readKey`). */
export function cachedCount(
  db: object,
  key: string,
  build: () => BuiltQuery<Array<{ n: number | string }>>,
): Promise<number> {
  return cachedQuery(db, key, build, (rows) => Number(rows[0]?.n ?? 0));
}
