import type { Ability } from "../access/abilities";
import { compareIsoDates, type IsoDate } from "../calendar/dates";
import type { Outcome, Refusal } from "../refusal";
import { availableEvents, type Lifecycle, requireReason, type TransitionRule, transition } from "./transition";

/**
 * A base's one-year rectification (Art. 24), opened by a 不合格 grade: the host unit files a rectification plan,
 * then its final report with the evidence; the department re-checks. Passed: the base is active again. Still
 * 不合格: revocation is proposed on ground 6 of Art. 20 (整改期满后仍不合格), and the officer decides it later.
 * A base that leaves the series meanwhile (revoked on another ground, or exited on upgrade, Art. 20–21) has nothing
 * left to rectify: its case is closed by the system, never by a button.
 */
export const rectificationStateList = [
  { state: "open", labelZh: "整改中，待提交整改方案", labelEn: "open, plan awaited" },
  { state: "plan-filed", labelZh: "已提交整改方案", labelEn: "plan filed" },
  { state: "report-filed", labelZh: "已提交整改报告，待复核", labelEn: "report filed, awaiting re-check" },
  { state: "passed", labelZh: "整改复核合格", labelEn: "passed" },
  { state: "failed", labelZh: "整改后仍不合格", labelEn: "still unqualified" },
  { state: "closed", labelZh: "基地已退出序列，整改终止", labelEn: "closed: the base left the series" },
] as const;
export type RectificationState = (typeof rectificationStateList)[number]["state"];
export const rectificationStates = rectificationStateList.map((entry) => entry.state) as [
  RectificationState,
  ...RectificationState[],
];

export const rectificationEventList = [
  { event: "file-plan", labelZh: "提交整改方案", labelEn: "File the plan" },
  { event: "file-report", labelZh: "提交整改报告", labelEn: "File the final report" },
  { event: "pass", labelZh: "复核合格", labelEn: "Pass" },
  { event: "fail", labelZh: "复核仍不合格", labelEn: "Still unqualified" },
  { event: "close", labelZh: "终止整改（基地已退出序列）", labelEn: "Close (the base left the series)" },
] as const;
export type RectificationEvent = (typeof rectificationEventList)[number]["event"];
export const rectificationEvents = rectificationEventList.map((entry) => entry.event) as [
  RectificationEvent,
  ...RectificationEvent[],
];

/** The facts the guards read: the texts filed so far, the dates, and the officer's reason. */
export interface RectificationTransitionContext {
  plan?: string | null;
  finalReport?: string | null;
  reason?: string;
  /** Today (China); with `dueOn`, whether the year is over (a case without a report fails only then). */
  today?: IsoDate;
  dueOn?: IsoDate;
  /** The base was revoked or exited (Art. 20–21): only then is the case closed, by the system. */
  baseLeftSeries?: boolean;
}

type Context = RectificationTransitionContext;
type Rule = TransitionRule<RectificationState, Context>;

const filled = (value: string | null | undefined) => Boolean(value?.trim());

const planWritten = (context: Context): Refusal | null =>
  filled(context.plan)
    ? null
    : {
        code: "plan-missing",
        article: "24",
        path: "plan",
        messageZh: "请先填写整改方案。",
        messageEn: "Write the rectification plan first.",
      };

const reportWritten = (context: Context): Refusal | null =>
  filled(context.finalReport)
    ? null
    : {
        code: "report-missing",
        article: "24",
        path: "finalReport",
        messageZh: "请先填写整改报告（整改措施、成效及佐证材料）。",
        messageEn: "Write the final rectification report (measures, results and evidence) first.",
      };

/** Without a report, the case can only be failed once the year is over (Art. 24: 整改期满后仍不合格). */
const periodOver = (context: Context): Refusal | null =>
  context.today && context.dueOn && compareIsoDates(context.today, context.dueOn) > 0
    ? null
    : {
        code: "rectification-period-running",
        article: "24",
        path: "dueOn",
        messageZh: "整改期限尚未届满，且依托单位尚未提交整改报告。",
        messageEn: "The rectification year is not over and no final report has been filed.",
      };

const failReason = requireReason("20.6");
const both =
  (...guards: ((context: Context) => Refusal | null)[]) =>
  (context: Context): Refusal | null => {
    for (const guard of guards) {
      const refusal = guard(context);
      if (refusal) return refusal;
    }
    return null;
  };

const failExpired: Rule = {
  to: "failed",
  ability: "rectification.manage",
  article: "20.6",
  guard: both(failReason, periodOver),
};

const baseLeft = (context: Context): Refusal | null =>
  context.baseLeftSeries
    ? null
    : {
        code: "base-in-series",
        article: "24",
        messageZh: "基地仍在省国合基地序列中，整改不能终止。",
        messageEn: "The base is still in the series: its rectification cannot be closed.",
      };
const close: Rule = { to: "closed", ability: "rectification.manage", article: "24", guard: baseLeft };

/** Cases still running (Art. 24), and those whose final report is still awaited (reminders, deadlines). */
export const openRectificationStates = ["open", "plan-filed", "report-filed"] as const satisfies RectificationState[];
export const pendingRectificationStates = ["open", "plan-filed"] as const satisfies RectificationState[];

export const rectificationTable = {
  open: {
    "file-plan": { to: "plan-filed", ability: "rectification.submit", article: "24", guard: planWritten },
    fail: failExpired,
    close,
  },
  "plan-filed": {
    "file-report": { to: "report-filed", ability: "rectification.submit", article: "24", guard: reportWritten },
    fail: failExpired,
    close,
  },
  "report-filed": {
    pass: { to: "passed", ability: "rectification.manage", article: "24" },
    fail: { to: "failed", ability: "rectification.manage", article: "20.6", guard: failReason },
    close,
  },
  passed: {},
  failed: {},
  closed: {},
} as const satisfies Record<RectificationState, Partial<Record<RectificationEvent, Rule>>>;

const label = <T extends { labelZh: string; labelEn: string }>(entry: T) => ({ zh: entry.labelZh, en: entry.labelEn });

export const rectificationLifecycle: Lifecycle<RectificationState, RectificationEvent, Context> = {
  name: "rectification",
  article: "24",
  states: rectificationStates,
  events: rectificationEvents,
  table: rectificationTable,
  stateLabels: Object.fromEntries(rectificationStateList.map((entry) => [entry.state, label(entry)])) as Record<
    RectificationState,
    { zh: string; en: string }
  >,
};

/** The event's labels, for messages and buttons. */
export function rectificationEventLabel(event: RectificationEvent): { zh: string; en: string } {
  const entry = rectificationEventList.find((candidate) => candidate.event === event);
  return entry ? label(entry) : { zh: event, en: event };
}

export const isRectificationState = (value: string): value is RectificationState =>
  (rectificationStates as readonly string[]).includes(value);

/**
 * Decides one event on a case for a caller with `callerAbilities` (already narrowed to the case's row scope).
 * Filing the report before the plan gets its own refusal (Art. 24: the report answers the plan).
 */
export function decideRectificationEvent(
  state: RectificationState,
  event: RectificationEvent,
  context: Context,
  callerAbilities: readonly Ability[],
): Outcome<{ to: RectificationState; ability: Ability; article: string }> {
  if (event === "file-report" && state === "open") {
    return {
      ok: false,
      refusal: {
        code: "plan-not-filed",
        article: "24",
        path: "plan",
        messageZh: "请先提交整改方案，再提交整改报告。",
        messageEn: "File the rectification plan before the final report.",
      },
    };
  }
  return transition(rectificationLifecycle, state, event, context, callerAbilities);
}

/**
 * The events the caller may fire now: in the table for the state and the caller's abilities. The officer's `fail`
 * is offered even without a reason (the dialog asks for it); the other guards must pass.
 */
export function availableRectificationEvents(
  state: RectificationState,
  context: Context,
  callerAbilities: readonly Ability[],
): RectificationEvent[] {
  return availableEvents(rectificationLifecycle, state, callerAbilities).filter(
    (event) => decideRectificationEvent(state, event, { ...context, reason: "-" }, callerAbilities).ok,
  );
}
