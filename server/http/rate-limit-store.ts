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

/**
 * A rate-limit store in PostgreSQL, so every app node counts against the same limit (issue 17): one upsert per
 * request opens or continues the key's fixed window, on the database's clock, and returns the count and the
 * milliseconds left. Each route gets its own keys (`child`), as the plugin's LocalStore gives each its own map.
 * Expired windows are deleted by the housekeeping (`purgeRateLimitWindows`).
 */
const millisecondsLeft =
  sql<number>`greatest(0, ceil(extract(epoch from (${rateLimitWindows.windowEnds} - clock_timestamp())) * 1000))::int`.mapWith(
    Number,
  );

/**
 * The upsert, built and prepared once (issue 16: building it cost more than running it): a named statement the
 * database parses and plans once per connection.
 */
function prepareIncrement(db: Executor) {
  const ended = sql`${rateLimitWindows.windowEnds} <= clock_timestamp()`;
  return db
    .insert(rateLimitWindows)
    .values({
      key: sql.placeholder("key"),
      hits: 1,
      windowEnds: sql`clock_timestamp() + ${sql.placeholder("milliseconds")} * interval '1 millisecond'`,
    })
    .onConflictDoUpdate({
      target: rateLimitWindows.key,
      set: {
        hits: sql`case when ${ended} then 1 else ${rateLimitWindows.hits} + 1 end`,
        windowEnds: sql`case when ${ended} then excluded.window_ends else ${rateLimitWindows.windowEnds} end`,
      },
    })
    .returning({ current: rateLimitWindows.hits, ttl: millisecondsLeft })
    .prepare("rate_limit_increment");
}

export function postgresRateLimitStore(db: Executor) {
  const increment = prepareIncrement(db);
  return class PostgresRateLimitStore {
    constructor(
      _global?: unknown,
      private readonly prefix = "",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number) {
      increment
        .execute({ key: `${this.prefix}${key}`, milliseconds: timeWindow })
        .then(([state]) => callback(null, state))
        .catch((error: Error) => callback(error));
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
