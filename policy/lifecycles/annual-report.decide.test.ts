import { describe, expect, it } from "vitest";
import type { Ability } from "../access/abilities";
import { availableReportEvents, decideReportEvent, type ReportActor, type ReportFacts } from "./annual-report.decide";

const facts = (over: Partial<ReportFacts> = {}): ReportFacts => ({
  state: "awaiting-report",
  version: 3,
  today: "2027-03-31",
  round: { reportDeadline: "2027-03-31", open: true },
  missing: [],
  correctionDueOn: null,
  ...over,
});

const unitStaff: ReportActor = {
  canRead: true,
  abilities: ["annual-report.read", "annual-report.submit", "annual-report.review"] satisfies Ability[],
  reviewsAs: new Set(),
};
const unitAdmin: ReportActor = { ...unitStaff, reviewsAs: new Set(["unit-admin"]) };
const recommender: ReportActor = {
  canRead: true,
  abilities: ["annual-report.read", "annual-report.review", "annual-report.return"],
  reviewsAs: new Set(["recommender"]),
};
const officer: ReportActor = {
  canRead: true,
  abilities: ["annual-report.read", "annual-report.return", "evaluation.manage", "evaluation.grade"],
  reviewsAs: new Set(["department"]),
};

describe("annual report events (Art. 22)", () => {
  it("submits on the deadline day and stamps the submission; refuses the day after", () => {
    const onTime = decideReportEvent(facts(), unitStaff, { event: "submit-report" });
    expect(onTime).toMatchObject({ ok: true, change: { to: "unit-review", submitted: true, edition: "2025" } });
    const late = decideReportEvent(facts({ today: "2027-04-01" }), unitStaff, { event: "submit-report" });
    expect(late).toMatchObject({ ok: false, kind: "conflict", refusal: { code: "deadline-passed", article: "22" } });
  });

  it("lists every missing section when an incomplete report is submitted, and still offers the submission", () => {
    const missing = [{ path: "summary", messageZh: "请填写基地基本情况", messageEn: "The summary is required" }];
    const decision = decideReportEvent(facts({ missing }), unitStaff, { event: "submit-report" });
    expect(decision).toMatchObject({
      ok: false,
      kind: "rule",
      refusal: { code: "report-incomplete", errors: missing },
    });
    expect(availableReportEvents(facts({ missing }), unitStaff)).toEqual(["submit-report"]);
  });

  it("keeps each review to its stage: the drafter cannot approve for the unit, a unit cannot approve for the recommender", () => {
    const atUnit = facts({ state: "unit-review" });
    expect(decideReportEvent(atUnit, unitStaff, { event: "unit-approve" })).toMatchObject({
      ok: false,
      kind: "forbidden",
      refusal: { code: "not-this-stage" },
    });
    expect(decideReportEvent(atUnit, unitAdmin, { event: "unit-approve" })).toMatchObject({
      ok: true,
      change: { to: "recommender-review" },
    });
    const atRecommender = facts({ state: "recommender-review" });
    expect(decideReportEvent(atRecommender, unitAdmin, { event: "recommender-approve" }).ok).toBe(false);
    expect(decideReportEvent(atRecommender, recommender, { event: "recommender-approve" })).toMatchObject({
      ok: true,
      change: { to: "submitted" },
    });
    const atDepartment = facts({ state: "submitted" });
    expect(decideReportEvent(atDepartment, recommender, { event: "return-report", reason: "补充" }).ok).toBe(false);
    expect(decideReportEvent(atDepartment, officer, { event: "return-report", reason: "补充材料" })).toMatchObject({
      ok: true,
      change: { to: "awaiting-report" },
    });
  });

  it("needs a reason to return, and refuses a stale version before anything else changes", () => {
    const atRecommender = facts({ state: "recommender-review" });
    expect(decideReportEvent(atRecommender, recommender, { event: "return-report", reason: "  " })).toMatchObject({
      ok: false,
      refusal: { code: "reason-required", path: "reason" },
    });
    expect(
      decideReportEvent(atRecommender, recommender, { event: "recommender-approve", expectedVersion: 2 }),
    ).toMatchObject({ ok: false, kind: "conflict", refusal: { code: "stale-version" } });
  });

  it("marks a report not submitted only after the deadline, and hides the report from a caller who cannot read it", () => {
    expect(decideReportEvent(facts(), officer, { event: "mark-not-submitted" })).toMatchObject({
      ok: false,
      refusal: { code: "deadline-not-passed" },
    });
    expect(decideReportEvent(facts({ today: "2027-04-01" }), officer, { event: "mark-not-submitted" })).toMatchObject({
      ok: true,
      change: { to: "not-submitted" },
    });
    expect(decideReportEvent(facts(), { ...officer, canRead: false }, { event: "withdraw" })).toMatchObject({
      kind: "not-found",
    });
  });

  it("offers each role only its own moves", () => {
    expect(availableReportEvents(facts({ state: "unit-review" }), unitStaff)).toEqual([]);
    expect(availableReportEvents(facts({ state: "unit-review" }), unitAdmin)).toEqual([
      "unit-approve",
      "return-report",
    ]);
    expect(availableReportEvents(facts({ state: "recommender-review" }), recommender)).toEqual([
      "recommender-approve",
      "return-report",
    ]);
    expect(availableReportEvents(facts({ state: "submitted" }), officer)).toEqual([
      "return-report",
      "start-evaluation",
      "withdraw",
    ]);
  });
});
