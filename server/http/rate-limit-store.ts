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
 * `groupId` — not with the RouteOptions its type declarations name; read them defensively.
 */
function routeInfoOf(params: object): object {
  return "routeInfo" in params && typeof params.routeInfo === "object" && params.routeInfo ? params.routeInfo : {};
}

function routeKeyOf(params: object): string {
  if ("groupId" in params && typeof params.groupId === "string") return params.groupId;
  const info = routeInfoOf(params);
  return `${"method" in info ? String(info.method) : ""} ${"url" in info ? String(info.url) : ""}`;
}

/** Whether the route is marked `rateLimitSettled` in its config. */
function settlesOf(params: object): boolean {
  const info = routeInfoOf(params);
  const config = "config" in info && typeof info.config === "object" && info.config ? info.config : {};
  return "rateLimitSettled" in config && config.rateLimitSettled === true;
}

const millisecondsLeft =
  sql<number>`greatest(0, ceil(extract(epoch from (${rateLimitWindows.windowEnds} - clock_timestamp())) * 1000))::int`.mapWith(
    Number,
  );

interface Hit {
  key: string;
  /** How many requests this hit counts: one, or more when it carries requests already answered on the node. */
  weight: number;
  milliseconds: number;
  /** Told the count as of this hit's last request. */
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
    const hits = keys.map((key) => (byKey.get(key) ?? []).reduce((sum, hit) => sum + hit.weight, 0));
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
      let place = total - waiting.reduce((sum, hit) => sum + hit.weight, 0);
      for (const hit of waiting) {
        place += hit.weight;
        hit.callback(null, { current: place, ttl });
      }
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

/** A key's count as one node knows it (`settledCounts`). */
interface Tally {
  /** The total the database last returned, and when its window ends (`Date.now()` milliseconds). */
  known: number;
  ends: number;
  /** Requests answered on this node and not yet added to the database, and those being added now. */
  unsent: number;
  sending: number;
  milliseconds: number;
}

/** How often a node adds the requests it answered itself to the shared count; how many keys it keeps in memory. */
export const settling = { intervalMs: 250, keys: 50_000 };

/**
 * Counting for limits that guard load rather than a secret (routes marked `rateLimitSettled`: the anonymous reads):
 * while a key is below half its limit as far as this node knows, the node answers from memory and adds the requests
 * to the shared count in the background, every `settling.intervalMs`, all keys in one statement — an anonymous read
 * costs no database write of its own. From half the limit on, each request is counted in the database before it is
 * answered, as on every other route. One node alone counts exactly; a caller spread over n nodes gets at most
 * (n − 1) × half the limit more before every node knows. Without room for another key, a new key is counted exactly.
 */
function settledCounts(count: (hit: Hit) => void) {
  const tallies = new Map<string, Tally>();
  let scheduled = false;

  // Batches are counted one after another and answered in order, so the last total told is the newest.
  const learn = (tally: Tally, state: RateLimitState) => {
    tally.known = state.current;
    tally.ends = Date.now() + state.ttl;
  };

  function settle() {
    scheduled = false;
    const now = Date.now();
    for (const [key, tally] of tallies) {
      if (tally.unsent > 0) {
        const weight = tally.unsent;
        tally.unsent = 0;
        tally.sending += weight;
        count({
          key,
          weight,
          milliseconds: tally.milliseconds,
          callback: (error, state) => {
            tally.sending -= weight;
            if (error || !state) tally.unsent += weight;
            else learn(tally, state);
            schedule();
          },
        });
      } else if (tally.sending === 0 && tally.ends <= now) {
        tallies.delete(key);
      }
    }
    if (tallies.size > 0) schedule();
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(settle, settling.intervalMs).unref();
  }

  return (key: string, milliseconds: number, max: number, callback: Callback) => {
    const now = Date.now();
    let tally = tallies.get(key);
    if (tally && tally.ends <= now && tally.unsent === 0 && tally.sending === 0) {
      tallies.delete(key);
      tally = undefined;
    }
    if (!tally) {
      if (tallies.size >= settling.keys) return count({ key, weight: 1, milliseconds, callback });
      tally = { known: 0, ends: now + milliseconds, unsent: 0, sending: 0, milliseconds };
      tallies.set(key, tally);
    }
    const current = tally.known + tally.sending + tally.unsent + 1;
    if (current <= Math.floor(max / 2)) {
      tally.unsent += 1;
      schedule();
      return callback(null, { current, ttl: Math.max(0, tally.ends - now) });
    }
    const weight = tally.unsent + 1;
    const counted = tally;
    counted.unsent = 0;
    counted.sending += weight;
    count({
      key,
      weight,
      milliseconds,
      callback: (error, state) => {
        counted.sending -= weight;
        if (state) learn(counted, state);
        callback(error, state);
      },
    });
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
  const settled = settledCounts(count);
  return class PostgresRateLimitStore {
    constructor(
      _global?: unknown,
      private readonly prefix = "",
      private readonly settles = false,
    ) {}

    incr(key: string, callback: Callback, timeWindow: number, max: number) {
      if (this.settles) settled(`${this.prefix}${key}`, timeWindow, max, callback);
      else count({ key: `${this.prefix}${key}`, weight: 1, milliseconds: timeWindow, callback });
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
      return new PostgresRateLimitStore(undefined, `${routeKeyOf(params)}|`, settlesOf(params));
    }
  };
}

/** Housekeeping: windows that have ended count nothing any more. */
export async function purgeRateLimitWindows(db: Executor): Promise<void> {
  await db.delete(rateLimitWindows).where(sql`${rateLimitWindows.windowEnds} <= clock_timestamp()`);
}
