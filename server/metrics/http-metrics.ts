import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { PlatformMetrics } from "./platform-metrics";

declare module "fastify" {
  interface FastifyInstance {
    /** This app's metrics; null when METRICS_TOKEN is unset (nothing is counted, /metrics answers 404). */
    metrics: PlatformMetrics | null;
  }
}

/**
 * Counts and times every answer by its route pattern (`/api/bases/:id`), never the URL: ids in labels would make a
 * series per record. A request no route matched is `unmatched`.
 */
export const httpMetrics = fp(async (app: FastifyInstance, options: { metrics: PlatformMetrics | null }) => {
  app.decorate("metrics", options.metrics);
  const metrics = options.metrics;
  if (!metrics) return;
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
});
