import { describe, expect, it } from "vitest";
import { abilitiesOf } from "../access/abilities";
import { type EvaluationEvent, type EvaluationState, evaluationLifecycle } from "./evaluation.transitions";
import { expectExactTable } from "./lifecycle.test-helpers";
import { availableEvents, transition } from "./transition";

const open: EvaluationState[] = [
  "awaiting-report",
  "unit-review",
  "recommender-review",
  "submitted",
  "under-evaluation",
  "correction-window",
];
const expected: [EvaluationState, EvaluationEvent, EvaluationState][] = [
  ["awaiting-report", "submit-report", "unit-review"],
  ["awaiting-report", "mark-not-submitted", "not-submitted"],
  ["unit-review", "unit-approve", "recommender-review"],
  ["unit-review", "return-report", "awaiting-report"],
  ["unit-review", "mark-not-submitted", "not-submitted"],
  ["recommender-review", "recommender-approve", "submitted"],
  ["recommender-review", "return-report", "awaiting-report"],
  ["recommender-review", "mark-not-submitted", "not-submitted"],
  ["submitted", "start-evaluation", "under-evaluation"],
  ["submitted", "return-report", "awaiting-report"],
  ["under-evaluation", "open-correction", "correction-window"],
  ["under-evaluation", "grade", "graded"],
  ["correction-window", "submit-correction", "under-evaluation"],
  ["correction-window", "close-correction", "under-evaluation"],
  ...open.map((state): [EvaluationState, EvaluationEvent, EvaluationState] => [state, "withdraw", "withdrawn"]),
];

describe("annual evaluation lifecycle (Art. 22)", () => {
  it("allows exactly the table and refuses every other pair", () => {
    expectExactTable(
      evaluationLifecycle,
      expected,
      {
        reason: "x",
        today: "2027-04-01",
        reportDeadline: "2027-03-31",
        grade: "qualified",
        correction: { request: "补充合作协议扫描件", dueOn: "2027-04-12" },
        correctionDueOn: "2027-04-12",
      },
      // Closing needs the due date passed, submitting needs it not passed: policy/lifecycles/correction.test.ts.
      [["correction-window", "close-correction"]],
    );
  });
  it("marks a report as not submitted only after its deadline", () => {
    expect(
      transition(evaluationLifecycle, "awaiting-report", "mark-not-submitted", {
        today: "2027-03-31",
        reportDeadline: "2027-03-31",
      }),
    ).toMatchObject({ ok: false, refusal: { code: "deadline-not-passed", article: "22" } });
  });
  it("the host unit submits, the recommender reviews, the officer grades", () => {
    expect(availableEvents(evaluationLifecycle, "awaiting-report", abilitiesOf(["applicant"]))).toEqual([
      "submit-report",
    ]);
    expect(availableEvents(evaluationLifecycle, "recommender-review", abilitiesOf(["recommender"]))).toEqual([
      "recommender-approve",
      "return-report",
    ]);
    expect(availableEvents(evaluationLifecycle, "under-evaluation", abilitiesOf(["officer"]))).toEqual([
      "open-correction",
      "grade",
      "withdraw",
    ]);
  });
});
