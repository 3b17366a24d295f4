import { existsSync } from "node:fs";
import { join } from "node:path";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Clock } from "./clock";
import type { Config } from "./config/config";
import type { Database } from "./db/client";
import { markBearerRoutes } from "./http/bearer-routes";
import { errorHandler } from "./http/error-handler";
import { idempotency } from "./http/idempotency";
import { inputEdge, parseQuerystring, routerErrors } from "./http/input-edge";
import { postgresRateLimitStore } from "./http/rate-limit-store";
import { requestContext } from "./http/request-context";
import { securityHeaders } from "./http/security-headers";
import type { Lifecycle } from "./http/shutdown";
import { validatorCompiler } from "./http/validation";
import { httpMetrics } from "./metrics/http-metrics";
import { createMetrics } from "./metrics/platform-metrics";
import { openApiOptions } from "./openapi/document";
import { serverPaths } from "./paths";
import { registerReviewTargets } from "./review/register-targets";
import { registerRoutes } from "./routes";

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  /** Quiet logs in tests. */
  logger?: boolean;
}

export type App = FastifyInstance;

export const webDist = serverPaths.webDist;

export async function buildApp(deps: AppDeps): Promise<App> {
  // Request parsing: the router's refusals and the query string parser belong to the input edge (http/input-edge.ts).
  const router = routerErrors();
  const app = Fastify({
    logger: deps.logger === false ? false : { level: deps.config.logLevel },
    genReqId: () => crypto.randomUUID(),
    // Forwarded headers only from the configured proxies (TRUST_PROXY); otherwise request.ip is the socket's address,
    // which the per-IP rate limits key on and the audit log records.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: router.frameworkErrors,
    routerOptions: { querystringParser: parseQuerystring },
    // On close (http/shutdown.ts) idle keep-alive sockets go at once; those mid-request get to finish.
    forceCloseConnections: "idle",
  }).withTypeProvider<ZodTypeProvider>();
  registerReviewTargets();
  const routeDeps = { config: deps.config, database: deps.database, clock: deps.clock, keys: deps.config.keys };

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(routeDeps));
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get the SPA; a missing asset (a path with a file extension) is a plain 404.
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith("/api/") && !/\.[a-z0-9]+$/i.test(path) && existsSync(join(webDist, "index.html"))) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.code(404).send({
      code: "not-found",
      messageZh: `接口不存在：${request.method} ${request.url.split("?")[0]}`,
      messageEn: `No such endpoint: ${request.method} ${request.url.split("?")[0]}`,
    });
  });

  app.decorate("lifecycle", { draining: false } satisfies Lifecycle);
  // First, so every answer is counted, a 404 or a refusal by a hook included.
  const metrics = deps.config.metricsToken ? createMetrics({ ...deps, log: app.log }) : null;
  await app.register(httpMetrics, { metrics });
  await app.register(cookie, { secret: undefined });
  await app.register(securityHeaders);
  // On PostgreSQL limits are counted in the database, so that two app nodes share them; the embedded database serves
  // one process, whose memory is the shared place.
  await app.register(rateLimit, {
    global: false,
    ...(deps.database.kind === "postgres" ? { store: postgresRateLimitStore(deps.database.db) } : {}),
  });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  // Before every route: bad bytes in params, query, bodies and multipart fields are a 400, never a database error.
  await app.register(router.collectRoutes);
  await app.register(inputEdge);
  // Before the routes are added: the routes open to API tokens (http/bearer-routes.ts), read by the request context
  // and the OpenAPI document.
  await app.register(markBearerRoutes);
  await app.register(swagger, openApiOptions(deps.config));
  // The document and its page hold no data: readable without a session, like every public route.
  await app.register(async (docs) => {
    docs.addHook("onRoute", (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  });
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  // preCompressed: the build writes .br/.gz next to each asset (web/precompress.ts). Hashed assets never change;
  // index.html always revalidates so a new release is picked up.
  await app.register(fastifyStatic, {
    root: webDist,
    serve: existsSync(webDist),
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header("cache-control", /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  await app.register(requestContext, routeDeps);
  // After the caller is known, before any handler: Idempotency-Key on every write (http/idempotency.ts).
  await app.register(idempotency, routeDeps);
  await app.register(registerRoutes, routeDeps);
  return app;
}
