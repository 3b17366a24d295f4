import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type Ability, can } from "../../policy/access/abilities";
import type { Caller } from "../access/caller";
import { primaryRole } from "../access/caller";
import { bearerTokenOf, loadTokenCaller } from "../auth/api-tokens";
import { csrfCookie, loadSession, sessionCookie } from "../auth/sessions";
import type { Actor, CommandDeps, Invocation } from "../commands/command";
import type { Config } from "../config/config";
import { errors } from "./errors";

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** Public routes skip the session requirement; `csrf: false` exempts login. */
    public?: boolean;
    csrf?: boolean;
    /**
     * Checked before the body is validated: a caller without the ability (any of them, when the route's events
     * need different ones — the handler then checks the event's own) gets 403, never a 400 first. Every signed-in
     * route declares either this or `anySignedIn`; the OpenAPI document shows it as `x-abilities` and the
     * authorization matrix (server/routes/security/authorization-matrix.test.ts) derives its expectations from it.
     */
    ability?: Ability | readonly Ability[];
    /** Open to every signed-in caller: the route reads or changes only the caller's own session or records. */
    anySignedIn?: boolean;
    /** Reachable by an account that must still change its initial password (who am I, sign out, change it). */
    beforePasswordChange?: boolean;
    /** The rate limit is counted on the node first and settled among nodes after (http/rate-limit-store.ts). */
    rateLimitSettled?: boolean;
  }
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Loads the caller from the session cookie, or from an API token (`Authorization: Bearer`), and enforces sign-in and
 * CSRF for every non-public route. A token replaces the cookie: it is checked first, a bad one is a 401
 * `invalid-token` even on a public route (credentials sent are credentials checked), it needs no CSRF header (a bearer
 * token is not ambient authority: a browser never sends it by itself), it reaches only the routes listed in
 * http/bearer-routes.ts, and it is rate-limited per token (API_TOKEN_RATE_LIMIT a minute).
 */
export const requestContext = fp(async (app: FastifyInstance, deps: CommandDeps & { config: Config }) => {
  app.decorateRequest("caller", null);
  app.decorateRequest("sessionExpired", false);
  const tokenLimit = app.createRateLimit({
    max: deps.config.apiTokenRateLimit,
    timeWindow: "1 minute",
    keyGenerator: (request) => `api-token:${request.caller?.apiTokenId ?? ""}`,
  });
  app.addHook("onRequest", async (request, reply) => {
    const bearer = bearerTokenOf(request.headers.authorization);
    if (bearer !== null && request.routeOptions.url?.startsWith("/api/")) {
      const caller = bearer ? await loadTokenCaller(deps.database, deps.clock, bearer) : null;
      if (!caller) {
        reply.header("www-authenticate", 'Bearer error="invalid_token"');
        throw errors.invalidToken();
      }
      request.caller = caller;
      const limit = await tokenLimit(request);
      if (!limit.isAllowed) {
        // The same headers as the per-address limits of the public routes.
        reply.header("x-ratelimit-limit", String(limit.max));
        reply.header("x-ratelimit-remaining", String(Math.max(limit.remaining, 0)));
        reply.header("x-ratelimit-reset", String(limit.ttlInSeconds));
        if (limit.isExceeded) {
          reply.header("retry-after", String(limit.ttlInSeconds));
          throw Object.assign(new Error("rate limited"), { statusCode: 429 });
        }
      }
      const config = request.routeOptions.config;
      if (config.public) return;
      if (!config.bearer) throw errors.tokenNotAllowed();
      refuseWithoutAbility(caller, config.ability);
      return;
    }
    const token = request.cookies[sessionCookie];
    if (token) {
      const found = await loadSession(deps.database, deps.clock, token);
      if (found && "caller" in found) request.caller = found.caller;
      else {
        request.sessionExpired = found !== null;
        reply.clearCookie(sessionCookie, { path: "/" });
        reply.clearCookie(csrfCookie, { path: "/" });
      }
    }
    const config = request.routeOptions.config;
    // Unmatched URLs fall through to the not-found handler (404), matched API routes need a session.
    if (!request.routeOptions.url?.startsWith("/api/") || config.public) return;
    if (!request.caller) {
      if (request.sessionExpired) {
        throw Object.assign(errors.unauthenticated(), {
          body: {
            code: "session-expired",
            messageZh: "会话因长时间未操作已过期，请重新登录。",
            messageEn: "Your session expired after inactivity; please sign in again.",
          },
        });
      }
      throw errors.unauthenticated();
    }
    if (unsafeMethods.has(request.method) && config.csrf !== false) {
      if (request.headers["x-csrf-token"] !== request.caller.csrfToken) throw errors.csrf();
    }
    if (request.caller.mustChangePassword && !config.beforePasswordChange) throw errors.passwordChangeRequired();
    refuseWithoutAbility(request.caller, config.ability);
  });
});

/** The route's declared abilities as a list: the caller needs one of them. */
export function routeAbilities(declared: Ability | readonly Ability[] | undefined): readonly Ability[] {
  if (declared === undefined) return [];
  return typeof declared === "string" ? [declared] : declared;
}

function refuseWithoutAbility(caller: Caller, declared: Ability | readonly Ability[] | undefined): void {
  const needed = routeAbilities(declared);
  if (needed.length > 0 && !needed.some((ability) => can(caller.roles, ability))) throw errors.forbidden(needed[0]!);
}

/** The signed-in caller (routes behind the session requirement only). */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw errors.unauthenticated();
  return request.caller;
}

export function actorOf(request: FastifyRequest): Actor {
  const caller = request.caller;
  return {
    accountId: caller?.accountId ?? null,
    name: caller?.displayName ?? null,
    role: caller ? primaryRole(caller) : null,
    ip: request.ip,
    requestId: request.id,
  };
}

/** The invocation of a use case by the signed-in caller of this request (routes behind the session requirement). */
export function invocationOf(deps: CommandDeps, request: FastifyRequest): Invocation {
  return { deps, actor: actorOf(request), caller: callerOf(request) };
}
