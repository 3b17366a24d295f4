import type { IsoDate } from "../calendar/dates";
import { isRevocationGround } from "../reference/revocation-grounds";
import type { Refusal } from "../refusal";
import { type Lifecycle, requireReason, type TransitionRule } from "./transition";

/**
 * A revocation case (Art. 20). The system proposes where it knows the facts (grounds 1, 2, 6, 8), the officer opens
 * one on any ground with evidence, both straight into `proposed`; the host unit asks to withdraw (ground 7, Art.
 * 20.7): `requested` at its recommender, who approves (→ `proposed`) or returns it with reasons. The department
 * decides a proposed case: revoked (厅党组会 record and a numbered notice) or dismissed with reasons. The unit may
 * take its own request back before the decision.
 */
export const revocationCaseStates = ["requested", "returned", "proposed", "revoked", "dismissed", "withdrawn"] as const;
export type RevocationCaseState = (typeof revocationCaseStates)[number];

/** Cases still to be decided: at most one per base. */
export const openRevocationCaseStates = ["requested", "returned", "proposed"] as const satisfies RevocationCaseState[];

export const revocationCaseEvents = ["approve", "return", "resubmit", "withdraw", "revoke", "dismiss"] as const;
export type RevocationCaseEvent = (typeof revocationCaseEvents)[number];

export const revocationSources = ["system", "officer", "unit"] as const;
export type RevocationSource = (typeof revocationSources)[number];

export interface RevocationCaseContext {
  today: IsoDate;
  ground?: number;
  source?: RevocationSource;
  reason?: string;
  /** The 厅党组会 that approved the revocation (Art. 20: 经厅党组会批准, as for recognition in Art. 14.3). */
  meetingDate?: IsoDate;
  minuteRef?: string;
  /** The notice's 发文字号 the officer sets. */
  documentPrefix?: string;
  documentNumber?: number;
}

type Context = RevocationCaseContext;
type Rule = TransitionRule<RevocationCaseState, Context>;

const issue = (path: string, messageZh: string, messageEn: string, article = "20"): Refusal => ({
  code: `${path}-required`,
  article,
  path,
  messageZh,
  messageEn,
});

const groundGiven = (context: Context): Refusal | null =>
  isRevocationGround(context.ground)
    ? null
    : issue(
        "ground",
        "请选择第二十条规定的取消资格情形（1–9）。",
        "Choose one of the nine revocation grounds of Art. 20.",
      );

/** Art. 20: revoking needs the 厅党组会 record (date not after today, minute reference) and the notice's number. */
export function revocationDecisionRefusal(context: Context): Refusal | null {
  const grounds = groundGiven(context);
  if (grounds) return grounds;
  const errors: Refusal[] = [];
  if (!context.meetingDate) {
    errors.push(
      issue("meetingDate", "请录入批准取消资格的厅党组会日期。", "Record the date of the Party group meeting."),
    );
  } else if (context.meetingDate > context.today) {
    errors.push({
      ...issue("meetingDate", "厅党组会日期不能晚于今天。", "The meeting date cannot be in the future."),
      code: "meeting-in-future",
    });
  }
  if (!context.minuteRef?.trim()) {
    errors.push(issue("minuteRef", "请录入厅党组会纪要编号。", "Record the meeting's minute reference."));
  }
  if (!context.documentPrefix?.trim()) {
    errors.push(issue("documentPrefix", "请录入发文字号的机关代字。", "Record the document number's prefix."));
  }
  if (!Number.isInteger(context.documentNumber) || (context.documentNumber ?? 0) < 1) {
    errors.push(issue("documentNumber", "请录入发文字号的序号（正整数）。", "Record the document's serial number."));
  }
  const [first] = errors;
  if (!first) return null;
  return errors.length === 1
    ? first
    : {
        ...first,
        errors: errors.map((e) => ({
          path: e.path!,
          messageZh: e.messageZh,
          messageEn: e.messageEn,
          article: e.article,
        })),
      };
}

/** Opening a case: a ground of Art. 20 always; the officer's case needs its evidence in words (files may follow). */
export function revocationOpeningRefusal(context: { ground?: number; source: RevocationSource; evidence?: string }) {
  const grounds = groundGiven({ today: "", ground: context.ground });
  if (grounds) return grounds;
  if (context.source === "unit" && context.ground !== 7) {
    return {
      code: "withdrawal-ground",
      article: "20.7",
      path: "ground",
      messageZh: "依托单位只能依第二十条第七项主动申请撤销基地。",
      messageEn: "A host unit can only ask to withdraw (Art. 20.7).",
    } satisfies Refusal;
  }
  if (context.source !== "system" && !context.evidence?.trim()) {
    return context.source === "unit"
      ? issue("evidence", "请填写申请撤销的理由。", "Give the reason for withdrawing.", "20.7")
      : issue("evidence", "请填写取消资格的事实和依据。", "Describe the facts the revocation rests on.");
  }
  return null;
}

// The unit takes back only its own request (Art. 20.7); a proposal by the system or the officer is decided.
const ownRequest = (context: Context): Refusal | null =>
  context.source === "unit"
    ? null
    : {
        code: "not-a-request",
        article: "20",
        messageZh: "该取消资格程序不是依托单位的申请，不能撤回。",
        messageEn: "Only the host unit's own withdrawal request can be taken back.",
      };

const withdraw: Rule = { to: "withdrawn", ability: "revocation.request", article: "20.7", guard: ownRequest };

export const revocationCaseTable = {
  requested: {
    approve: { to: "proposed", ability: "revocation.review", article: "20.7" },
    return: { to: "returned", ability: "revocation.review", article: "20.7", guard: requireReason("20.7") },
    withdraw,
  },
  returned: {
    resubmit: { to: "requested", ability: "revocation.request", article: "20.7" },
    withdraw,
  },
  proposed: {
    revoke: { to: "revoked", ability: "base.revoke", article: "20", guard: revocationDecisionRefusal },
    dismiss: { to: "dismissed", ability: "base.revoke", article: "20", guard: requireReason("20") },
    withdraw,
  },
  revoked: {},
  dismissed: {},
  withdrawn: {},
} as const satisfies Record<RevocationCaseState, Partial<Record<RevocationCaseEvent, Rule>>>;

export const revocationCaseLifecycle: Lifecycle<RevocationCaseState, RevocationCaseEvent, Context> = {
  name: "revocation case",
  article: "20",
  states: revocationCaseStates,
  events: revocationCaseEvents,
  table: revocationCaseTable,
  stateLabels: {
    requested: { zh: "撤销申请待推荐部门审核", en: "withdrawal request at the recommender" },
    returned: { zh: "撤销申请已退回", en: "withdrawal request returned" },
    proposed: { zh: "拟取消资格，待省科技厅决定", en: "proposed, awaiting the department's decision" },
    revoked: { zh: "已取消资格", en: "revoked" },
    dismissed: { zh: "不予取消资格", en: "dismissed" },
    withdrawn: { zh: "已撤回申请", en: "request withdrawn" },
  },
};

export const revocationEventLabels: Record<RevocationCaseEvent, { zh: string; en: string }> = {
  approve: { zh: "同意撤销申请", en: "approve the withdrawal request" },
  return: { zh: "退回撤销申请", en: "return the withdrawal request" },
  resubmit: { zh: "重新提交撤销申请", en: "resubmit the withdrawal request" },
  withdraw: { zh: "撤回撤销申请", en: "take back the withdrawal request" },
  revoke: { zh: "取消资格", en: "revoke" },
  dismiss: { zh: "不予取消资格", en: "dismiss" },
};

export function isOpenRevocationCase(state: string): boolean {
  return (openRevocationCaseStates as readonly string[]).includes(state);
}
