import { describe, expect, it } from "vitest";
import { abilitiesOf } from "../access/abilities";
import { type ChangeReportEvent, type ChangeReportState, changeReportLifecycle } from "./change-report.transitions";
import { expectExactTable } from "./lifecycle.test-helpers";
import { availableEvents, transition } from "./transition";

const expected: [ChangeReportState, ChangeReportEvent, ChangeReportState][] = [
  ["draft", "submit", "submitted"],
  ["draft", "withdraw", "withdrawn"],
  ["submitted", "approve", "recommender-approved"],
  ["submitted", "return", "returned"],
  ["returned", "submit", "submitted"],
  ["returned", "withdraw", "withdrawn"],
  ["recommender-approved", "file", "filed"],
  ["recommender-approved", "return", "returned"],
];

describe("change report lifecycle (Art. 18.5)", () => {
  it("allows exactly the table and refuses every other pair", () => {
    expect(expectExactTable(changeReportLifecycle, expected, { reason: "x" })).toBe(30 - expected.length);
  });
  it("a return needs a reason", () => {
    expect(transition(changeReportLifecycle, "submitted", "return", {})).toMatchObject({
      ok: false,
      refusal: { code: "reason-required", article: "18.5" },
    });
  });
  it("the recommender approves, the department files", () => {
    expect(availableEvents(changeReportLifecycle, "submitted", abilitiesOf(["recommender"]))).toEqual([
      "return",
      "approve",
    ]);
    expect(availableEvents(changeReportLifecycle, "recommender-approved", abilitiesOf(["officer"]))).toEqual([
      "return",
      "file",
    ]);
    expect(availableEvents(changeReportLifecycle, "recommender-approved", abilitiesOf(["recommender"]))).toEqual([]);
  });
});
