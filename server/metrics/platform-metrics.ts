import { isNull, min, count as rowCount } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Clock } from "../clock";
import type { Database } from "../db/client";
import { outbox } from "../db/schema";
import { scheduledJobs } from "../jobs/scheduler";

/** What one app instance exposes on /metrics (docs/operations.md lists the names and what to alert on). */
export interface PlatformMetrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
  uploadBytes: Counter;
}

interface MetricsDeps {
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
}

/**
 * A registry of its own per app, never prom-client's global one: tests build several apps in one process. The
 * database gauges are read when Prometheus scrapes, so an idle node costs nothing between scrapes.
 */
export function createMetrics(deps: MetricsDeps): PlatformMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics: PlatformMetrics = {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method and route pattern",
      labelNames: ["method", "route"],
      // Up to a minute: a 50 MB upload over a slow line is a normal request.
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    uploadBytes: new Counter({
      name: "upload_bytes_total",
      help: "Bytes of uploaded files written to the staging directory",
      registers: [registry],
    }),
  };
  // The pool first: read before this scrape's own queries queue on it.
  if (deps.database.poolStats) registerPoolGauges(registry, deps.database.poolStats.bind(deps.database));
  registerOutboxGauges(registry, deps);
  if (deps.database.kind === "postgres") registerJobQueueGauge(registry, deps);
  return metrics;
}

/** Pending count and oldest pending age from one query, shared by both gauges of one scrape. */
function registerOutboxGauges(registry: Registry, deps: MetricsDeps) {
  let reading: Promise<{ pending: number; oldest: Date | null } | null> | null = null;
  const read = () => {
    reading ??= deps.database.db
      .select({ pending: rowCount(), oldest: min(outbox.createdAt) })
      .from(outbox)
      .where(isNull(outbox.dispatchedAt))
      .then(([row]) => row ?? null)
      .catch((error: unknown) => {
        // The gauges go missing from this scrape (alert on absent()); /readyz says why.
        deps.log.warn({ err: error }, "metrics: outbox query failed");
        return null;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };
  new Gauge({
    name: "outbox_pending_messages",
    help: "Outbox messages (notifications, mail) not yet delivered",
    registers: [registry],
    async collect() {
      this.reset();
      const row = await read();
      if (row) this.set(row.pending);
    },
  });
  new Gauge({
    name: "outbox_oldest_pending_age_seconds",
    help: "Age of the oldest undelivered outbox message (0 when none is pending)",
    registers: [registry],
    async collect() {
      this.reset();
      const row = await read();
      if (row) this.set(row.oldest ? Math.max(0, (deps.clock.now().getTime() - row.oldest.getTime()) / 1000) : 0);
    },
  });
}

function registerPoolGauges(registry: Registry, poolStats: NonNullable<Database["poolStats"]>) {
  const gauges = [
    ["db_pool_connections", "Connections the PostgreSQL pool holds", "total"],
    ["db_pool_idle_connections", "Connections of the pool not in use", "idle"],
    ["db_pool_waiting_queries", "Queries waiting for a free connection of the pool", "waiting"],
  ] as const;
  for (const [name, help, field] of gauges) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(poolStats()[field]);
      },
    });
  }
}

/** pg-boss jobs not yet started, per scheduled job; its schema exists once a scheduler has started on the database. */
function registerJobQueueGauge(registry: Registry, deps: MetricsDeps) {
  new Gauge({
    name: "job_queue_depth",
    help: "Scheduled jobs waiting to run (pg-boss, PostgreSQL only)",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const [present] = (await deps.database.executeSql("select to_regclass('pgboss.job') is not null as present"))
          .rows as Array<{ present: boolean }>;
        if (!present?.present) return;
        for (const job of scheduledJobs) this.set({ queue: job.name }, 0);
        const { rows } = await deps.database.executeSql(
          "select name, count(*)::int as n from pgboss.job where state < 'active' group by name",
        );
        for (const row of rows as Array<{ name: string; n: number }>) this.set({ queue: row.name }, row.n);
      } catch (error) {
        this.reset();
        deps.log.warn({ err: error }, "metrics: job queue query failed");
      }
    },
  });
}
