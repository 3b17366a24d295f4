import type { EvaluationEntry, GradeResult } from "../grading/grade";
import type { BaseEvent, BaseState } from "../lifecycles/base.transitions";
import type { EvaluationState } from "../lifecycles/evaluation.transitions";
import type { FieldIssue } from "../refusal";

/** One base's report in the year's cohort, as the grading rules see it. */
export interface CohortReport {
  reportId: string;
  baseId: string;
  baseName: string;
  state: EvaluationState;
  /** The mean of the report's completed expert review (or the entrusted evaluator's score). */
  score: number | null;
  /** Fraud found on an on-site check (Art. 20.1). */
  fraudFound: boolean;
  baseState: BaseState;
}

/** The report states a cohort can be graded in: evaluated, or out of the evaluation for good. */
const settledStates: ReadonlySet<EvaluationState> = new Set(["under-evaluation", "not-submitted", "withdrawn"]);

/** A report as an entry of policy/grading `gradeCohort`. */
export function evaluationEntry(report: CohortReport): EvaluationEntry {
  const participation =
    report.state === "not-submitted" ? "not-reported" : report.state === "withdrawn" ? "withdrew" : "reported";
  return {
    baseId: report.baseId,
    participation,
    ...(report.score !== null ? { score: report.score } : {}),
    ...(report.fraudFound ? { fraudFound: true } : {}),
    ...(report.baseState === "rectifying" ? { inRectification: true } : {}),
  };
}

const waitingFor: Partial<Record<EvaluationState, { zh: string; en: string }>> = {
  "awaiting-report": { zh: "年度工作报告尚未提交", en: "the report is not in yet" },
  "unit-review": { zh: "年度工作报告在依托单位审核中", en: "the report is at the host unit's review" },
  "recommender-review": { zh: "年度工作报告在推荐部门审核中", en: "the report is at the recommender's review" },
  submitted: { zh: "年度工作报告尚未进入考核评审", en: "the report's evaluation has not started" },
  "correction-window": { zh: "补正期尚未结束", en: "the correction window is still open" },
};

/**
 * What keeps the cohort from being graded (Art. 22): a report still on its way, or evaluated without a score. A
 * report missing its deadline is settled by the missed-deadline job (不合格), not guessed here.
 */
export function gradingBlockers(reports: readonly CohortReport[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const report of reports) {
    const waiting = waitingFor[report.state];
    if (waiting || !settledStates.has(report.state)) {
      issues.push({
        path: `reports.${report.reportId}`,
        article: "22",
        messageZh: `${report.baseName}：${waiting?.zh ?? "状态不允许评定"}。`,
        messageEn: `${report.baseName}: ${waiting?.en ?? "its state does not allow grading"}.`,
      });
    } else if (report.state === "under-evaluation" && report.score === null && !report.fraudFound) {
      issues.push({
        path: `reports.${report.reportId}`,
        article: "22",
        messageZh: `${report.baseName}：尚无评审得分。`,
        messageEn: `${report.baseName}: no evaluation score yet.`,
      });
    }
  }
  return issues;
}

/** What a confirmed grade does to its base (Art. 20, 24): one base event, or opening the rectification year. */
export type GradeConsequence =
  | { kind: "base-event"; event: BaseEvent; ground?: 1 | 2 | 6; article: string }
  | { kind: "open-rectification"; article: "24" }
  | null;

export function gradeConsequence(result: GradeResult, baseState: BaseState): GradeConsequence {
  const live = baseState === "active" || baseState === "rectifying";
  if (result.revocationProposal) {
    const { ground, article } = result.revocationProposal;
    if (ground === 6 && baseState === "rectifying")
      return { kind: "base-event", event: "fail-rectification", ground, article };
    return live ? { kind: "base-event", event: "propose-revocation", ground, article } : null;
  }
  if (result.startsRectification) return baseState === "active" ? { kind: "open-rectification", article: "24" } : null;
  if (baseState === "rectifying" && (result.grade === "excellent" || result.grade === "qualified")) {
    return { kind: "base-event", event: "pass-rectification", article: "24" };
  }
  return null;
}

const groundNumerals: Record<1 | 2 | 6, string> = { 1: "一", 2: "二", 6: "六" };

/** The consequence in words, for the officer's grading view before confirming. */
export function consequenceLabel(consequence: GradeConsequence): { zh: string; en: string } | null {
  if (!consequence) return null;
  if (consequence.kind === "open-rectification") {
    return { zh: "进入为期一年的整改期（第二十四条）", en: "Opens a one-year rectification (Art. 24)" };
  }
  switch (consequence.event) {
    case "pass-rectification":
      return { zh: "整改期考核合格，恢复正常运行（第二十四条）", en: "Rectification passed: active again (Art. 24)" };
    case "fail-rectification":
      return {
        zh: "整改后仍不合格，拟取消资格（第二十条第六项）",
        en: "Still unqualified after rectification: revocation proposed (Art. 20.6)",
      };
    default: {
      const ground = consequence.ground ?? 1;
      return {
        zh: `拟取消资格（第二十条第${groundNumerals[ground]}项），由处室决定`,
        en: `Revocation proposed (Art. 20.${ground}), for the officer to decide`,
      };
    }
  }
}
