import type { EvaluationState } from "../lifecycles/evaluation.transitions";
import type { Refusal } from "../refusal";

/**
 * Art. 16.4: the department selects major joint R&D achievements (重大联合研发成果) from the bases' annual reports
 * and publishes them. It selects from reports it holds: submitted by the recommender (报省科技厅) or further on in
 * the evaluation. A draft, a report still with the unit or the recommender, or one withdrawn or never filed is not
 * the department's to publish from.
 */
export const achievementSourceStates = [
  "submitted",
  "under-evaluation",
  "correction-window",
  "graded",
] as const satisfies readonly EvaluationState[];

/** What deciding a publication needs: the caller's standing and the report's state. */
export interface AchievementPublishFacts {
  /** The caller manages the evaluation for the department (evaluation.manage on every row). */
  department: boolean;
  reportState: EvaluationState;
  /** A live (not withdrawn) achievement of the same report already carries this title. */
  duplicateTitle: boolean;
}

export type AchievementRefusal = Refusal & { kind: "forbidden" | "conflict" };

/** Whether the department may publish an achievement from this report; null when it may. */
export function decideAchievementPublish(facts: AchievementPublishFacts): AchievementRefusal | null {
  if (!facts.department) {
    return {
      kind: "forbidden",
      code: "not-department",
      article: "16.4",
      messageZh: "重大联合研发成果由省科技厅遴选发布（第十六条第四项）。",
      messageEn: "Major joint R&D achievements are selected and published by the department (Art. 16.4).",
    };
  }
  if (!(achievementSourceStates as readonly EvaluationState[]).includes(facts.reportState)) {
    return {
      kind: "conflict",
      code: "report-not-with-department",
      article: "16.4",
      messageZh: "该年度工作报告尚未报送省科技厅，不能从中遴选发布重大联合研发成果（第十六条第四项）。",
      messageEn:
        "The annual report has not reached the department: no achievement can be published from it (Art. 16.4).",
    };
  }
  if (facts.duplicateTitle) {
    return {
      kind: "conflict",
      code: "achievement-already-published",
      article: "16.4",
      path: "title",
      messageZh: "该报告中同名的重大联合研发成果已经发布。",
      messageEn: "An achievement with this title is already published from this report.",
    };
  }
  return null;
}

/** Whether a published achievement may be withdrawn from the public site; null when it may. */
export function decideAchievementWithdraw(facts: {
  department: boolean;
  withdrawn: boolean;
}): AchievementRefusal | null {
  if (!facts.department) {
    return {
      kind: "forbidden",
      code: "not-department",
      article: "16.4",
      messageZh: "重大联合研发成果由省科技厅遴选发布（第十六条第四项）。",
      messageEn: "Major joint R&D achievements are selected and published by the department (Art. 16.4).",
    };
  }
  if (facts.withdrawn) {
    return {
      kind: "conflict",
      code: "achievement-already-withdrawn",
      article: "16.4",
      messageZh: "该成果已经撤回，不再公开。",
      messageEn: "The achievement is already withdrawn from the public site.",
    };
  }
  return null;
}
