import { describe, expect, it } from "vitest";
import { abilitiesOf } from "../access/abilities";
import { expectExactTable } from "../lifecycles/lifecycle.test-helpers";
import { availableEvents, transition } from "../lifecycles/transition";
import { type AssignmentEvent, type AssignmentState, assignmentLifecycle } from "./assignment.transitions";

const expected: [AssignmentState, AssignmentEvent, AssignmentState][] = [
  ["invited", "accept", "accepted"],
  ["invited", "decline", "declined"],
  ["accepted", "declare", "declared"],
  ["accepted", "recuse", "recused"],
  ["declared", "submit", "submitted"],
  ["submitted", "reopen", "declared"],
];

describe("review assignment lifecycle", () => {
  it("allows exactly the table and refuses every other pair", () => {
    expectExactTable(assignmentLifecycle, expected, { reason: "x", scoresComplete: true });
  });

  it("needs complete scores to submit and a reason to recuse or reopen", () => {
    expect(transition(assignmentLifecycle, "declared", "submit", {})).toMatchObject({
      ok: false,
      refusal: { code: "scores-incomplete" },
    });
    expect(transition(assignmentLifecycle, "submitted", "reopen", { reason: " " })).toMatchObject({
      ok: false,
      refusal: { code: "reason-required" },
    });
    expect(transition(assignmentLifecycle, "accepted", "recuse", {})).toMatchObject({ ok: false });
  });

  it("an expert may accept, declare and submit but not reopen; an officer may reopen only", () => {
    const expert = abilitiesOf(["expert"]);
    expect(availableEvents(assignmentLifecycle, "invited", expert)).toEqual(["accept", "decline"]);
    expect(availableEvents(assignmentLifecycle, "submitted", expert)).toEqual([]);
    const officer = abilitiesOf(["officer"]);
    expect(availableEvents(assignmentLifecycle, "submitted", officer)).toEqual(["reopen"]);
    expect(availableEvents(assignmentLifecycle, "declared", officer)).toEqual([]);
  });
});
