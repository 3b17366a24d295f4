import { describe, expect, it } from "vitest";
import { roles } from "../roles";
import { abilities, abilitiesOf, can, grants, scopeOf, scopes } from "./abilities";

/** Resources holding business data: none of the 三员 may touch them (等保 separation of duties). */
const businessResources = [
  "unit",
  "person",
  "call",
  "application",
  "objection",
  "registry-fact",
  "expert",
  "review",
  "base",
  "annual-report",
  "evaluation",
  "change-report",
  "rectification",
  "alliance",
  "revocation",
  "deadline",
  "statistics",
  "recommender",
  "unit-account",
  "base-feed",
];
const resourceOf = (ability: string) => ability.slice(0, ability.indexOf("."));

/** The expected scope of each (role, ability) cell, written from SPEC §1 independently of the table. */
function expectedCell(role: (typeof roles)[number], ability: (typeof abilities)[number]): string | null {
  const resource = resourceOf(ability);
  if (ability === "notification.read") return "self";
  if (ability === "dashboard.read") return role === "officer" ? "all" : role === "integration" ? null : "self";
  if (ability === "reference.read") return ["secadmin", "auditor"].includes(role) ? null : "all";
  switch (role) {
    case "integration":
      // Read-only: the registry, its change feed, and nothing of applications, reports, people or cases.
      return ["base.read", "base-feed.read"].includes(ability) ? "all" : null;
    case "sysadmin":
      return [
        "account.read",
        "account.create",
        "account.update",
        "account.unlock",
        "account.reset-password",
        "role-grant.request",
        "api-token.manage",
      ].includes(ability)
        ? "all"
        : null;
    case "secadmin":
      return ["account.read", "account.unlock", "role-grant.approve", "security-setting.manage"].includes(ability)
        ? "all"
        : null;
    case "auditor":
      return ["audit.read", "audit.verify", "draw.read"].includes(ability) ? "all" : null;
    case "expert":
      return ["application.read", "annual-report.read", "review.read", "review.declare", "review.score"].includes(
        ability,
      )
        ? "assigned"
        : null;
    case "evaluator":
      return [
        "base.read",
        "annual-report.read",
        "evaluation.read",
        "evaluation.score",
        "evaluation.onsite-check",
        "review.read",
        "review.declare",
        "review.score",
      ].includes(ability)
        ? "assigned"
        : null;
    case "officer":
      if (["account", "role-grant", "security-setting", "audit", "unit-account", "api-token"].includes(resource))
        return null;
      if (
        [
          "review.declare",
          "review.score",
          "evaluation.score",
          "application.create",
          "application.update",
          "application.submit",
          "application.withdraw",
          "application.recommend",
          "application.decline",
          "application.rank",
          "annual-report.create",
          "annual-report.submit",
          "annual-report.review",
          "change-report.create",
          "change-report.submit",
          "change-report.review",
          "rectification.submit",
          "revocation.request",
          "revocation.review",
        ].includes(ability)
      )
        return null;
      return "all";
    case "recommender":
      if (ability === "call.read" || ability === "alliance.read") return "all";
      return [
        "unit.read",
        "unit.confirm",
        "recommender.read",
        "person.read",
        "application.read",
        "application.return",
        "application.recommend",
        "application.decline",
        "application.rank",
        "registry-fact.read",
        "base.read",
        "annual-report.read",
        "annual-report.review",
        "annual-report.return",
        "evaluation.read",
        "change-report.read",
        "change-report.review",
        "rectification.read",
        "revocation.read",
        "revocation.review",
        "deadline.read",
        "statistics.read",
      ].includes(ability)
        ? "jurisdiction"
        : null;
    case "applicant":
      if (ability === "call.read" || ability === "alliance.read") return "all";
      if (ability === "unit-account.manage") return "unit-admin";
      return [
        "unit.read",
        "person.read",
        "person.manage",
        "application.create",
        "application.read",
        "application.update",
        "application.submit",
        "application.withdraw",
        "base.read",
        "annual-report.create",
        "annual-report.read",
        "annual-report.submit",
        "annual-report.review",
        "evaluation.read",
        "change-report.create",
        "change-report.read",
        "change-report.submit",
        "rectification.read",
        "rectification.submit",
        "revocation.read",
        "revocation.request",
        "deadline.read",
      ].includes(ability)
        ? "unit"
        : null;
  }
}

describe("the access table", () => {
  const cells = roles.flatMap((role) => abilities.map((ability) => [role, ability] as const));

  it.each(cells)("%s × %s", (role, ability) => {
    expect(scopeOf([role], ability)).toBe(expectedCell(role, ability));
  });

  it("gives the 三员 no business data", () => {
    for (const role of ["sysadmin", "secadmin", "auditor"] as const) {
      const granted = Object.keys(grants[role]);
      expect(granted.filter((ability) => businessResources.includes(resourceOf(ability)))).toEqual([]);
    }
  });

  it("grants every ability to someone, with a known scope", () => {
    for (const ability of abilities) {
      expect(
        roles.some((role) => can([role], ability)),
        ability,
      ).toBe(true);
    }
    for (const role of roles) {
      for (const scope of Object.values(grants[role])) expect(scopes).toContain(scope);
    }
  });

  it("gives the integration role reads only: no ability that changes anything", () => {
    const reads = new Set(["read"]);
    for (const ability of Object.keys(grants.integration)) {
      expect(reads.has(ability.slice(ability.indexOf(".") + 1)), ability).toBe(true);
    }
  });

  it("takes the widest scope when a caller holds two roles (a ministry university is applicant and recommender)", () => {
    expect(scopeOf(["applicant", "recommender"], "unit.read")).toBe("jurisdiction");
    expect(scopeOf(["applicant", "recommender"], "application.create")).toBe("unit");
    expect(abilitiesOf(["applicant", "recommender"])).toContain("application.recommend");
  });

  it("denies by default", () => {
    expect(scopeOf([], "unit.read")).toBeNull();
    expect(abilitiesOf([])).toEqual([]);
  });
});
