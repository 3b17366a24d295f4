import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { loginRequest, meResponse, passwordChangeRequest } from "../../../contracts/auth";
import { okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { abilitiesOf, scopeOf } from "../../../policy/access/abilities";
import type { Caller } from "../../access/caller";
import { csrfCookie, destroySession, loadSession, sessionCookie } from "../../auth/sessions";
import { changePassword } from "../../commands/change-password";
import { execute } from "../../commands/command";
import { loginRefusal, loginWithPassword } from "../../commands/login";
import { actorOf, callerOf, invocationOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

export function presentMe(caller: Caller): z.infer<typeof meResponse> {
  return {
    user: {
      id: caller.accountId,
      username: caller.username,
      displayName: caller.displayName,
      mustChangePassword: caller.mustChangePassword,
      isUnitAdmin: caller.isUnitAdmin,
      ...(caller.unitName ? { unitName: caller.unitName } : {}),
      ...(caller.recommenderName ? { recommenderName: caller.recommenderName } : {}),
    },
    roles: caller.roles,
    jurisdiction: {
      ...(caller.division ? { division: caller.division } : {}),
      ...(caller.unitId ? { unitId: caller.unitId } : {}),
      ...(caller.recommenderId ? { recommenderId: caller.recommenderId } : {}),
    },
    abilities: abilitiesOf(caller.roles),
    scopes: Object.fromEntries(
      abilitiesOf(caller.roles).map((ability) => [ability, scopeOf(caller.roles, ability) ?? ""]),
    ),
    csrfToken: caller.csrfToken,
  };
}

function setSessionCookies(reply: FastifyReply, secure: boolean, token: string, csrfToken: string) {
  reply.setCookie(sessionCookie, token, { path: "/", httpOnly: true, sameSite: "lax", secure });
  // Readable by the SPA, which echoes it in the x-csrf-token header (double submit, checked against the session).
  reply.setCookie(csrfCookie, csrfToken, { path: "/", httpOnly: false, sameSite: "strict", secure });
}

export async function authRoutes(app: TypedApp, deps: RouteDeps) {
  app.post(
    "/api/auth/login",
    {
      config: {
        public: true,
        csrf: false,
        rateLimit: { max: deps.config.loginRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["auth"],
        summary: "登录 / sign in",
        body: loginRequest,
        response: { 200: meResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await loginWithPassword(
        { deps },
        {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? "",
        },
      );
      if (!result.ok) throw loginRefusal(result);
      setSessionCookies(reply, deps.config.secureCookies, result.token, result.csrfToken);
      const session = await loadSession(deps.database, deps.clock, result.token);
      if (!session || !("caller" in session)) throw new Error("session vanished right after sign-in");
      return presentMe(session.caller);
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { beforePasswordChange: true, anySignedIn: true },
      schema: { tags: ["auth"], summary: "退出 / sign out", response: { 200: okResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await execute(
        deps,
        actorOf(request),
        "auth.logout",
        { type: "account", id: caller.accountId },
        async (context) => {
          await destroySession(context.tx, caller.sessionId);
          await context.audit({});
        },
      );
      reply.clearCookie(sessionCookie, { path: "/" });
      reply.clearCookie(csrfCookie, { path: "/" });
      return { ok: true as const };
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { beforePasswordChange: true, anySignedIn: true },
      schema: { tags: ["auth"], summary: "当前用户 / who am I", response: { 200: meResponse, ...errorResponses } },
    },
    async (request) => presentMe(callerOf(request)),
  );

  app.post(
    "/api/auth/password",
    {
      config: { beforePasswordChange: true, anySignedIn: true },
      schema: {
        tags: ["auth"],
        summary: "修改密码 / change password",
        body: passwordChangeRequest,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await changePassword(invocationOf(deps, request), request.body);
      return { ok: true as const };
    },
  );
}
