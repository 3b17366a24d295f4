import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * The routes a service account may call with its API token (`Authorization: Bearer`, docs/integration.md): one list,
 * reviewed in one place. Every other signed-in route answers a token 403 `token-not-allowed`, whatever the account's
 * role grants, so a new route is closed to tokens until it is listed here. Public routes take a token or none.
 * The OpenAPI document declares the bearer scheme on exactly these (server/openapi/document.ts).
 */
export const bearerRoutes = [
  // Who am I: the account, its roles and abilities.
  "GET /api/auth/me",
  // The registry: every base with its facts and timeline (base.read).
  "GET /api/bases",
  "GET /api/bases/:id",
  // The change feed: recognitions, revocations, grades, name and director changes (base-feed.read).
  "GET /api/feed/bases",
  // The lists the registry's codes come from (reference.read).
  "GET /api/reference",
  "GET /api/reference/countries",
  // The account's own notifications (its tokens' issue and revocation), and marking them read.
  "GET /api/notifications",
  "POST /api/notifications/read-all",
  "POST /api/notifications/:id/read",
] as const;

declare module "fastify" {
  interface FastifyContextConfig {
    /** Open to API tokens: set from `bearerRoutes`, never by hand. */
    bearer?: boolean;
  }
}

/** Marks the listed routes as open to tokens as they are added; the app does not start if one of them is missing. */
export const markBearerRoutes = fp(async (app: FastifyInstance) => {
  const listed = new Set<string>(bearerRoutes);
  const seen = new Set<string>();
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      const key = `${method} ${route.url}`;
      if (!listed.has(key)) continue;
      seen.add(key);
      route.config = { ...route.config, bearer: true };
    }
  });
  app.addHook("onReady", async () => {
    const missing = [...listed].filter((key) => !seen.has(key));
    if (missing.length > 0) throw new Error(`bearerRoutes lists routes that do not exist: ${missing.join(", ")}`);
  });
});
