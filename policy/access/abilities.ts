import type { Role } from "../roles";

/**
 * Every action in the platform, named `resource.action`. One registry: lifecycles, routes and the UI all
 * reference these names; later capabilities extend the list (and the grants below), never copy it.
 */
export const abilities = [
  // Foundation: organisations, people, accounts, 三员
  "unit.read",
  "unit.confirm", // recommender confirms a self-registered host unit
  "unit.manage", // officer creates and edits units
  "unit-account.manage", // a host unit's own administrator manages its users
  "recommender.read",
  "recommender.manage",
  "person.read",
  "person.manage",
  "account.read",
  "account.create",
  "account.update",
  "account.unlock",
  "account.reset-password", // a one-time password for a business account (the three administrators': console only)
  "api-token.manage", // the system administrator creates service accounts and issues and revokes their API tokens
  "role-grant.request", // sysadmin asks for a role to be granted or revoked
  "role-grant.approve", // secadmin decides the request (三员 separation; rules in ./separation.ts)
  "security-setting.manage",
  "audit.read",
  "audit.verify",
  "reference.read",
  "reference.manage", // fields, 一带一路 list, holiday years
  "dashboard.read",
  "notification.read",
  // Recognition (Art. 14)
  "call.read",
  "call.manage",
  "application.create",
  "application.read",
  "application.update",
  "application.submit",
  "application.withdraw",
  "application.return", // recommender or officer sends back for correction
  "application.recommend",
  "application.decline",
  "application.rank",
  "application.formal-review",
  "application.send-to-review",
  "application.verify-on-site",
  "application.evaluate", // 综合评议
  "application.approve", // 厅党组会
  "application.publish", // 公示
  "application.recognize",
  "application.reject",
  "objection.read",
  "objection.resolve",
  "registry-fact.read",
  "registry-fact.manage",
  // Expert review
  "expert.read",
  "expert.manage",
  "draw.run",
  "draw.read",
  "review.read",
  "review.declare",
  "review.score",
  "review.reopen",
  // Life of a base (Art. 18, 20–24)
  "base.read",
  "base.manage",
  "base.revoke",
  "base.exit",
  "base-feed.read", // the change feed of the registry (recognitions, revocations, grades, name and director changes)
  "annual-report.create",
  "annual-report.read",
  "annual-report.submit",
  "annual-report.review", // host unit and recommender review before the province
  "annual-report.return",
  "evaluation.read",
  "evaluation.manage",
  "evaluation.grade",
  "evaluation.score", // the entrusted third-party evaluator scores the round's reports (Art. 16.3, 22)
  "evaluation.onsite-check", // 实地核查 (Art. 22): the department, or the evaluator on its entrusted rounds
  "change-report.create",
  "change-report.read",
  "change-report.submit",
  "change-report.review",
  "change-report.file",
  "rectification.read",
  "rectification.submit", // host unit files its rectification plan and final report (Art. 24)
  "rectification.manage",
  "alliance.read",
  "alliance.manage",
  "revocation.read", // revocation cases of a base (Art. 20)
  "revocation.request", // the host unit asks to withdraw its base (Art. 20.7)
  "revocation.review", // the recommender reviews that request
  "deadline.read", // the deadlines across bases: changes due, agreements expiring, bans ending (SPEC §6)
  "statistics.read", // charts of bases and applications: the department the province, a recommender its jurisdiction
  // The policy assistant (issue 14): asking is public; the department curates its FAQ
  "assistant-faq.manage",
] as const;

export type Ability = (typeof abilities)[number];

/**
 * Which rows a grant reaches. The server turns a scope into one where-clause (server/access/scope.ts).
 * - all: every row (officer)
 * - jurisdiction: rows of units in the recommender's sub-tree
 * - unit: rows of the caller's own host unit
 * - unit-admin: as `unit`, and only for the unit's administrator account
 * - assigned: rows the caller was assigned (expert panels, evaluator entrustments)
 * - self: the caller's own record
 */
export const scopes = ["all", "jurisdiction", "unit", "unit-admin", "assigned", "self"] as const;
export type Scope = (typeof scopes)[number];

export type Grants = Partial<Record<Ability, Scope>>;

const everyone = { "notification.read": "self", "reference.read": "all", "dashboard.read": "self" } as const;

/** The role table: one cell per (role, ability). Missing cell = denied. */
export const grants = {
  applicant: {
    ...everyone,
    "unit.read": "unit",
    "unit-account.manage": "unit-admin",
    "person.read": "unit",
    "person.manage": "unit",
    "call.read": "all",
    "application.create": "unit",
    "application.read": "unit",
    "application.update": "unit",
    "application.submit": "unit",
    "application.withdraw": "unit",
    "base.read": "unit",
    "annual-report.create": "unit",
    "annual-report.read": "unit",
    "annual-report.submit": "unit",
    "annual-report.review": "unit",
    "evaluation.read": "unit",
    "change-report.create": "unit",
    "change-report.read": "unit",
    "change-report.submit": "unit",
    "rectification.read": "unit",
    "rectification.submit": "unit",
    "alliance.read": "all",
    "revocation.read": "unit",
    "revocation.request": "unit",
    "deadline.read": "unit",
  },
  recommender: {
    ...everyone,
    "unit.read": "jurisdiction",
    "unit.confirm": "jurisdiction",
    "recommender.read": "jurisdiction",
    "person.read": "jurisdiction",
    "call.read": "all",
    "application.read": "jurisdiction",
    "application.return": "jurisdiction",
    "application.recommend": "jurisdiction",
    "application.decline": "jurisdiction",
    "application.rank": "jurisdiction",
    "registry-fact.read": "jurisdiction",
    "base.read": "jurisdiction",
    "annual-report.read": "jurisdiction",
    "annual-report.review": "jurisdiction",
    "annual-report.return": "jurisdiction",
    "evaluation.read": "jurisdiction",
    "change-report.read": "jurisdiction",
    "change-report.review": "jurisdiction",
    "rectification.read": "jurisdiction",
    "alliance.read": "all",
    "revocation.read": "jurisdiction",
    "revocation.review": "jurisdiction",
    "deadline.read": "jurisdiction",
    "statistics.read": "jurisdiction",
  },
  officer: {
    ...everyone,
    "dashboard.read": "all",
    "unit.read": "all",
    "unit.confirm": "all",
    "unit.manage": "all",
    "recommender.read": "all",
    "recommender.manage": "all",
    "person.read": "all",
    "person.manage": "all",
    "reference.manage": "all",
    "call.read": "all",
    "call.manage": "all",
    "application.read": "all",
    "application.return": "all",
    "application.formal-review": "all",
    "application.send-to-review": "all",
    "application.verify-on-site": "all",
    "application.evaluate": "all",
    "application.approve": "all",
    "application.publish": "all",
    "application.recognize": "all",
    "application.reject": "all",
    "objection.read": "all",
    "objection.resolve": "all",
    "registry-fact.read": "all",
    "registry-fact.manage": "all",
    "expert.read": "all",
    "expert.manage": "all",
    "draw.run": "all",
    "draw.read": "all",
    "review.read": "all",
    "review.reopen": "all",
    "base.read": "all",
    "base.manage": "all",
    "base.revoke": "all",
    "base.exit": "all",
    "base-feed.read": "all",
    "annual-report.read": "all",
    "annual-report.return": "all",
    "evaluation.read": "all",
    "evaluation.manage": "all",
    "evaluation.grade": "all",
    "evaluation.onsite-check": "all",
    "change-report.read": "all",
    "change-report.file": "all",
    "rectification.read": "all",
    "rectification.manage": "all",
    "alliance.read": "all",
    "alliance.manage": "all",
    "revocation.read": "all",
    "deadline.read": "all",
    "statistics.read": "all",
    "assistant-faq.manage": "all",
  },
  expert: {
    ...everyone,
    "application.read": "assigned",
    "annual-report.read": "assigned",
    "review.read": "assigned",
    "review.declare": "assigned",
    "review.score": "assigned",
  },
  evaluator: {
    ...everyone,
    "base.read": "assigned",
    "annual-report.read": "assigned",
    "evaluation.read": "assigned",
    "evaluation.score": "assigned",
    "evaluation.onsite-check": "assigned",
    "review.read": "assigned",
    "review.declare": "assigned",
    "review.score": "assigned",
  },
  // 三员: none of them reads business data.
  sysadmin: {
    "notification.read": "self",
    "dashboard.read": "self",
    "account.read": "all",
    "account.create": "all",
    "account.update": "all",
    "account.unlock": "all",
    "account.reset-password": "all",
    "role-grant.request": "all",
    "api-token.manage": "all",
    "reference.read": "all",
  },
  secadmin: {
    "notification.read": "self",
    "dashboard.read": "self",
    "account.read": "all",
    "account.unlock": "all",
    "role-grant.approve": "all",
    "security-setting.manage": "all",
  },
  auditor: {
    "notification.read": "self",
    "dashboard.read": "self",
    "audit.read": "all",
    "audit.verify": "all",
    "draw.read": "all",
  },
  // A service account (issue 18): what an outside system needs of the registry, read-only — every base with its
  // facts and timeline, the change feed, the reference lists its codes come from, and its own notifications. No
  // application, report, review, person or revocation case; the public notices need no grant.
  integration: {
    "notification.read": "self",
    "reference.read": "all",
    "base.read": "all",
    "base-feed.read": "all",
  },
} as const satisfies Record<Role, Grants>;

/** The widest scope among the caller's roles for one ability, or null when no role grants it (deny by default). */
export function scopeOf(callerRoles: readonly Role[], ability: Ability): Scope | null {
  let best: Scope | null = null;
  for (const role of callerRoles) {
    const scope = (grants[role] as Grants)[ability];
    if (scope && (best === null || scopes.indexOf(scope) < scopes.indexOf(best))) best = scope;
  }
  return best;
}

export function can(callerRoles: readonly Role[], ability: Ability): boolean {
  return scopeOf(callerRoles, ability) !== null;
}

/** Every ability the roles grant, for `/api/auth/me` and the menu. */
export function abilitiesOf(callerRoles: readonly Role[]): Ability[] {
  return abilities.filter((ability) => can(callerRoles, ability));
}
