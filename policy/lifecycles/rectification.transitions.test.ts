import { describe, expect, it } from "vitest";
import { abilitiesOf } from "../access/abilities";
import { expectExactTable } from "./lifecycle.test-helpers";
import {
  availableRectificationEvents,
  decideRectificationEvent,
  type RectificationEvent,
  type RectificationState,
  rectificationEventList,
  rectificationLifecycle,
  rectificationStateList,
} from "./rectification.transitions";
import { transition } from "./transition";

const expected: [RectificationState, RectificationEvent, RectificationState][] = [
  ["open", "file-plan", "plan-filed"],
  ["open", "fail", "failed"],
  ["plan-filed", "file-report", "report-filed"],
  ["plan-filed", "fail", "failed"],
  ["report-filed", "pass", "passed"],
  ["report-filed", "fail", "failed"],
  ["open", "close", "closed"],
  ["plan-filed", "close", "closed"],
  ["report-filed", "close", "closed"],
];

const permissive = {
  plan: "加强国际合作项目管理",
  finalReport: "整改完成，附佐证材料",
  reason: "复核仍不合格",
  today: "2027-12-05",
  dueOn: "2027-12-04",
};
const unit = abilitiesOf(["applicant"]);
const officer = abilitiesOf(["officer"]);
const recommender = abilitiesOf(["recommender"]);

describe("rectification lifecycle (Art. 24, 20.6)", () => {
  it("allows exactly the table and refuses every other pair", () => {
    expect(expectExactTable(rectificationLifecycle, expected, { ...permissive, baseLeftSeries: true })).toBe(
      6 * 5 - expected.length,
    );
  });

  it("labels every state and event in Chinese and English", () => {
    expect(rectificationStateList.map((entry) => entry.state)).toEqual(rectificationLifecycle.states);
    expect(rectificationEventList.map((entry) => entry.event)).toEqual(rectificationLifecycle.events);
    for (const entry of [...rectificationStateList, ...rectificationEventList]) {
      expect(entry.labelZh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.labelEn).toMatch(/[a-z]/);
    }
  });

  it("cites Art. 24 for the unit's filings and the pass, Art. 20.6 for the failure", () => {
    const articles = expected.map(([from, event]) => [
      event,
      transition(rectificationLifecycle, from, event, { ...permissive, baseLeftSeries: true }),
    ]);
    for (const [event, outcome] of articles) {
      expect(outcome).toMatchObject({ ok: true, value: { article: event === "fail" ? "20.6" : "24" } });
    }
  });

  it("closes only when the base has left the series, and never offers it as a button", () => {
    for (const state of ["open", "plan-filed", "report-filed"] as const) {
      expect(transition(rectificationLifecycle, state, "close", permissive)).toMatchObject({
        ok: false,
        refusal: { code: "base-in-series", article: "24" },
      });
      expect(availableRectificationEvents(state, { ...permissive, reason: undefined }, officer)).not.toContain("close");
      expect(transition(rectificationLifecycle, state, "close", { baseLeftSeries: true })).toMatchObject({
        ok: true,
        value: { to: "closed" },
      });
    }
  });

  it("the host unit files, the department decides; the recommender only reads", () => {
    expect(availableRectificationEvents("open", permissive, unit)).toEqual(["file-plan"]);
    expect(availableRectificationEvents("plan-filed", permissive, unit)).toEqual(["file-report"]);
    expect(availableRectificationEvents("report-filed", permissive, unit)).toEqual([]);
    expect(availableRectificationEvents("report-filed", { ...permissive, reason: undefined }, officer)).toEqual([
      "pass",
      "fail",
    ]);
    for (const state of rectificationLifecycle.states) {
      expect(availableRectificationEvents(state, permissive, recommender)).toEqual([]);
    }
    expect(decideRectificationEvent("report-filed", "pass", permissive, unit)).toMatchObject({
      ok: false,
      refusal: { code: "forbidden" },
    });
    expect(decideRectificationEvent("open", "file-plan", permissive, officer)).toMatchObject({
      ok: false,
      refusal: { code: "forbidden" },
    });
  });

  it("files a plan only when written, a report only when written", () => {
    expect(decideRectificationEvent("open", "file-plan", { plan: "  " }, unit)).toMatchObject({
      ok: false,
      refusal: { code: "plan-missing", article: "24", path: "plan" },
    });
    expect(decideRectificationEvent("plan-filed", "file-report", { plan: "x" }, unit)).toMatchObject({
      ok: false,
      refusal: { code: "report-missing", article: "24", path: "finalReport" },
    });
    expect(availableRectificationEvents("open", { plan: "" }, unit)).toEqual([]);
  });

  it("refuses the report before the plan, naming Art. 24", () => {
    expect(decideRectificationEvent("open", "file-report", permissive, unit)).toMatchObject({
      ok: false,
      refusal: { code: "plan-not-filed", article: "24" },
    });
  });

  it("a failure needs a reason (Art. 20.6)", () => {
    for (const reason of [undefined, "", "   "]) {
      expect(decideRectificationEvent("report-filed", "fail", { ...permissive, reason }, officer)).toMatchObject({
        ok: false,
        refusal: { code: "reason-required", article: "20.6", path: "reason" },
      });
    }
  });

  it("without a report, fails only once the year is over", () => {
    const running = { ...permissive, today: "2027-12-04" };
    for (const state of ["open", "plan-filed"] as const) {
      expect(decideRectificationEvent(state, "fail", running, officer)).toMatchObject({
        ok: false,
        refusal: { code: "rectification-period-running", article: "24" },
      });
      expect(decideRectificationEvent(state, "fail", permissive, officer)).toMatchObject({
        ok: true,
        value: { to: "failed" },
      });
      expect(availableRectificationEvents(state, running, officer)).toEqual([]);
    }
    expect(decideRectificationEvent("report-filed", "fail", running, officer)).toMatchObject({ ok: true });
  });
});
