import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rateLimitWindows } from "../db/schema";

/** What @fastify/rate-limit asks of a store (its LocalStore and RedisStore have the same shape). */
interface RateLimitState {
  current: number;
  ttl: number;
}
type Callback = (error: Error | null, state?: RateLimitState) => void;

/**
 * The plugin calls `child` with its merged route settings — the route's options as `routeInfo` and an optional
 * `groupId` — not with the RouteOptions its type declarations name; read both defensively.
 */
function routeKeyOf(params: object): string {
  if ("groupId" in params && typeof params.groupId === "string") return params.groupId;
  const info =
    "routeInfo" in params && typeof params.routeInfo === "object" && params.routeInfo ? params.routeInfo : {};
  return `${"method" in info ? String(info.method) : ""} ${"url" in info ? String(info.url) : ""}`;
}

const millisecondsLeft =
  sql<number>`greatest(0, ceil(extract(epoch from (${rateLimitWindows.windowEnds} - clock_timestamp())) * 1000))::int`.mapWith(
    Number,
  );

interface Hit {
  key: string;
  milliseconds: number;
  callback: Callback;
}

/**
 * Counts every hit queued while the last statement ran in one upsert (issue 16: one statement per request held the
 * public lists to a quarter of a no-op). The count stays exact: a key's hits in a batch are added at once and each
 * caller gets its own place in the returned total, as if they had been counted one by one. Keys are locked in sorted
 * order, so two nodes' batches never deadlock.
 */
function countInBatches(db: Executor) {
  let queued: Hit[] = [];
  let running = false;

  async function count(batch: Hit[]): Promise<void> {
    const byKey = new Map<string, Hit[]>();
    for (const hit of batch) {
      const same = byKey.get(hit.key);
      if (same) same.push(hit);
      else byKey.set(hit.key, [hit]);
    }
    const keys = [...byKey.keys()].sort();
    const hits = keys.map((key) => byKey.get(key)?.length ?? 0);
    const windows = keys.map((key) => byKey.get(key)?.[0]?.milliseconds ?? 0);
    const ended = sql`${rateLimitWindows.windowEnds} <= clock_timestamp()`;
    let rows: Array<{ key: string; total: number; ttl: number }>;
    try {
      rows = await db
        .insert(rateLimitWindows)
        .select(
          sql`select key, hits, clock_timestamp() + milliseconds * interval '1 millisecond'
              from unnest(${sql.param(keys)}::text[], ${sql.param(hits)}::int[], ${sql.param(windows)}::int[])
                as batch(key, hits, milliseconds) order by key`,
        )
        .onConflictDoUpdate({
          target: rateLimitWindows.key,
          set: {
            hits: sql`case when ${ended} then excluded.hits else ${rateLimitWindows.hits} + excluded.hits end`,
            windowEnds: sql`case when ${ended} then excluded.window_ends else ${rateLimitWindows.windowEnds} end`,
          },
        })
        .returning({ key: rateLimitWindows.key, total: rateLimitWindows.hits, ttl: millisecondsLeft });
    } catch (error) {
      for (const hit of batch) hit.callback(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    for (const { key, total, ttl } of rows) {
      const waiting = byKey.get(key) ?? [];
      const first = total - waiting.length + 1;
      for (const [place, hit] of waiting.entries()) hit.callback(null, { current: first + place, ttl });
    }
  }

  async function drain(): Promise<void> {
    running = true;
    try {
      while (queued.length > 0) {
        const batch = queued;
        queued = [];
        await count(batch);
      }
    } finally {
      running = false;
    }
  }

  return (hit: Hit) => {
    queued.push(hit);
    if (!running) void drain();
  };
}

/**
 * A rate-limit store in PostgreSQL, so every app node counts against the same limit (issue 17): an upsert opens or
 * continues each key's fixed window, on the database's clock, and returns the count and the milliseconds left. Each
 * route gets its own keys (`child`), as the plugin's LocalStore gives each its own map. Expired windows are deleted by
 * the housekeeping (`purgeRateLimitWindows`).
 */
export function postgresRateLimitStore(db: Executor) {
  const count = countInBatches(db);
  return class PostgresRateLimitStore {
    constructor(
      _global?: unknown,
      private readonly prefix = "",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number) {
      count({ key: `${this.prefix}${key}`, milliseconds: timeWindow, callback });
    }

    read(key: string, callback: Callback) {
      db.select({ current: rateLimitWindows.hits, ttl: millisecondsLeft })
        .from(rateLimitWindows)
        .where(
          and(
            eq(rateLimitWindows.key, `${this.prefix}${key}`),
            sql`${rateLimitWindows.windowEnds} > clock_timestamp()`,
          ),
        )
        .then(([state]) => callback(null, state ?? { current: 0, ttl: 0 }))
        .catch((error: Error) => callback(error));
    }

    child(params: object) {
      return new PostgresRateLimitStore(undefined, `${routeKeyOf(params)}|`);
    }
  };
}

/** Housekeeping: windows that have ended count nothing any more. */
export async function purgeRateLimitWindows(db: Executor): Promise<void> {
  await db.delete(rateLimitWindows).where(sql`${rateLimitWindows.windowEnds} <= clock_timestamp()`);
}
