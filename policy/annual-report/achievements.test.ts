import { describe, expect, it } from "vitest";
import { evaluationStates } from "../lifecycles/evaluation.transitions";
import { achievementSourceStates, decideAchievementPublish, decideAchievementWithdraw } from "./achievements";

describe("publishing a major joint R&D achievement (Art. 16.4)", () => {
  const allowed = new Set<string>(achievementSourceStates);
  it.each(evaluationStates.map((state) => [state, allowed.has(state)] as const))(
    "from a report in state %s: allowed %s",
    (reportState, expected) => {
      const refusal = decideAchievementPublish({ department: true, reportState, duplicateTitle: false });
      if (expected) expect(refusal).toBeNull();
      else expect(refusal).toMatchObject({ kind: "conflict", code: "report-not-with-department", article: "16.4" });
    },
  );

  it.each([
    ["recommender-review", "report-not-with-department"],
    ["awaiting-report", "report-not-with-department"],
    ["withdrawn", "report-not-with-department"],
    ["not-submitted", "report-not-with-department"],
  ] as const)("refuses %s with %s", (reportState, code) => {
    expect(decideAchievementPublish({ department: true, reportState, duplicateTitle: false })?.code).toBe(code);
  });

  it("is the department's alone, before any state is looked at", () => {
    expect(decideAchievementPublish({ department: false, reportState: "graded", duplicateTitle: false })).toMatchObject(
      { kind: "forbidden", article: "16.4" },
    );
  });

  it("refuses the same title twice from one report, naming the field", () => {
    expect(decideAchievementPublish({ department: true, reportState: "graded", duplicateTitle: true })).toMatchObject({
      code: "achievement-already-published",
      path: "title",
    });
  });

  it("withdraws once, by the department", () => {
    expect(decideAchievementWithdraw({ department: true, withdrawn: false })).toBeNull();
    expect(decideAchievementWithdraw({ department: true, withdrawn: true })?.code).toBe(
      "achievement-already-withdrawn",
    );
    expect(decideAchievementWithdraw({ department: false, withdrawn: false })?.kind).toBe("forbidden");
  });

  it("every refusal cites Art. 16.4 in both languages", () => {
    const refusals = [
      decideAchievementPublish({ department: false, reportState: "draft" as never, duplicateTitle: false }),
      decideAchievementPublish({ department: true, reportState: "unit-review", duplicateTitle: false }),
      decideAchievementPublish({ department: true, reportState: "submitted", duplicateTitle: true }),
      decideAchievementWithdraw({ department: true, withdrawn: true }),
    ];
    for (const refusal of refusals) {
      expect(refusal?.article).toBe("16.4");
      expect(refusal?.messageZh).toMatch(/\S/);
      expect(refusal?.messageEn).toMatch(/\S/);
    }
  });
});
