import { type IsoDate, isIsoDate } from "../calendar/dates";
import type { Refusal } from "../refusal";
import { type Lifecycle, requireReason, type TransitionRule } from "./transition";

/**
 * One base's annual performance evaluation (Art. 22): the annual report is reviewed by the host unit and the
 * recommender, then evaluated by experts (with on-site checks and an optional correction window, 补正) and
 * graded. Not submitted in time, or withdrawn midway: 不合格 for the year (grading/grade.ts draws the
 * consequences, including the revocation proposal of Art. 20.2).
 */
export const evaluationStates = [
  "awaiting-report",
  "unit-review",
  "recommender-review",
  "submitted",
  "under-evaluation",
  "correction-window",
  "graded",
  "not-submitted",
  "withdrawn",
] as const;
export type EvaluationState = (typeof evaluationStates)[number];

export const evaluationEvents = [
  "submit-report",
  "unit-approve",
  "recommender-approve",
  "return-report",
  "start-evaluation",
  "open-correction",
  "submit-correction",
  "close-correction",
  "grade",
  "mark-not-submitted",
  "withdraw",
] as const;
export type EvaluationEvent = (typeof evaluationEvents)[number];

export interface EvaluationTransitionContext {
  reason?: string;
  today?: IsoDate;
  /** The report deadline set by the year's evaluation notice. */
  reportDeadline?: IsoDate;
  /** The grade being recorded (grade event). */
  grade?: "excellent" | "qualified" | "unqualified";
  /** 补正 asked for (open-correction): what to correct and by when (China date). */
  correction?: { request?: string | undefined; dueOn?: string | undefined };
  /** The due date of the open 补正 window (submit-correction, close-correction). */
  correctionDueOn?: IsoDate | null;
}

type Context = EvaluationTransitionContext;
type Rule = TransitionRule<EvaluationState, Context>;

const deadlinePassed = (context: Context): Refusal | null =>
  context.today && context.reportDeadline && context.today > context.reportDeadline
    ? null
    : {
        code: "deadline-not-passed",
        article: "22",
        messageZh: "报告提交期限尚未届满。",
        messageEn: "The report deadline has not passed.",
      };

const gradeGiven = (context: Context): Refusal | null =>
  context.grade
    ? null
    : {
        code: "grade-required",
        article: "22",
        path: "grade",
        messageZh: "请给出考核结果。",
        messageEn: "A grade is required.",
      };

const correctionRefusal = (code: string, path: string, messageZh: string, messageEn: string): Refusal => ({
  code,
  article: "22",
  path,
  messageZh,
  messageEn,
});

/**
 * Art. 22 (补正, SPEC §5.2): the department says what is to be corrected and gives a due date after today; the
 * window runs to the end of that day (China date).
 */
const correctionRequested = (context: Context): Refusal | null => {
  const request = context.correction?.request?.trim();
  if (!request) {
    return correctionRefusal(
      "correction-request-required",
      "correction.request",
      "请说明需要补正的内容（第二十二条）。",
      "Say what is to be corrected (Art. 22).",
    );
  }
  const dueOn = context.correction?.dueOn;
  if (!dueOn || !isIsoDate(dueOn)) {
    return correctionRefusal(
      "correction-due-required",
      "correction.dueOn",
      "请填写补正截止日期（第二十二条）。",
      "A due date for the correction is required (Art. 22).",
    );
  }
  if (!context.today || dueOn <= context.today) {
    return correctionRefusal(
      "correction-due-not-future",
      "correction.dueOn",
      "补正截止日期须晚于今天（第二十二条）。",
      "The correction's due date must be after today (Art. 22).",
    );
  }
  return null;
};

/** Art. 22: the unit submits its correction up to and including the due date; after it, the window is closed. */
const correctionStillOpen = (context: Context): Refusal | null =>
  context.today && context.correctionDueOn && context.today <= context.correctionDueOn
    ? null
    : {
        code: "correction-overdue",
        article: "22",
        messageZh: `补正截止日期（${context.correctionDueOn ?? "—"}）已过，不能再提交补正。`,
        messageEn: `The correction was due on ${context.correctionDueOn ?? "—"}; it can no longer be submitted.`,
      };

/** Art. 22: the department closes the window once its due date has passed; the report is evaluated as it stands. */
const correctionDuePassed = (context: Context): Refusal | null =>
  context.today && context.correctionDueOn && context.today > context.correctionDueOn
    ? null
    : {
        code: "correction-not-due",
        article: "22",
        messageZh: `补正截止日期（${context.correctionDueOn ?? "—"}）尚未届满，依托单位仍可提交补正。`,
        messageEn: `The correction is due on ${context.correctionDueOn ?? "—"}; the unit may still submit it.`,
      };

const returnReport = (ability: "annual-report.review" | "annual-report.return"): Rule => ({
  to: "awaiting-report",
  ability,
  article: "22",
  guard: requireReason("22"),
});
const notSubmitted: Rule = { to: "not-submitted", ability: "evaluation.manage", article: "22", guard: deadlinePassed };
const withdraw: Rule = { to: "withdrawn", ability: "evaluation.manage", article: "22", guard: requireReason("22") };

export const evaluationTable = {
  "awaiting-report": {
    "submit-report": { to: "unit-review", ability: "annual-report.submit", article: "22" },
    "mark-not-submitted": notSubmitted,
    withdraw,
  },
  "unit-review": {
    "unit-approve": { to: "recommender-review", ability: "annual-report.review", article: "22" },
    "return-report": returnReport("annual-report.review"),
    "mark-not-submitted": notSubmitted,
    withdraw,
  },
  "recommender-review": {
    "recommender-approve": { to: "submitted", ability: "annual-report.review", article: "22" },
    "return-report": returnReport("annual-report.return"),
    "mark-not-submitted": notSubmitted,
    withdraw,
  },
  submitted: {
    "start-evaluation": { to: "under-evaluation", ability: "evaluation.manage", article: "22" },
    "return-report": returnReport("annual-report.return"),
    withdraw,
  },
  "under-evaluation": {
    "open-correction": {
      to: "correction-window",
      ability: "evaluation.manage",
      article: "22",
      guard: correctionRequested,
    },
    grade: { to: "graded", ability: "evaluation.grade", article: "22", guard: gradeGiven },
    withdraw,
  },
  "correction-window": {
    "submit-correction": {
      to: "under-evaluation",
      ability: "annual-report.submit",
      article: "22",
      guard: correctionStillOpen,
    },
    "close-correction": {
      to: "under-evaluation",
      ability: "evaluation.manage",
      article: "22",
      guard: correctionDuePassed,
    },
    withdraw,
  },
  graded: {},
  "not-submitted": {},
  withdrawn: {},
} as const satisfies Record<EvaluationState, Partial<Record<EvaluationEvent, Rule>>>;

export const evaluationLifecycle: Lifecycle<EvaluationState, EvaluationEvent, Context> = {
  name: "evaluation",
  article: "22",
  states: evaluationStates,
  events: evaluationEvents,
  table: evaluationTable,
  stateLabels: {
    "awaiting-report": { zh: "待提交年度工作报告", en: "awaiting the annual report" },
    "unit-review": { zh: "依托单位审核中", en: "at host-unit review" },
    "recommender-review": { zh: "推荐部门审核中", en: "at recommender review" },
    submitted: { zh: "已报省科技厅", en: "submitted to the department" },
    "under-evaluation": { zh: "考核评审中", en: "under evaluation" },
    "correction-window": { zh: "补正中", en: "open for correction" },
    graded: { zh: "已评定", en: "graded" },
    "not-submitted": { zh: "未按规定提交", en: "not submitted in time" },
    withdrawn: { zh: "中途退出", en: "withdrawn" },
  },
};
