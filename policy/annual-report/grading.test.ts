import { describe, expect, it } from "vitest";
import { gradeCohort } from "../grading/grade";
import { type CohortReport, evaluationEntry, gradeConsequence, gradingBlockers } from "./grading";

const report = (id: string, patch: Partial<CohortReport> = {}): CohortReport => ({
  reportId: `r-${id}`,
  baseId: `b-${id}`,
  baseName: `基地${id}`,
  state: "under-evaluation",
  score: 75,
  fraudFound: false,
  baseState: "active",
  ...patch,
});

describe("gradingBlockers", () => {
  it("holds the cohort while a report is on its way or unscored, and names the base", () => {
    const issues = gradingBlockers([
      report("a"),
      report("b", { state: "recommender-review", score: null }),
      report("c", { score: null }),
      report("d", { state: "not-submitted", score: null }),
      report("e", { score: null, fraudFound: true }),
    ]);
    expect(issues.map((issue) => issue.path)).toEqual(["reports.r-b", "reports.r-c"]);
    expect(issues[0]!.messageZh).toContain("基地b");
  });

  it("lets a settled cohort through", () => {
    expect(gradingBlockers([report("a"), report("w", { state: "withdrawn", score: null })])).toEqual([]);
  });
});

describe("evaluationEntry and gradeConsequence", () => {
  it("turns a missed deadline into 不合格 that opens rectification for an active base (Art. 22, 24)", () => {
    const entry = evaluationEntry(report("x", { state: "not-submitted", score: null }));
    expect(entry.participation).toBe("not-reported");
    const [result] = gradeCohort([entry]).results;
    expect(result!.grade).toBe("unqualified");
    expect(gradeConsequence(result!, "active")).toEqual({ kind: "open-rectification", article: "24" });
  });

  it("proposes revocation on ground 6 for a base still 不合格 after its rectification year (Art. 20.6)", () => {
    const entry = evaluationEntry(report("y", { score: 40, baseState: "rectifying" }));
    expect(entry.inRectification).toBe(true);
    const [result] = gradeCohort([entry]).results;
    expect(gradeConsequence(result!, "rectifying")).toEqual({
      kind: "base-event",
      event: "fail-rectification",
      ground: 6,
      article: "20.6",
    });
  });

  it("passes the rectification of a base graded 合格, and proposes revocation on fraud (Art. 20.1) and withdrawal (20.2)", () => {
    const [passed] = gradeCohort([evaluationEntry(report("p", { score: 70, baseState: "rectifying" }))]).results;
    expect(gradeConsequence(passed!, "rectifying")).toMatchObject({ event: "pass-rectification" });
    const [fraud] = gradeCohort([evaluationEntry(report("f", { score: 95, fraudFound: true }))]).results;
    expect(gradeConsequence(fraud!, "active")).toMatchObject({ event: "propose-revocation", ground: 1 });
    const [withdrew] = gradeCohort([evaluationEntry(report("w", { state: "withdrawn", score: null }))]).results;
    expect(gradeConsequence(withdrew!, "active")).toMatchObject({ event: "propose-revocation", ground: 2 });
    expect(gradeConsequence(withdrew!, "revocation-proposed")).toBeNull();
  });

  it("leaves an active base graded 合格 or 优秀 as it is", () => {
    const [result] = gradeCohort([evaluationEntry(report("q", { score: 90 }))]).results;
    expect(result!.grade).toBe("excellent");
    expect(gradeConsequence(result!, "active")).toBeNull();
  });
});
