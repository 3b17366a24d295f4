import { createHash, timingSafeEqual } from "node:crypto";
import { bearerTokenOf } from "../../auth/api-tokens";
import { apiError } from "../../http/errors";
import type { RouteDeps, TypedApp } from "../types";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares digests, equal in length whatever was sent, so the time taken tells nothing about the token. */
function isMetricsToken(given: string | null, expected: string): boolean {
  return given !== null && timingSafeEqual(digest(given), digest(expected));
}

/**
 * Prometheus text format for the operators' scraper, behind `Authorization: Bearer <METRICS_TOKEN>`. Outside the
 * session rules (`public`: the token is its own check) and hidden from the OpenAPI document, like /healthz. Without
 * METRICS_TOKEN it answers as an unknown endpoint does, so a scanner learns nothing.
 */
export async function metricsRoutes(app: TypedApp, deps: RouteDeps) {
  const expected = deps.config.metricsToken;
  app.get("/metrics", { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const metrics = app.metrics;
    if (!expected || !metrics) {
      return reply.code(404).send({
        code: "not-found",
        messageZh: `接口不存在：${request.method} /metrics`,
        messageEn: `No such endpoint: ${request.method} /metrics`,
      });
    }
    if (!isMetricsToken(bearerTokenOf(request.headers.authorization), expected)) {
      reply.header("www-authenticate", 'Bearer realm="metrics"');
      throw apiError(
        401,
        "invalid-metrics-token",
        "监控令牌缺失或无效。",
        "The metrics token is missing or wrong (Authorization: Bearer <METRICS_TOKEN>).",
      );
    }
    reply.header("cache-control", "no-store");
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
