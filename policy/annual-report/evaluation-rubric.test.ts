import { describe, expect, it } from "vitest";
import { validateRubric } from "../grading/rubric";
import { defaultEvaluationRubric } from "./evaluation-rubric";

describe("defaultEvaluationRubric", () => {
  it("is a valid rubric for the year, with matching support as its own indicator (Art. 26)", () => {
    const rubric = defaultEvaluationRubric(2026);
    expect(validateRubric(rubric).ok).toBe(true);
    expect(rubric.year).toBe(2026);
    expect(rubric.indicators.map((indicator) => indicator.article)).toContain("26");
  });
});
