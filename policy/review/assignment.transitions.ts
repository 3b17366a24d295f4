import { type Lifecycle, requireReason } from "../lifecycles/transition";
import type { Refusal } from "../refusal";

/**
 * One expert on one panel (SPEC §5.1 step 5): invited → accepted / declined; accepted → declared (no conflict)
 * / recused (a conflict declared: a backup replaces them, 补抽); declared → submitted (locked); submitted →
 * declared again only when an officer reopens it with a reason. Materials open only in declared or submitted.
 */
export const assignmentStates = ["invited", "accepted", "declined", "declared", "recused", "submitted"] as const;
export type AssignmentState = (typeof assignmentStates)[number];

export const assignmentEvents = ["accept", "decline", "declare", "recuse", "submit", "reopen"] as const;
export type AssignmentEvent = (typeof assignmentEvents)[number];

export interface AssignmentTransitionContext {
  reason?: string;
  /** submit: the scores are complete and within range (checked by scoreRubric before). */
  scoresComplete?: boolean;
}

const scoresComplete = (context: AssignmentTransitionContext): Refusal | null =>
  context.scoresComplete
    ? null
    : {
        code: "scores-incomplete",
        article: "14.2",
        messageZh: "请完成全部指标的评分后再提交。",
        messageEn: "Score every indicator before submitting.",
      };

export const assignmentLifecycle: Lifecycle<AssignmentState, AssignmentEvent, AssignmentTransitionContext> = {
  name: "review assignment",
  article: "14.2",
  states: assignmentStates,
  events: assignmentEvents,
  stateLabels: {
    invited: { zh: "待接受邀请", en: "invited" },
    accepted: { zh: "已接受，待声明", en: "accepted" },
    declined: { zh: "已谢绝", en: "declined" },
    declared: { zh: "已声明无利益冲突", en: "declared" },
    recused: { zh: "已回避", en: "recused" },
    submitted: { zh: "已提交", en: "submitted" },
  },
  table: {
    invited: {
      accept: { to: "accepted", ability: "review.declare", article: "14.2" },
      decline: { to: "declined", ability: "review.declare", article: "14.2" },
    },
    accepted: {
      declare: { to: "declared", ability: "review.declare", article: "14.2" },
      recuse: { to: "recused", ability: "review.declare", article: "14.2", guard: requireReason("14.2") },
    },
    declined: {},
    declared: {
      submit: { to: "submitted", ability: "review.score", article: "14.2", guard: scoresComplete },
    },
    recused: {},
    submitted: {
      reopen: { to: "declared", ability: "review.reopen", article: "14.2", guard: requireReason("14.2") },
    },
  },
};

/** States in which the expert may read the materials (after declaring no conflict). */
export const materialsOpenIn: readonly AssignmentState[] = ["declared", "submitted"];
/** States that count as on the panel (not replaced). */
export const activeStates: readonly AssignmentState[] = ["invited", "accepted", "declared", "submitted"];
