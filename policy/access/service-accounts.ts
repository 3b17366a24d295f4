import type { Refusal } from "../refusal";
import type { Role } from "../roles";
import { can } from "./abilities";

/**
 * Service accounts (issue 18; docs/integration.md): an outside system — the province's government service portal,
 * the statistics office, MOST's systems — reads the registry through an account of its own that no person signs in
 * to. The system administrator creates it and issues its API tokens; its one role, `integration`, takes effect like
 * every business role once the security administrator approves it (三员, policy/access/separation.ts rule 4).
 *
 * 1. A service account holds the `integration` role and no other; the `integration` role is held by service accounts
 *    only. A person's account never signs in with a token, and a token never carries a person's roles.
 * 2. A service account has no password: it does not sign in on the login page, and no one resets its password.
 * 3. API tokens are issued and revoked for service accounts only, by the holder of `api-token.manage`; a disabled
 *    account gets no new token (its tokens stop working while it is disabled).
 *
 * Pure: the server loads the account (locked, in the command's transaction), asks here, and writes.
 */

export const serviceRoles = ["integration"] as const satisfies readonly Role[];
export type ServiceRole = (typeof serviceRoles)[number];

export function isServiceRole(role: Role): role is ServiceRole {
  return (serviceRoles as readonly Role[]).includes(role);
}

/** Rule 1 for one role on one account: null when the role suits the account's kind. */
export function serviceRoleRefusal(service: boolean, role: Role): Refusal | null {
  if (service && !isServiceRole(role)) {
    return {
      code: "service-account-role",
      messageZh: "服务账号只能担任“外部系统对接”角色，不能授予业务人员或管理员角色。",
      messageEn: "A service account holds the Integration role only; it is never granted a person's role.",
      path: "role",
    };
  }
  if (!service && isServiceRole(role)) {
    return {
      code: "integration-role-for-service-accounts",
      messageZh: "“外部系统对接”角色只授予服务账号，请在“服务账号与 API 令牌”中新建服务账号。",
      messageEn: "The Integration role is for service accounts only: create a service account under Service accounts.",
      path: "role",
    };
  }
  return null;
}

/** Rule 2: a service account's password is never reset (it has none to sign in with). */
export const serviceAccountWithoutPassword: Refusal = {
  code: "service-account-without-password",
  messageZh: "服务账号不使用密码登录，无需重置密码；请为其签发或吊销 API 令牌。",
  messageEn: "A service account does not sign in with a password; issue or revoke its API tokens instead.",
};

/** What the token rules read about the account a token is for. */
export interface TokenAccountFacts {
  service: boolean;
  disabled: boolean;
}

export type TokenDecision =
  | { ok: true }
  | { ok: false; kind: "forbidden" | "not-found" | "conflict"; refusal: Refusal };

/** Rule 3: issuing an API token for an account. */
export function decideTokenIssue(account: TokenAccountFacts, actorRoles: readonly Role[]): TokenDecision {
  if (!can(actorRoles, "api-token.manage")) {
    return {
      ok: false,
      kind: "forbidden",
      refusal: {
        code: "forbidden",
        messageZh: "您没有执行此操作的权限。",
        messageEn: "You are not allowed to do this.",
      },
    };
  }
  if (!account.service) {
    return {
      ok: false,
      kind: "not-found",
      refusal: {
        code: "not-found",
        messageZh: "服务账号不存在。API 令牌只签发给服务账号。",
        messageEn: "No such service account: API tokens are issued to service accounts only.",
      },
    };
  }
  if (account.disabled) {
    return {
      ok: false,
      kind: "conflict",
      refusal: {
        code: "account-disabled",
        messageZh: "该服务账号已停用，请先启用再签发令牌。",
        messageEn: "The service account is disabled; enable it before issuing a token.",
      },
    };
  }
  return { ok: true };
}

/** Longest validity of a token, in days: a year, so that every token is renewed at least once a year. */
export const maxTokenDays = 366;
/** A token's validity unless the administrator chooses another. */
export const defaultTokenDays = 90;
