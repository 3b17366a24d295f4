import { errorResponses } from "../../../contracts/errors";
import {
  passwordRulesResponse,
  type SecurityPolicyResponse,
  securityPolicyInput,
  securityPolicyResponse,
} from "../../../contracts/security-policy";
import { securityPolicyBounds } from "../../../policy/security/password-policy";
import { authorize } from "../../access/scope";
import { readSecurityPolicy } from "../../auth/security-policy";
import { updateSecurityPolicy } from "../../commands/update-security-policy";
import type { Executor } from "../../db/client";
import { callerOf, invocationOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["security"];

/** The 安全策略 (security administrator) and the password rules every password form shows. */
export async function securityPolicyRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/security-policy",
    {
      config: { ability: "security-setting.manage" },
      schema: {
        tags,
        summary: "安全策略 / the security policy (security administrator)",
        response: { 200: securityPolicyResponse, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "security-setting.manage");
      return present(db);
    },
  );

  app.put(
    "/api/security-policy",
    {
      config: { ability: "security-setting.manage" },
      schema: {
        tags,
        summary: "保存安全策略 / save the security policy (等保 level 3 bounds)",
        body: securityPolicyInput,
        response: { 200: securityPolicyResponse, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "security-setting.manage");
      const { version, ...policy } = request.body;
      await updateSecurityPolicy(invocationOf(deps, request), { policy, version });
      return present(db);
    },
  );

  app.get(
    "/api/auth/password-rules",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "密码规则 / what a new password must meet",
        response: { 200: passwordRulesResponse, ...errorResponses },
      },
    },
    async () => {
      const { policy } = await readSecurityPolicy(db);
      return {
        minPasswordLength: policy.minPasswordLength,
        requiredCharacterClasses: policy.requiredCharacterClasses,
      };
    },
  );
}

async function present(db: Executor): Promise<SecurityPolicyResponse> {
  const stored = await readSecurityPolicy(db);
  return {
    ...stored.policy,
    version: stored.version,
    bounds: securityPolicyBounds,
    updatedByName: stored.updatedByName,
    updatedAt: stored.updatedAt?.toISOString() ?? null,
  };
}
