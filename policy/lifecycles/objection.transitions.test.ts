import { describe, expect, it } from "vitest";
import { abilitiesOf } from "../access/abilities";
import { expectExactTable } from "./lifecycle.test-helpers";
import { type ObjectionEvent, type ObjectionState, objectionLifecycle } from "./objection.transitions";
import { availableEvents, transition } from "./transition";

const expected: [ObjectionState, ObjectionEvent, ObjectionState][] = [
  ["received", "investigate", "investigating"],
  ["investigating", "investigate", "investigating"],
  ["investigating", "uphold", "upheld"],
  ["investigating", "dismiss", "dismissed"],
];

describe("objection lifecycle (Art. 14.3)", () => {
  it("allows exactly the table and refuses every other pair", () => {
    expect(expectExactTable(objectionLifecycle, expected, { notes: "已核实" })).toBe(12 - expected.length);
  });
  it("every step needs its written notes", () => {
    expect(transition(objectionLifecycle, "investigating", "dismiss", { notes: "  " })).toMatchObject({
      ok: false,
      refusal: { code: "notes-required", article: "14.3", path: "notes" },
    });
  });
  it("only officers move objections", () => {
    expect(availableEvents(objectionLifecycle, "investigating", abilitiesOf(["officer"]))).toEqual([
      "investigate",
      "uphold",
      "dismiss",
    ]);
    expect(availableEvents(objectionLifecycle, "investigating", abilitiesOf(["applicant", "recommender"]))).toEqual([]);
  });
});
