import type { Ability } from "../access/abilities";
import { addDays, type IsoDate } from "../calendar/dates";
import { editionFor } from "../measures/editions";
import type { FieldIssue, Refusal } from "../refusal";
import {
  type EvaluationEvent,
  type EvaluationState,
  type EvaluationTransitionContext,
  evaluationLifecycle,
} from "./evaluation.transitions";
import { transition, transitionRule } from "./transition";

/** States in which the host unit edits the report (the draft, and the evidence during a 补正 window). */
export const editableReportStates: readonly EvaluationState[] = ["awaiting-report", "correction-window"];

/**
 * Whether the report's content is open to the host unit now: the draft, and a 补正 window up to and including its
 * due date (Art. 22). After the due date the report stands as it is until the department closes the window.
 */
export function reportOpenForEdits(facts: Pick<ReportFacts, "state" | "today" | "correctionDueOn">): boolean {
  if (facts.state === "correction-window")
    return facts.correctionDueOn !== null && facts.today <= facts.correctionDueOn;
  return editableReportStates.includes(facts.state);
}

/** What the server loads once, under a row lock, before an annual-report event: plain facts, no rows. */
export interface ReportFacts {
  state: EvaluationState;
  version: number;
  today: IsoDate;
  /** The year's evaluation round: its report deadline, and whether it still takes reports. */
  round: { reportDeadline: IsoDate; open: boolean };
  /** What a submission still needs (policy/annual-report/completeness.ts). */
  missing: readonly FieldIssue[];
  /** The due date of the 补正 the department last asked for (China date), if any. */
  correctionDueOn: IsoDate | null;
}

/** Who asks, as far as the rules care. */
export interface ReportActor {
  /** The caller's read scope covers the report (own unit, own jurisdiction, or the department). */
  canRead: boolean;
  /** The caller's abilities on this row (role table and row scope, resolved by the server). */
  abilities: readonly Ability[];
  /**
   * The review stages the caller acts at for this report's base, resolved by the server: the host unit's
   * administrator (依托单位审核, not the drafter's own), the base's recommender (or one above it), the department.
   */
  reviewsAs: ReadonlySet<ReviewStage>;
}

export type ReviewStage = "unit-admin" | "recommender" | "department";

/** Which stage reviews the report in each review state: returns and approvals there are that stage's alone. */
const reviewStageOf: Partial<Record<EvaluationState, ReviewStage>> = {
  "unit-review": "unit-admin",
  "recommender-review": "recommender",
  submitted: "department",
};
const reviewEvents: ReadonlySet<EvaluationEvent> = new Set(["unit-approve", "recommender-approve", "return-report"]);

export interface ReportRequest {
  event: EvaluationEvent;
  reason?: string | null | undefined;
  expectedVersion?: number | undefined;
  /** The grade being recorded: only the grading command sends it (the events route has no such field). */
  grade?: "excellent" | "qualified" | "unqualified" | undefined;
  /** open-correction: what the unit is to correct, and by when (Art. 22). */
  correction?: { request?: string | undefined; dueOn?: string | undefined } | undefined;
}

export type ReportRefusalKind = "not-found" | "forbidden" | "conflict" | "rule" | "invalid-input";

export interface ReportChange {
  to: EvaluationState;
  article: string;
  edition: string;
  /** Set on the first move out of the draft: the server stamps the submission time. */
  submitted?: true;
  /** Set by open-correction: the 补正 request and its due date, stored with the state. */
  correction?: { request: string; dueOn: IsoDate };
}

export type ReportDecision =
  | { ok: true; change: ReportChange }
  | { ok: false; kind: ReportRefusalKind; refusal: Refusal };

const refused = (kind: ReportRefusalKind, refusal: Refusal): ReportDecision => ({ ok: false, kind, refusal });

/** Refusals the event is still offered under: the unit can fix them (complete the report) before trying. */
const offeredDespite: ReadonlySet<string> = new Set(["report-incomplete"]);

const stageMessages: Record<ReviewStage, { zh: string; en: string }> = {
  "unit-admin": {
    zh: "依托单位审核须由本单位管理员完成。",
    en: "The host unit's review is done by the unit's administrator.",
  },
  recommender: {
    zh: "该报告正由推荐部门审核，须由基地的推荐部门处理。",
    en: "The report is at the recommender's review: only the base's recommender acts on it.",
  },
  department: {
    zh: "该报告已报省科技厅，须由省科技厅处理。",
    en: "The report is with the department: only the department acts on it.",
  },
};

const submissions: ReadonlySet<EvaluationEvent> = new Set(["submit-report", "submit-correction"]);

/**
 * Decides one annual-report event (Art. 16.4, 18, 22): visibility, the caller's ability on the row, the host unit's
 * own review by its administrator, the optimistic lock, the round's deadline, the report's completeness and the
 * table's guards — in that order. Pure: the server loads the facts, writes the change with its audit entry and
 * timeline entry, and maps a refusal's kind to a status.
 */
export function decideReportEvent(facts: ReportFacts, actor: ReportActor, request: ReportRequest): ReportDecision {
  const { event } = request;
  if (!actor.canRead) {
    return refused("not-found", {
      code: "not-found",
      path: "id",
      messageZh: "年度工作报告不存在或您无权查看。",
      messageEn: "Annual report not found or not visible to you.",
    });
  }
  const rule = transitionRule(evaluationLifecycle, facts.state, event);
  if (rule && !actor.abilities.includes(rule.ability)) {
    return refused("forbidden", {
      code: "forbidden",
      article: rule.article,
      messageZh: `您没有执行此操作的权限（${rule.ability}）。`,
      messageEn: `You are not allowed to do this (${rule.ability}).`,
    });
  }
  const stage = reviewStageOf[facts.state];
  if (rule && reviewEvents.has(event) && stage && !actor.reviewsAs.has(stage)) {
    return refused("forbidden", {
      code: "not-this-stage",
      article: "22",
      messageZh: stageMessages[stage].zh,
      messageEn: stageMessages[stage].en,
    });
  }
  if (request.expectedVersion !== undefined && request.expectedVersion !== facts.version) {
    return refused("conflict", {
      code: "stale-version",
      path: "version",
      messageZh: "该记录已被他人修改，请刷新后再操作。",
      messageEn: "This record was changed by someone else; reload it first.",
    });
  }
  if (rule && event === "submit-report") {
    if (!facts.round.open) {
      return refused("conflict", {
        code: "round-closed",
        article: "22",
        messageZh: "本年度考核已结束，不再接收年度工作报告。",
        messageEn: "This year's evaluation no longer takes reports.",
      });
    }
    if (facts.today > facts.round.reportDeadline) {
      return refused("conflict", {
        code: "deadline-passed",
        article: "22",
        messageZh: `年度工作报告提交截止日期（${facts.round.reportDeadline}）已过。`,
        messageEn: `The report deadline (${facts.round.reportDeadline}) has passed.`,
      });
    }
  }
  if (rule && submissions.has(event) && facts.missing.length > 0) {
    return refused("rule", {
      code: "report-incomplete",
      article: "22",
      messageZh: `年度工作报告尚有 ${facts.missing.length} 项未填写，不能提交。`,
      messageEn: `${facts.missing.length} required part(s) of the report are missing.`,
      errors: [...facts.missing],
    });
  }
  const reason = request.reason?.trim();
  const context: EvaluationTransitionContext = {
    today: facts.today,
    reportDeadline: facts.round.reportDeadline,
    ...(reason ? { reason } : {}),
    ...(request.grade ? { grade: request.grade } : {}),
    ...(request.correction ? { correction: request.correction } : {}),
    correctionDueOn: facts.correctionDueOn,
  };
  const outcome = transition(evaluationLifecycle, facts.state, event, context);
  if (!outcome.ok) return refused(refusalKindOf(outcome.refusal), outcome.refusal);
  const correction =
    event === "open-correction" && request.correction?.request && request.correction.dueOn
      ? { request: request.correction.request.trim(), dueOn: request.correction.dueOn }
      : undefined;
  return {
    ok: true,
    change: {
      to: outcome.value.to,
      article: outcome.value.article,
      edition: editionFor(facts.today).edition.id,
      ...(event === "submit-report" ? { submitted: true as const } : {}),
      ...(correction ? { correction } : {}),
    },
  };
}

/** A move not in the table is a conflict; a 补正 request missing its text or date is bad input; the rest, rules. */
function refusalKindOf(refusal: Refusal): ReportRefusalKind {
  if (refusal.code === "invalid-transition") return "conflict";
  return refusal.path?.startsWith("correction.") ? "invalid-input" : "rule";
}

/**
 * The events the caller may attempt now, by the same decision (a reason, and a 补正 request due tomorrow, are
 * assumed given; the UI asks for them).
 */
export function availableReportEvents(facts: ReportFacts, actor: ReportActor): EvaluationEvent[] {
  const correction = { request: "—", dueOn: addDays(facts.today, 1) };
  return evaluationLifecycle.events.filter((event) => {
    if (!transitionRule(evaluationLifecycle, facts.state, event)) return false;
    const decision = decideReportEvent(facts, actor, { event, reason: "—", correction });
    return decision.ok || offeredDespite.has(decision.refusal.code);
  });
}
