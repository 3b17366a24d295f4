import type { IsoDate } from "../calendar/dates";
import { isRevocationGround } from "../reference/revocation-grounds";
import type { Refusal } from "../refusal";
import { type Lifecycle, requireReason, type TransitionRule } from "./transition";

/**
 * Life of a recognized base (Art. 20–24; SPEC §5.2). 不合格 opens a one-year rectification (Art. 24); still
 * 不合格 after it, or not taking part / withdrawing from an evaluation (Art. 20.2), leads to a revocation
 * proposal that the officer decides. Revocation (nine grounds, Art. 20) and exit on upgrade to a national
 * platform (Art. 21) are final.
 */
export const baseStates = ["active", "rectifying", "revocation-proposed", "revoked", "exited"] as const;
export type BaseState = (typeof baseStates)[number];

export const baseEvents = [
  "grade-unqualified",
  "pass-rectification",
  "fail-rectification",
  "propose-revocation",
  "dismiss-proposal",
  "resume-rectification",
  "revoke",
  "exit-national",
  "national-revoked",
] as const;
export type BaseEvent = (typeof baseEvents)[number];

export interface BaseTransitionContext {
  reason?: string;
  /** Art. 20: ground 1–9. */
  ground?: number;
  /** Art. 21: the date of the national recognition document. */
  nationalDocumentDate?: IsoDate;
  /** Art. 24: the day MOST revoked a MOST international base's national status. */
  nationalRevocationDate?: IsoDate;
}

type Context = BaseTransitionContext;
type Rule = TransitionRule<BaseState, Context>;

const groundGiven = (context: Context): Refusal | null =>
  isRevocationGround(context.ground)
    ? null
    : {
        code: "ground-required",
        article: "20",
        path: "ground",
        messageZh: "请选择第二十条规定的取消资格情形（1–9）。",
        messageEn: "Choose one of the nine revocation grounds of Art. 20.",
      };

const nationalDocument = (context: Context): Refusal | null =>
  context.nationalDocumentDate
    ? null
    : {
        code: "national-document-missing",
        article: "21",
        path: "nationalDocumentDate",
        messageZh: "请录入国家级平台的发文日期。",
        messageEn: "Record the date of the national document.",
      };

const propose: Rule = { to: "revocation-proposed", ability: "base.revoke", article: "20", guard: groundGiven };
const revoke: Rule = { to: "revoked", ability: "base.revoke", article: "20", guard: groundGiven };
const exit: Rule = { to: "exited", ability: "base.exit", article: "21", guard: nationalDocument };

const nationalRevocation = (context: Context): Refusal | null =>
  context.nationalRevocationDate
    ? null
    : {
        code: "national-revocation-missing",
        article: "24",
        path: "revokedOn",
        messageZh: "请录入科技部取消资格的日期。",
        messageEn: "Record the date MOST revoked the national status.",
      };
// Art. 21, 24: a MOST base is in the provincial system because it is national; losing that status it leaves the
// series without a provincial revocation (no ban) and may apply provincially.
const leaveOnNationalRevocation: Rule = {
  to: "revoked",
  ability: "base.exit",
  article: "24",
  guard: nationalRevocation,
};

export const baseTable = {
  active: {
    "grade-unqualified": { to: "rectifying", ability: "evaluation.grade", article: "24" },
    "propose-revocation": propose,
    revoke,
    "exit-national": exit,
    "national-revoked": leaveOnNationalRevocation,
  },
  rectifying: {
    "pass-rectification": { to: "active", ability: "evaluation.grade", article: "24" },
    "fail-rectification": { to: "revocation-proposed", ability: "evaluation.grade", article: "24" },
    "propose-revocation": propose,
    revoke,
    "exit-national": exit,
    "national-revoked": leaveOnNationalRevocation,
  },
  "revocation-proposed": {
    revoke,
    "dismiss-proposal": { to: "active", ability: "base.revoke", article: "20", guard: requireReason("20") },
    // A proposal dismissed while the base's one-year rectification is still running: the rectification goes on (Art. 24).
    "resume-rectification": { to: "rectifying", ability: "base.revoke", article: "24", guard: requireReason("20") },
    "exit-national": exit,
    "national-revoked": leaveOnNationalRevocation,
  },
  revoked: {},
  exited: {},
} as const satisfies Record<BaseState, Partial<Record<BaseEvent, Rule>>>;

export const baseLifecycle: Lifecycle<BaseState, BaseEvent, Context> = {
  name: "base",
  article: "20",
  states: baseStates,
  events: baseEvents,
  table: baseTable,
  stateLabels: {
    active: { zh: "运行中", en: "active" },
    rectifying: { zh: "整改中", en: "in rectification" },
    "revocation-proposed": { zh: "拟取消资格", en: "proposed for revocation" },
    revoked: { zh: "已取消资格", en: "revoked" },
    exited: { zh: "已升级退出", en: "exited on upgrade to national level" },
  },
};
