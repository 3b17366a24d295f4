import type { Ability } from "../access/abilities";
import type { IsoDate } from "../calendar/dates";
import { editionFor } from "../measures/editions";
import type { FieldIssue, Refusal } from "../refusal";
import {
  type ApplicationEvent,
  type ApplicationState,
  type ApplicationTransitionContext,
  applicationLifecycle,
} from "./application.transitions";
import { transition, transitionRule } from "./transition";

/** 形式审查 checklist (Art. 14.2): every item must hold to pass; the one list the server, web and documents use. */
export const formalReviewItems = [
  { key: "materials-complete", labelZh: "申报材料齐全", labelEn: "All materials present" },
  { key: "stamped-copies", labelZh: "盖章PDF与Word版本一致", labelEn: "Stamped PDFs match the Word files" },
  { key: "commitment-signed", labelZh: "承诺书已签字盖章", labelEn: "Commitment letter signed and stamped" },
  { key: "recommendation-letter", labelZh: "推荐部门推荐函及汇总表已提交", labelEn: "Recommendation letter received" },
  { key: "eligibility", labelZh: "基本条件符合要求", labelEn: "Basic conditions met" },
] as const;
export type FormalReviewKey = (typeof formalReviewItems)[number]["key"];

/** States in which the applicant edits the form and its files. */
export const editableApplicationStates: readonly ApplicationState[] = ["draft", "returned", "correction-requested"];

/** Recommender events act where the application is now: only the recommender holding it may fire them (Art. 17). */
const holderEvents: ReadonlySet<ApplicationEvent> = new Set(["pass-up", "recommend", "return", "decline"]);

/** What the server loads once, under a row lock, before an application event: plain facts, no rows. */
export interface ApplicationFacts {
  state: ApplicationState;
  version: number;
  today: IsoDate;
  /** The recommender holding the application now, and its parent (null: it recommends to the province). */
  holder: { recommenderId: string; parentId: string | null };
  /** The call accepts submissions now (open, between its opening and closing times). */
  callAccepting: boolean;
  /** The call's quota for the holding recommender (null: no limit) and how many it has recommended already. */
  quota: { limit: number | null; used: number };
  /** For a submission: everything that stops it (failing or missing evidence, unreadable input, absent materials). */
  submission?: { blockers: readonly FieldIssue[]; eligibilityBlocking: boolean; incomplete: boolean };
  /** For the decision stage (SPEC §5.1 steps 5–9): gathered by the command that fires the event. */
  decisionStage?: Pick<
    ApplicationTransitionContext,
    "reviewComplete" | "meeting" | "publicNoticeEnd" | "unresolvedObjections"
  >;
}

/** Who asks, as far as the rules care: what the caller may do on this row, and the recommender it acts for. */
export interface ApplicationActor {
  /** The caller can see the application at all (its read scope covers the row). */
  canRead: boolean;
  /** The caller's abilities on this row (role table and row scope, resolved by the server). */
  abilities: readonly Ability[];
  /** The recommender the caller acts for within its jurisdiction; null for officers and applicants. */
  recommenderId: string | null;
}

export interface ApplicationRequest {
  event: ApplicationEvent;
  reason?: string | null | undefined;
  checklist?: Partial<Record<string, boolean>> | undefined;
  /** Optimistic lock: the version the caller read. */
  expectedVersion?: number | undefined;
}

/** Why an event was refused: the record is hidden, the caller may not, the record's state forbids it, or a rule. */
export type RefusalKind = "not-found" | "forbidden" | "conflict" | "rule";

/** What formal review records with its event: each checklist item checked (true) or found wanting (false). */
export interface FormalReviewRecord {
  checklist: Partial<Record<string, boolean>>;
}

export interface ApplicationChange {
  to: ApplicationState;
  article: string;
  /** The edition of the measures the decision applied (Art. 31). */
  edition: string;
  /** The recommender priority to store: a number on recommendation, null when it leaves the recommender's list. */
  priority?: number | null;
  /** Set when the event is a submission: the server stamps the submission time. */
  submitted?: true;
  /** pass-up: the parent recommender that holds the application next. */
  holderNext?: string;
  /** Stored with the event row: the formal-review checklist, else nothing. */
  data: FormalReviewRecord | null;
}

export type ApplicationDecision =
  | { ok: true; change: ApplicationChange }
  | { ok: false; kind: RefusalKind; refusal: Refusal };

const refused = (kind: RefusalKind, refusal: Refusal): ApplicationDecision => ({ ok: false, kind, refusal });

/**
 * Refusals an event may still be offered under: the caller can act on them (complete the form and materials) or is
 * told why on trying (the quota, the decision stage's own conditions). Any other refusal hides the event.
 */
const offeredDespite: ReadonlySet<string> = new Set([
  "eligibility-failed",
  "materials-missing",
  "quota-exceeded",
  "review-incomplete",
  "meeting-missing",
  "public-notice-running",
  "objections-unresolved",
]);

const notFound: Refusal = {
  code: "not-found",
  messageZh: "申报不存在或您无权查看。",
  messageEn: "Application not found or not visible to you.",
  path: "id",
};

/**
 * Decides one application event (Art. 14 and 17; SPEC §5.1 steps 2–4, and the decision stage's events with their
 * facts): the caller's ability on the row, the holder rule, the optimistic lock, the call's window, the quota, the
 * formal-review checklist and the table's guards — in that order. Pure: the server loads the facts, writes the
 * change with its audit entry, and maps a refusal's kind to a status.
 */
export function decideApplicationEvent(
  facts: ApplicationFacts,
  actor: ApplicationActor,
  request: ApplicationRequest,
): ApplicationDecision {
  const { event } = request;
  if (!actor.canRead) return refused("not-found", notFound);
  const rule = transitionRule(applicationLifecycle, facts.state, event);
  if (rule) {
    if (!actor.abilities.includes(rule.ability)) {
      return refused("forbidden", {
        code: "forbidden",
        article: rule.article,
        messageZh: `您没有执行此操作的权限（${rule.ability}）。`,
        messageEn: `You are not allowed to do this (${rule.ability}).`,
      });
    }
    if (holderEvents.has(event) && actor.recommenderId !== null && actor.recommenderId !== facts.holder.recommenderId) {
      return refused("conflict", {
        code: "not-the-holder",
        article: "17",
        messageZh: "该申报目前不在本推荐部门，需由当前审核的推荐部门处理。",
        messageEn: "The application is with another recommender; only the recommender holding it can act on it.",
      });
    }
  }
  if (request.expectedVersion !== undefined && request.expectedVersion !== facts.version) {
    return refused("conflict", {
      code: "stale-version",
      messageZh: "该记录已被他人修改，请刷新后再保存。",
      messageEn: "This record was changed by someone else; reload it before saving.",
      path: "version",
    });
  }
  if (rule && event === "submit" && facts.state === "draft" && !facts.callAccepting) {
    return refused("conflict", {
      code: "call-not-open",
      article: "14.1",
      messageZh: "该批次当前不在申报期内。",
      messageEn: "This call is not open for applications now.",
    });
  }
  let priority: number | null | undefined;
  if (rule && event === "recommend") {
    const { limit, used } = facts.quota;
    if (limit !== null && used >= limit) {
      return refused("rule", {
        code: "quota-exceeded",
        article: "14.1",
        messageZh: `已达到本批次推荐限额（${limit}项），不能继续推荐。`,
        messageEn: `The call's quota for this recommender (${limit}) is reached.`,
      });
    }
    priority = used + 1;
  }
  const checklist = request.checklist ?? {};
  if (rule && event === "pass-formal-review") {
    const unchecked = formalReviewItems.filter((item) => checklist[item.key] !== true);
    if (unchecked.length > 0) {
      return refused("rule", {
        code: "checklist-incomplete",
        article: "14.2",
        messageZh: "形式审查清单尚有未通过的项目，不能通过形式审查。",
        messageEn: "Items of the formal-review checklist are not met.",
        errors: unchecked.map((item) => ({
          path: `checklist.${item.key}`,
          messageZh: `未通过：${item.labelZh}`,
          messageEn: `Not met: ${item.labelEn}`,
        })),
      });
    }
  }

  const reason = request.reason?.trim();
  const context: ApplicationTransitionContext = {
    today: facts.today,
    recommenderHasParent: facts.holder.parentId !== null,
    ...(facts.submission
      ? {
          eligibilityBlocking: facts.submission.eligibilityBlocking,
          eligibilityIncomplete: facts.submission.incomplete,
        }
      : {}),
    ...facts.decisionStage,
    ...(reason ? { reason } : {}),
  };
  const outcome = transition(applicationLifecycle, facts.state, event, context);
  if (!outcome.ok) {
    const blockers = facts.submission?.blockers ?? [];
    const named = ["eligibility-failed", "materials-missing"].includes(outcome.refusal.code) && blockers.length > 0;
    return refused(outcome.refusal.code === "invalid-transition" ? "conflict" : "rule", {
      ...outcome.refusal,
      ...(named ? { errors: [...blockers] } : {}),
    });
  }

  if (["pass-up", "return", "decline", "withdraw", "reject"].includes(event)) priority = null;
  return {
    ok: true,
    change: {
      to: outcome.value.to,
      article: outcome.value.article,
      edition: editionFor(facts.today).edition.id,
      ...(priority === undefined ? {} : { priority }),
      ...(event === "submit" ? { submitted: true as const } : {}),
      ...(event === "pass-up" && facts.holder.parentId ? { holderNext: facts.holder.parentId } : {}),
      data: event === "pass-formal-review" || event === "request-correction" ? { checklist } : null,
    },
  };
}

/**
 * The events the caller may attempt now, by the same decision: those it could fire with a reason and a complete
 * checklist, and those only a fixable condition still blocks (the editor lists the blockers) — never those its
 * abilities, the holder rule, the level in the recommender tree, the call's window or the state exclude. Every
 * response carries them.
 */
export function availableApplicationEvents(facts: ApplicationFacts, actor: ApplicationActor): ApplicationEvent[] {
  const checklist = Object.fromEntries(formalReviewItems.map((item) => [item.key, true]));
  return applicationLifecycle.events.filter((event) => {
    if (!transitionRule(applicationLifecycle, facts.state, event)) return false;
    const decision = decideApplicationEvent(facts, actor, { event, reason: "—", checklist });
    return decision.ok || offeredDespite.has(decision.refusal.code);
  });
}
