import type { Refusal } from "../refusal";
import { type Role, roleLabels, roles } from "../roles";
import { type Ability, can } from "./abilities";
import { isServiceRole, serviceAccountWithoutPassword, serviceRoleRefusal } from "./service-accounts";

/**
 * 三员分立 (separation of the three administrators) as a level-3 system under 等保2.0 is assessed: GB/T 22239-2019
 * 8.1.4.2 d) (least privilege for administrative users, their privileges separated), 8.1.5.1–8.1.5.3 (system,
 * audit and security administration each through its own interface) and 8.1.7.1 b) (the three posts exist).
 * Read here as (docs/guides/administrators.md, "三员分立的规则"):
 *
 * 1. One account holds at most one of the three administrator roles, and an account holding one holds no business
 *    role: the administrators see no business data (SPEC §1) and no administrator watches itself.
 * 2. Administrator roles are set up by the installation bootstrap (`npm run admin:bootstrap`) and changed only by the
 *    documented out-of-band procedure, never requested or approved in the platform: the system administrator chooses
 *    every new account's initial password, so an administrator account it could open would be its own.
 * 3. No administrator acts on an administrator's account (its own included) in the platform: no disabling, enabling,
 *    unlocking, role request or revocation, expert link. A lockout ends by itself after its 15 minutes.
 * 4. A business role is granted and revoked in two steps: the system administrator requests, the security
 *    administrator decides — never on their own account nor on their own request.
 *
 * Pure: the server loads an account's facts (locked, in the command's transaction), asks here, and writes.
 */
export const separationNorm = "GB/T 22239-2019 8.1.4.2 d)";

export const administratorRoles = ["sysadmin", "secadmin", "auditor"] as const satisfies readonly Role[];
export type AdministratorRole = (typeof administratorRoles)[number];

export function isAdministratorRole(role: Role): role is AdministratorRole {
  return (administratorRoles as readonly Role[]).includes(role);
}

/** The roles a person's account may be given in the platform: neither an administrator's nor a service account's. */
export const businessRoles = roles.filter((role) => !isAdministratorRole(role) && !isServiceRole(role));

export type GrantStatus = "pending" | "approved" | "rejected" | "revoked";

/** One role_grants row as the rules see it. A row with `revokes` set asks to revoke that approved grant. */
export interface GrantFacts {
  id: string;
  role: Role;
  status: GrantStatus;
  requestedBy: string | null;
  revokes: string | null;
}

/** What the server loads about the account acted on: its state and every grant row of it. */
export interface AccountFacts {
  id: string;
  /** A service account (policy/access/service-accounts.ts): an outside system's, holding the integration role only. */
  service: boolean;
  disabled: boolean;
  locked: boolean;
  grants: readonly GrantFacts[];
}

/** Who acts: the signed-in account and its approved roles. */
export interface AccountActor {
  accountId: string;
  roles: readonly Role[];
}

export type AccountRefusalKind = "not-found" | "forbidden" | "conflict" | "rule";
export type AccountDecision = { ok: true } | { ok: false; kind: AccountRefusalKind; refusal: Refusal };

const allowed: AccountDecision = { ok: true };
const refused = (kind: AccountRefusalKind, refusal: Refusal): AccountDecision => ({ ok: false, kind, refusal });

const zhList = (list: readonly Role[]) => list.map((role) => roleLabels[role].zh).join("、");
const enList = (list: readonly Role[]) => list.map((role) => roleLabels[role].en).join(", ");

/** Grant rows (not revocation requests) in a status. */
const grantRows = (account: AccountFacts, status: GrantStatus) =>
  account.grants.filter((grant) => grant.revokes === null && grant.status === status);

/** Roles in effect: approved grants (a pending revocation does not end them). */
export function heldRoles(account: AccountFacts): Role[] {
  return [...new Set(grantRows(account, "approved").map((grant) => grant.role))];
}

/** Roles requested and not yet decided. */
export function requestedRoles(account: AccountFacts): Role[] {
  return [...new Set(grantRows(account, "pending").map((grant) => grant.role))];
}

/** The administrator role an account holds or was asked for, if any: such an account is managed out of band. */
export function administratorRoleOf(account: AccountFacts): AdministratorRole | null {
  return [...heldRoles(account), ...requestedRoles(account)].find(isAdministratorRole) ?? null;
}

/**
 * Rule 1 on a set of roles one account would hold: at most one administrator role, and none beside a business role.
 * Returns the refusal (422, field `roles`) or null.
 */
export function roleSetRefusal(wanted: readonly Role[]): Refusal | null {
  const set = roles.filter((role) => wanted.includes(role));
  const administrators = set.filter(isAdministratorRole);
  if (administrators.length > 1) {
    return {
      code: "administrators-separated",
      messageZh: `三员分立：系统管理员、安全管理员、审计管理员须由不同账号担任，${zhList(administrators)}不能由同一账号兼任（${separationNorm}）。`,
      messageEn: `Separation of the three administrators (三员分立): ${enList(administrators)} cannot be held by one account; the system administrator, security administrator and auditor are different accounts (${separationNorm}).`,
      path: "roles",
    };
  }
  const business = set.filter((role) => !isAdministratorRole(role));
  if (administrators.length === 1 && business.length > 0) {
    return {
      code: "administrator-without-business-roles",
      messageZh: `三员分立：三员账号只用于管理，${zhList(administrators)}不能与业务角色${zhList(business)}由同一账号兼任（${separationNorm}）。`,
      messageEn: `Separation of the three administrators (三员分立): an administrator account only administers; ${enList(administrators)} cannot be combined with the business role ${enList(business)} on one account (${separationNorm}).`,
      path: "roles",
    };
  }
  return null;
}

/** Rule 2: administrator roles are not requested, approved or revoked in the platform. */
const outOfBand = (role: AdministratorRole): Refusal => ({
  code: "administrator-role-out-of-band",
  messageZh: `三员分立：${roleLabels[role].zh}角色只在系统初始化时设立（npm run admin:bootstrap），变更须按三员账号变更程序在平台外办理，不能在平台内申请或审批（${separationNorm}）。`,
  messageEn: `Separation of the three administrators (三员分立): the ${roleLabels[role].en} role is set up when the system is installed (npm run admin:bootstrap) and changed only through the documented administrator-change procedure, never requested or approved in the platform (${separationNorm}).`,
  path: "role",
});

/** Rule 3: nobody acts on an administrator's account in the platform, its holder included. */
const administratorAccount = (role: AdministratorRole): Refusal => ({
  code: "administrator-account",
  messageZh: `三员分立：${roleLabels[role].zh}账号不能由管理员在平台内停用、启用、解锁、变更或撤销角色，须按三员账号变更程序办理（${separationNorm}）。`,
  messageEn: `Separation of the three administrators (三员分立): the ${roleLabels[role].en}'s account cannot be disabled, enabled, unlocked or have its roles changed by an administrator in the platform; follow the administrator-change procedure (${separationNorm}).`,
});

const forbidden = (ability: Ability): Refusal => ({
  code: "forbidden",
  messageZh: `您没有执行此操作的权限（${ability}）。`,
  messageEn: `You are not allowed to do this (${ability}).`,
});

const grantNotFound: Refusal = {
  code: "not-found",
  messageZh: "角色授权不存在或您无权查看。",
  messageEn: "Role grant not found or not visible to you.",
};

/** The roles an account is created with in the platform (not the bootstrap): rules 1 and 2. */
export function decideNewAccountRoles(wanted: readonly Role[]): AccountDecision {
  const mixed = roleSetRefusal(wanted);
  if (mixed) return refused("rule", mixed);
  const administrator = wanted.find(isAdministratorRole);
  if (administrator) return refused("rule", { ...outOfBand(administrator), path: "roles" });
  const service = wanted.find(isServiceRole);
  if (service) return refused("rule", { ...serviceRoleRefusal(false, service)!, path: "roles" });
  return allowed;
}

/**
 * The system administrator asks for a role on an account: the role set it would make (held and requested roles
 * with it) keeps rule 1, the role is not an administrator's (rule 2), the account is not an administrator's (rule 3),
 * and it is neither held nor already requested.
 */
export function decideGrantRequest(account: AccountFacts, actor: AccountActor, role: Role): AccountDecision {
  if (!can(actor.roles, "role-grant.request")) return refused("forbidden", forbidden("role-grant.request"));
  const mixed = roleSetRefusal([...heldRoles(account), ...requestedRoles(account), role]);
  if (mixed) return refused("rule", { ...mixed, path: "role" });
  if (isAdministratorRole(role)) return refused("rule", outOfBand(role));
  const administrator = administratorRoleOf(account);
  if (administrator) return refused("forbidden", administratorAccount(administrator));
  const serviceMismatch = serviceRoleRefusal(account.service, role);
  if (serviceMismatch) return refused("rule", serviceMismatch);
  if (heldRoles(account).includes(role) || requestedRoles(account).includes(role)) {
    return refused("conflict", {
      code: "grant-exists",
      messageZh: "该账号已有此角色或申请待批。",
      messageEn: "The account already has this role or a pending request for it.",
    });
  }
  return allowed;
}

/** The system administrator asks to revoke an approved grant; the security administrator decides it (rule 4). */
export function decideRevocationRequest(account: AccountFacts, actor: AccountActor, grantId: string): AccountDecision {
  if (!can(actor.roles, "role-grant.request")) return refused("forbidden", forbidden("role-grant.request"));
  const grant = account.grants.find((row) => row.id === grantId && row.revokes === null);
  if (!grant) return refused("not-found", grantNotFound);
  if (isAdministratorRole(grant.role)) return refused("forbidden", administratorAccount(grant.role));
  const administrator = administratorRoleOf(account);
  if (administrator) return refused("forbidden", administratorAccount(administrator));
  if (grant.status !== "approved") {
    return refused("conflict", {
      code: "grant-not-active",
      messageZh: "只能撤销已批准、正在生效的角色。",
      messageEn: "Only an approved role in effect can be revoked.",
    });
  }
  if (account.grants.some((row) => row.revokes === grantId && row.status === "pending")) {
    return refused("conflict", {
      code: "revocation-pending",
      messageZh: "该角色已有待审批的撤销申请。",
      messageEn: "A revocation of this role already awaits approval.",
    });
  }
  return allowed;
}

/**
 * The security administrator decides a pending grant or revocation request. Nobody decides a request for their own
 * account or one they made; an approval must keep rule 1 against the roles the account holds now, and an
 * administrator role is never approved here (rule 2) — a request left from before these rules is only rejected.
 */
export function decideGrantDecision(
  account: AccountFacts,
  actor: AccountActor,
  grantId: string,
  decision: "approve" | "reject",
): AccountDecision {
  if (!can(actor.roles, "role-grant.approve")) return refused("forbidden", forbidden("role-grant.approve"));
  const grant = account.grants.find((row) => row.id === grantId);
  if (!grant) return refused("not-found", grantNotFound);
  if (grant.status !== "pending") {
    return refused("conflict", {
      code: "grant-decided",
      messageZh: "该申请已处理。",
      messageEn: "This request has already been decided.",
    });
  }
  if (account.id === actor.accountId || grant.requestedBy === actor.accountId) {
    return refused("forbidden", {
      code: "separation-of-duties",
      messageZh: "不能审批自己账号或自己提出的授权申请。",
      messageEn: "You cannot decide a grant for your own account or one you requested.",
    });
  }
  if (decision === "reject") return allowed;
  if (grant.revokes !== null) {
    const revoked = account.grants.find((row) => row.id === grant.revokes);
    if (revoked && isAdministratorRole(revoked.role)) return refused("forbidden", administratorAccount(revoked.role));
    if (revoked?.status !== "approved") {
      return refused("conflict", {
        code: "grant-not-active",
        messageZh: "要撤销的角色已不再生效，请驳回此撤销申请。",
        messageEn: "The role to revoke is no longer in effect; reject this revocation request.",
      });
    }
    return allowed;
  }
  const mixed = roleSetRefusal([...heldRoles(account), grant.role]);
  if (mixed) return refused("rule", { ...mixed, path: "role" });
  if (isAdministratorRole(grant.role)) return refused("rule", outOfBand(grant.role));
  const serviceMismatch = serviceRoleRefusal(account.service, grant.role);
  if (serviceMismatch) return refused("rule", serviceMismatch);
  return allowed;
}

export type AccountAction = "disable" | "enable" | "unlock" | "link-expert";

const abilityOf = {
  disable: "account.update",
  enable: "account.update",
  unlock: "account.unlock",
  "link-expert": "account.create",
} as const satisfies Record<AccountAction, Ability>;

/** Disabling, enabling, unlocking an account or linking it to the expert pool (rule 3; nobody disables themself). */
export function decideAccountAction(
  account: AccountFacts,
  actor: AccountActor,
  action: AccountAction,
): AccountDecision {
  const ability = abilityOf[action];
  if (!can(actor.roles, ability)) return refused("forbidden", forbidden(ability));
  const administrator = administratorRoleOf(account);
  if (administrator) return refused("forbidden", administratorAccount(administrator));
  if (action === "link-expert" && account.service) {
    return refused("rule", {
      code: "service-account-role",
      messageZh: "服务账号不能关联专家库人员。",
      messageEn: "A service account is not linked to the expert pool.",
    });
  }
  if (action === "disable" && account.id === actor.accountId) {
    return refused("forbidden", {
      code: "own-account",
      messageZh: "不能停用本人账号。",
      messageEn: "You cannot disable your own account.",
    });
  }
  return allowed;
}

/**
 * A password reset (a one-time password, changed at the next sign-in) by the system administrator
 * (`account.reset-password`) or a unit's administrator for its own unit's users (`unit-account.manage`; the server
 * checks the unit). Rule 3: an administrator's account is reset only from the server console
 * (`npm run -s admin:reset-password`), never in the platform; nobody resets their own account (修改密码 is for that).
 */
export function decidePasswordReset(
  account: AccountFacts,
  actor: AccountActor,
  ability: "account.reset-password" | "unit-account.manage",
): AccountDecision {
  if (!can(actor.roles, ability)) return refused("forbidden", forbidden(ability));
  const administrator = administratorRoleOf(account);
  if (administrator) {
    return refused("forbidden", {
      code: "administrator-account",
      messageZh: `三员分立：${roleLabels[administrator].zh}账号的密码不能在平台内重置，须由运维人员在服务器控制台按三员账号变更程序重置（${separationNorm}）。`,
      messageEn: `Separation of the three administrators (三员分立): the ${roleLabels[administrator].en}'s password is not reset in the platform; the operator resets it at the server console following the administrator-change procedure (${separationNorm}).`,
    });
  }
  if (account.service) return refused("rule", serviceAccountWithoutPassword);
  if (account.id === actor.accountId) {
    return refused("forbidden", {
      code: "own-account",
      messageZh: "不能重置本人账号的密码，请使用“修改密码”。",
      messageEn: "You cannot reset your own password; use Change password.",
    });
  }
  return allowed;
}

/** What the accounts list offers on one row: exactly the decisions above that would pass, where they apply. */
export interface AccountOffer {
  /** `account.update` (disable or enable, whichever applies), `account.unlock` (when locked), `role-grant.request`
   *  (some role can be requested), `account.create` (link to the expert pool, when the expert role is in play),
   *  `account.reset-password` (a business account). */
  abilities: Ability[];
  /** Roles the system administrator may request for this account now. */
  requestableRoles: Role[];
  /** Approved grants whose revocation it may request now. */
  revocableGrants: string[];
}

export function accountOffer(account: AccountFacts, actor: AccountActor): AccountOffer {
  const ok = (decision: AccountDecision) => decision.ok;
  const requestableRoles = roles.filter((role) => ok(decideGrantRequest(account, actor, role)));
  const revocableGrants = account.grants
    .filter((grant) => ok(decideRevocationRequest(account, actor, grant.id)))
    .map((grant) => grant.id);
  const expertInPlay = heldRoles(account).includes("expert") || requestedRoles(account).includes("expert");
  const abilities: Ability[] = [];
  if (ok(decideAccountAction(account, actor, account.disabled ? "enable" : "disable")))
    abilities.push("account.update");
  if (account.locked && ok(decideAccountAction(account, actor, "unlock"))) abilities.push("account.unlock");
  if (requestableRoles.length > 0) abilities.push("role-grant.request");
  if (expertInPlay && ok(decideAccountAction(account, actor, "link-expert"))) abilities.push("account.create");
  if (ok(decidePasswordReset(account, actor, "account.reset-password"))) abilities.push("account.reset-password");
  return { abilities, requestableRoles, revocableGrants };
}

/** The decisions the security administrator may take on one request now. */
export function grantDecisionsOffered(
  account: AccountFacts,
  actor: AccountActor,
  grantId: string,
): Array<"approve" | "reject"> {
  return (["approve", "reject"] as const).filter(
    (decision) => decideGrantDecision(account, actor, grantId, decision).ok,
  );
}
