import { describe, expect, it } from "vitest";
import { allianceKindOf, allianceKinds } from "../reference/alliance-kinds";
import {
  activityDateIssue,
  decideDissolve,
  decideJoin,
  decideLeave,
  isMemberOn,
  type JoinFacts,
  leadBaseIssue,
} from "./membership";

const facts = (overrides: Partial<JoinFacts> = {}): JoinFacts => ({
  base: { id: "b1", status: "active", recognizedOn: "2024-12-31" },
  alliance: { foundedOn: "2025-01-01", dissolvedOn: null },
  memberships: [],
  joinedOn: "2026-03-10",
  today: "2026-03-10",
  ...overrides,
});

const refusedAt = (outcome: { ok: boolean; refusal?: { code: string; path?: string; article?: string } }) =>
  outcome.ok ? null : { code: outcome.refusal?.code, path: outcome.refusal?.path, article: outcome.refusal?.article };

describe("Art. 27: alliance kinds", () => {
  it("lists regional, industry, field and academic with both labels", () => {
    expect(allianceKinds.map((kind) => kind.code)).toEqual(["regional", "industry", "field", "academic"]);
    expect(allianceKindOf("field").nameZh).toBe("领域性联盟");
    expect(allianceKindOf("other").nameZh).toBe("other");
  });
});

describe("Art. 27: membership dates", () => {
  it("a member on the joining day and every day before the leaving day", () => {
    const membership = { joinedOn: "2025-02-28", leftOn: "2025-03-01" };
    expect(isMemberOn(membership, "2025-02-27")).toBe(false);
    expect(isMemberOn(membership, "2025-02-28")).toBe(true);
    expect(isMemberOn(membership, "2025-03-01")).toBe(false);
    expect(isMemberOn({ joinedOn: "2024-02-29", leftOn: null }, "2099-12-31")).toBe(true);
  });

  it("joins today; not tomorrow, not before recognition or founding", () => {
    expect(decideJoin(facts())).toEqual({ ok: true, value: { joinedOn: "2026-03-10" } });
    expect(refusedAt(decideJoin(facts({ joinedOn: "2026-03-11" })))).toEqual({
      code: "joined-in-future",
      path: "joinedOn",
      article: "27",
    });
    expect(refusedAt(decideJoin(facts({ joinedOn: "2024-12-30" })))?.code).toBe("joined-before-recognition");
    expect(refusedAt(decideJoin(facts({ joinedOn: "2024-12-31" })))?.code).toBe("joined-before-founding");
    expect(decideJoin(facts({ joinedOn: "2025-01-01" })).ok).toBe(true);
  });

  it("only a base in the series joins; a dissolved alliance takes nobody", () => {
    for (const status of ["revoked", "exited"]) {
      expect(refusedAt(decideJoin(facts({ base: { id: "b1", status, recognizedOn: "2024-01-01" } })))).toEqual({
        code: "base-not-active",
        path: "baseId",
        article: "27",
      });
    }
    expect(decideJoin(facts({ base: { id: "b1", status: "rectifying", recognizedOn: "2024-01-01" } })).ok).toBe(true);
    const dissolved = facts({ alliance: { foundedOn: "2025-01-01", dissolvedOn: "2026-01-01" } });
    expect(refusedAt(decideJoin(dissolved))?.code).toBe("alliance-dissolved");
  });

  it("no overlapping memberships; rejoining on or after the leaving day is fine", () => {
    const current = { baseId: "b1", joinedOn: "2025-06-01", leftOn: null };
    expect(refusedAt(decideJoin(facts({ memberships: [current] })))?.code).toBe("membership-overlap");
    const ended = { baseId: "b1", joinedOn: "2025-06-01", leftOn: "2026-01-31" };
    expect(decideJoin(facts({ memberships: [ended], joinedOn: "2026-01-31" })).ok).toBe(true);
    expect(refusedAt(decideJoin(facts({ memberships: [ended], joinedOn: "2026-01-30" })))?.code).toBe(
      "membership-overlap",
    );
    // A backdated rejoin before an earlier period is refused only where the periods meet.
    expect(decideJoin(facts({ memberships: [ended], joinedOn: "2025-05-31" })).ok).toBe(false);
  });
});

describe("Art. 27: leaving, the lead base, dissolving, activities", () => {
  const membership = { baseId: "b2", joinedOn: "2026-03-10", leftOn: null };
  it("leaving on the joining day is refused; the day after is the first possible", () => {
    expect(refusedAt(decideLeave(membership, "2026-03-10", "2026-03-10", false))).toEqual({
      code: "left-not-after-joined",
      path: "leftOn",
      article: "27",
    });
    expect(refusedAt(decideLeave(membership, "2026-03-11", "2026-03-10", false))?.code).toBe("left-in-future");
    expect(decideLeave(membership, "2026-03-11", "2026-03-11", false)).toEqual({
      ok: true,
      value: { leftOn: "2026-03-11" },
    });
    expect(
      refusedAt(decideLeave({ ...membership, leftOn: "2026-04-01" }, "2026-05-01", "2026-06-01", false))?.code,
    ).toBe("membership-ended");
  });

  it("the lead base cannot leave, and must be a current member", () => {
    expect(refusedAt(decideLeave(membership, "2026-04-01", "2026-04-01", true))?.code).toBe("lead-must-be-member");
    expect(leadBaseIssue("b2", [membership], "2026-03-10")).toBeNull();
    expect(leadBaseIssue("b2", [membership], "2026-03-09")?.path).toBe("leadBaseId");
    expect(leadBaseIssue("b3", [membership], "2026-03-10")?.code).toBe("lead-must-be-member");
  });

  it("dissolves between founding and today, once", () => {
    const alliance = { foundedOn: "2025-01-01", dissolvedOn: null };
    expect(decideDissolve(alliance, "2025-01-01", "2026-03-10").ok).toBe(true);
    expect(refusedAt(decideDissolve(alliance, "2024-12-31", "2026-03-10"))?.path).toBe("dissolvedOn");
    expect(refusedAt(decideDissolve(alliance, "2026-03-11", "2026-03-10"))?.code).toBe("dissolved-out-of-range");
    expect(
      refusedAt(decideDissolve({ ...alliance, dissolvedOn: "2026-01-01" }, "2026-02-01", "2026-03-10"))?.code,
    ).toBe("alliance-dissolved");
  });

  it("activities fall while the alliance exists", () => {
    const alliance = { foundedOn: "2025-01-01", dissolvedOn: "2025-12-31" };
    expect(activityDateIssue(alliance, "2025-12-31", "2026-03-10")).toBeNull();
    expect(activityDateIssue(alliance, "2026-01-01", "2026-03-10")?.path).toBe("heldOn");
    expect(activityDateIssue({ ...alliance, dissolvedOn: null }, "2026-03-11", "2026-03-10")?.code).toBe(
      "activity-out-of-range",
    );
  });
});
