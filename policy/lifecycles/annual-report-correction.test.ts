import { describe, expect, it } from "vitest";
import type { Ability } from "../access/abilities";
import {
  availableReportEvents,
  decideReportEvent,
  type ReportActor,
  type ReportFacts,
  reportOpenForEdits,
} from "./annual-report.decide";

/** 补正 (Art. 22, SPEC §5.2): the department opens a short correction window on a report under evaluation. */
const facts = (over: Partial<ReportFacts> = {}): ReportFacts => ({
  state: "under-evaluation",
  version: 7,
  today: "2027-04-10",
  round: { reportDeadline: "2027-03-31", open: true },
  missing: [],
  correctionDueOn: null,
  ...over,
});
const inWindow = (today: string, correctionDueOn: string) =>
  facts({ state: "correction-window", today, correctionDueOn });

const unit: ReportActor = {
  canRead: true,
  abilities: ["annual-report.read", "annual-report.submit", "annual-report.review"] satisfies Ability[],
  reviewsAs: new Set(["unit-admin"]),
};
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

const open = (today: string, dueOn?: string, request: string | undefined = "补充合作协议扫描件") =>
  decideReportEvent(facts({ today }), officer, {
    event: "open-correction",
    correction: { request, dueOn },
  });

describe("opening a 补正 window (Art. 22)", () => {
  it("stores the request, trimmed, and its due date with the move to correction-window", () => {
    expect(open("2027-04-10", "2027-04-22", "  补充合作协议扫描件  ")).toEqual({
      ok: true,
      change: {
        to: "correction-window",
        article: "22",
        edition: "2025",
        correction: { request: "补充合作协议扫描件", dueOn: "2027-04-22" },
      },
    });
  });

  it.each([
    ["no request", undefined, "2027-04-22", "correction-request-required", "correction.request"],
    ["a blank request", "   ", "2027-04-22", "correction-request-required", "correction.request"],
    ["no due date", "补充证明材料", undefined, "correction-due-required", "correction.dueOn"],
    ["a date that does not exist", "补充证明材料", "2027-02-29", "correction-due-required", "correction.dueOn"],
    ["a malformed date", "补充证明材料", "2027-4-22", "correction-due-required", "correction.dueOn"],
    ["today as the due date", "补充证明材料", "2027-04-10", "correction-due-not-future", "correction.dueOn"],
    ["a past due date", "补充证明材料", "2027-04-09", "correction-due-not-future", "correction.dueOn"],
  ] as const)("refuses %s as bad input, naming Art. 22 and the field", (_, request, dueOn, code, path) => {
    const decision = decideReportEvent(facts(), officer, { event: "open-correction", correction: { request, dueOn } });
    expect(decision).toMatchObject({ ok: false, kind: "invalid-input", refusal: { code, path, article: "22" } });
  });

  it("refuses without any correction at all, naming the request first", () => {
    expect(decideReportEvent(facts(), officer, { event: "open-correction" })).toMatchObject({
      ok: false,
      kind: "invalid-input",
      refusal: { code: "correction-request-required", path: "correction.request" },
    });
  });

  it.each([
    // [today, dueOn, accepted]
    ["2027-01-31", "2027-02-01", true],
    ["2027-01-31", "2027-01-31", false],
    ["2027-02-28", "2027-03-01", true],
    ["2027-03-01", "2027-02-28", false],
    ["2027-04-30", "2027-05-01", true],
    ["2027-12-31", "2028-01-01", true],
    ["2028-01-01", "2027-12-31", false],
    ["2027-12-31", "2027-12-31", false],
    ["2028-02-28", "2028-02-29", true],
    ["2028-02-29", "2028-02-29", false],
    ["2028-02-29", "2028-03-01", true],
    ["2028-03-01", "2028-02-29", false],
  ] as const)("on %s, a window due %s is accepted: %s", (today, dueOn, accepted) => {
    expect(open(today, dueOn).ok).toBe(accepted);
  });

  it("is the department's alone, and only on a report under evaluation", () => {
    for (const actor of [unit, recommender]) {
      expect(
        decideReportEvent(facts(), actor, {
          event: "open-correction",
          correction: { request: "x", dueOn: "2027-04-20" },
        }),
      ).toMatchObject({ ok: false, kind: "forbidden" });
    }
    const submitted = decideReportEvent(facts({ state: "submitted" }), officer, {
      event: "open-correction",
      correction: { request: "x", dueOn: "2027-04-20" },
    });
    expect(submitted).toMatchObject({ ok: false, kind: "conflict", refusal: { code: "invalid-transition" } });
    expect(availableReportEvents(facts(), officer)).toContain("open-correction");
    expect(availableReportEvents(facts(), unit)).toEqual([]);
  });
});

describe("submitting and closing the 补正 (Art. 22)", () => {
  it.each([
    // [today, dueOn, the unit may still submit]
    ["2027-04-22", "2027-04-22", true],
    ["2027-04-23", "2027-04-22", false],
    ["2027-01-31", "2027-01-31", true],
    ["2027-02-01", "2027-01-31", false],
    ["2027-02-28", "2027-02-28", true],
    ["2027-03-01", "2027-02-28", false],
    ["2027-12-31", "2027-12-31", true],
    ["2028-01-01", "2027-12-31", false],
    ["2028-02-28", "2028-02-29", true],
    ["2028-02-29", "2028-02-29", true],
    ["2028-03-01", "2028-02-29", false],
  ] as const)("on %s with the window due %s: the unit submits %s, the officer closes otherwise", (today, due, open) => {
    const window = inWindow(today, due);
    const submitted = decideReportEvent(window, unit, { event: "submit-correction" });
    const closed = decideReportEvent(window, officer, { event: "close-correction" });
    expect(reportOpenForEdits(window)).toBe(open);
    if (open) {
      expect(submitted).toMatchObject({ ok: true, change: { to: "under-evaluation", article: "22" } });
      expect(closed).toMatchObject({ ok: false, kind: "rule", refusal: { code: "correction-not-due", article: "22" } });
      expect(availableReportEvents(window, unit)).toEqual(["submit-correction"]);
      expect(availableReportEvents(window, officer)).toEqual(["withdraw"]);
    } else {
      expect(submitted).toMatchObject({
        ok: false,
        kind: "rule",
        refusal: { code: "correction-overdue", article: "22" },
      });
      expect(closed).toMatchObject({ ok: true, change: { to: "under-evaluation", article: "22" } });
      expect(availableReportEvents(window, unit)).toEqual([]);
      expect(availableReportEvents(window, officer)).toEqual(["close-correction", "withdraw"]);
    }
  });

  it("does not let the unit submit an incomplete correction, but still offers it", () => {
    const missing = [{ path: "summary", messageZh: "请填写基地基本情况", messageEn: "The summary is required" }];
    const window = { ...inWindow("2027-04-20", "2027-04-22"), missing };
    expect(decideReportEvent(window, unit, { event: "submit-correction" })).toMatchObject({
      ok: false,
      refusal: { code: "report-incomplete", article: "22" },
    });
    expect(availableReportEvents(window, unit)).toEqual(["submit-correction"]);
  });

  it("keeps the submission to the host unit and the closing to the department", () => {
    const window = inWindow("2027-04-20", "2027-04-22");
    expect(decideReportEvent(window, officer, { event: "submit-correction" })).toMatchObject({ kind: "forbidden" });
    expect(decideReportEvent(window, recommender, { event: "submit-correction" })).toMatchObject({ kind: "forbidden" });
    const late = inWindow("2027-04-23", "2027-04-22");
    expect(decideReportEvent(late, unit, { event: "close-correction" })).toMatchObject({ kind: "forbidden" });
  });

  it("refuses both without a due date on record (never opened by the rules)", () => {
    const window = facts({ state: "correction-window", correctionDueOn: null });
    expect(decideReportEvent(window, unit, { event: "submit-correction" }).ok).toBe(false);
    expect(decideReportEvent(window, officer, { event: "close-correction" }).ok).toBe(false);
    expect(reportOpenForEdits(window)).toBe(false);
  });
});

describe("reportOpenForEdits", () => {
  it("opens the draft and the 补正 window to the end of its due date, nothing else", () => {
    expect(reportOpenForEdits(facts({ state: "awaiting-report" }))).toBe(true);
    for (const state of ["unit-review", "recommender-review", "submitted", "under-evaluation", "graded"] as const) {
      expect(reportOpenForEdits(facts({ state, correctionDueOn: "2099-12-31" })), state).toBe(false);
    }
    expect(reportOpenForEdits(inWindow("2027-04-22", "2027-04-22"))).toBe(true);
    expect(reportOpenForEdits(inWindow("2027-04-23", "2027-04-22"))).toBe(false);
  });
});
