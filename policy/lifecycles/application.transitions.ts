import type { IsoDate } from "../calendar/dates";
import type { Refusal } from "../refusal";
import { type Lifecycle, requireReason, type TransitionRule } from "./transition";

/**
 * Recognition of one application (Art. 14; SPEC §5.1). `submitted` means "at a recommender": a sub-recommender
 * (a district, a development zone) passes it up to its parent (`pass-up`, same state, the server moves the
 * application one level up the recommender tree); the top recommender recommends it to the province.
 */
export const applicationStates = [
  "draft",
  "submitted",
  "returned",
  "declined",
  "recommended",
  "correction-requested",
  "formal-review-passed",
  "in-expert-review",
  "reviewed",
  "on-site-verification",
  "verified",
  "evaluated",
  "approved",
  "publicized",
  "recognized",
  "rejected",
  "withdrawn",
] as const;
export type ApplicationState = (typeof applicationStates)[number];

export const applicationEvents = [
  "submit",
  "pass-up",
  "return",
  "decline",
  "recommend",
  "pass-formal-review",
  "request-correction",
  "resubmit-correction",
  "reject",
  "send-to-review",
  "complete-review",
  "start-on-site-verification",
  "complete-on-site-verification",
  "evaluate",
  "approve",
  "publish",
  "recognize",
  "withdraw",
] as const;
export type ApplicationEvent = (typeof applicationEvents)[number];

/** What the server knows when it moves an application; each guard reads only what it needs. */
export interface ApplicationTransitionContext {
  reason?: string;
  /** summarize(findings).blocking: a `fail` verdict. */
  eligibilityBlocking?: boolean;
  /** summarize(findings).incomplete: evidence or a required material is missing. */
  eligibilityIncomplete?: boolean;
  /** The recommender holding the application has a parent recommender (it is a district or zone). */
  recommenderHasParent?: boolean;
  /** Every panel member has scored and the panel opinion is written. */
  reviewComplete?: boolean;
  /** 厅党组会: the meeting date and minute reference. */
  meeting?: { date?: IsoDate; minuteRef?: string };
  today?: IsoDate;
  /** Last day of the 公示 (publicNoticeEnd). */
  publicNoticeEnd?: IsoDate;
  unresolvedObjections?: number;
}

type Context = ApplicationTransitionContext;
type Rule = TransitionRule<ApplicationState, Context>;

const eligibleToSubmit = (context: Context): Refusal | null => {
  if (context.eligibilityBlocking !== false) {
    return {
      code: "eligibility-failed",
      article: "7",
      messageZh: "资格自查存在不符合项，不能提交。",
      messageEn: "The eligibility check has a failing rule: the application cannot be submitted.",
    };
  }
  if (context.eligibilityIncomplete !== false) {
    return {
      code: "materials-missing",
      article: "14.1",
      messageZh: "申报材料不完整，请补齐后提交。",
      messageEn: "Materials are missing: complete them before submitting.",
    };
  }
  return null;
};

const atSubRecommender = (context: Context): Refusal | null =>
  context.recommenderHasParent === true
    ? null
    : {
        code: "no-parent-recommender",
        article: "17",
        messageZh: "本推荐部门直接向省科技厅推荐，无需上报。",
        messageEn: "This recommender recommends directly to the province; there is no level to pass up to.",
      };

const atTopRecommender = (context: Context): Refusal | null =>
  context.recommenderHasParent === false
    ? null
    : {
        code: "recommend-via-parent",
        article: "17",
        messageZh: "请报上级推荐部门审核后推荐。",
        messageEn: "Pass the application up to the parent recommender, which recommends it.",
      };

const reviewDone = (context: Context): Refusal | null =>
  context.reviewComplete === true
    ? null
    : {
        code: "review-incomplete",
        article: "14.2",
        messageZh: "专家评审尚未全部完成。",
        messageEn: "The expert review is not complete.",
      };

const meetingRecorded = (context: Context): Refusal | null =>
  context.meeting?.date && context.meeting.minuteRef?.trim()
    ? null
    : {
        code: "meeting-missing",
        article: "14.3",
        path: "meeting",
        messageZh: "请录入厅党组会日期和纪要编号。",
        messageEn: "Record the Party group meeting's date and minute reference.",
      };

const noticeOver = (context: Context): Refusal | null => {
  if (!context.today || !context.publicNoticeEnd || context.today <= context.publicNoticeEnd) {
    return {
      code: "public-notice-running",
      article: "14.3",
      messageZh: "公示期尚未结束。",
      messageEn: "The public notice period has not ended.",
    };
  }
  if ((context.unresolvedObjections ?? 0) > 0) {
    return {
      code: "objections-unresolved",
      article: "14.3",
      messageZh: "尚有异议未处理完毕。",
      messageEn: "Objections are still unresolved.",
    };
  }
  return null;
};

const reason = requireReason("14");
const withdraw: Rule = { to: "withdrawn", ability: "application.withdraw", article: "14" };
const reject: Rule = { to: "rejected", ability: "application.reject", article: "14.2", guard: reason };

export const applicationTable = {
  draft: {
    submit: { to: "submitted", ability: "application.submit", article: "14.1", guard: eligibleToSubmit },
    withdraw,
  },
  submitted: {
    "pass-up": { to: "submitted", ability: "application.recommend", article: "17", guard: atSubRecommender },
    recommend: { to: "recommended", ability: "application.recommend", article: "14.1", guard: atTopRecommender },
    return: { to: "returned", ability: "application.return", article: "14.1", guard: reason },
    decline: { to: "declined", ability: "application.decline", article: "14.1", guard: reason },
    withdraw,
  },
  returned: {
    submit: { to: "submitted", ability: "application.submit", article: "14.1", guard: eligibleToSubmit },
    withdraw,
  },
  declined: {},
  recommended: {
    "pass-formal-review": { to: "formal-review-passed", ability: "application.formal-review", article: "14.2" },
    "request-correction": {
      to: "correction-requested",
      ability: "application.formal-review",
      article: "14.2",
      guard: reason,
    },
    reject,
    withdraw,
  },
  "correction-requested": {
    "resubmit-correction": {
      to: "recommended",
      ability: "application.submit",
      article: "14.2",
      guard: eligibleToSubmit,
    },
    reject,
    withdraw,
  },
  "formal-review-passed": {
    "send-to-review": { to: "in-expert-review", ability: "application.send-to-review", article: "14.2" },
    withdraw,
  },
  "in-expert-review": {
    "complete-review": { to: "reviewed", ability: "application.send-to-review", article: "14.2", guard: reviewDone },
    withdraw,
  },
  reviewed: {
    "start-on-site-verification": {
      to: "on-site-verification",
      ability: "application.verify-on-site",
      article: "14.2",
    },
    evaluate: { to: "evaluated", ability: "application.evaluate", article: "14.3" },
    reject,
    withdraw,
  },
  "on-site-verification": {
    "complete-on-site-verification": { to: "verified", ability: "application.verify-on-site", article: "14.2" },
    withdraw,
  },
  verified: {
    evaluate: { to: "evaluated", ability: "application.evaluate", article: "14.3" },
    reject,
    withdraw,
  },
  evaluated: {
    approve: { to: "approved", ability: "application.approve", article: "14.3", guard: meetingRecorded },
    reject: { ...reject, article: "14.3" },
    withdraw,
  },
  approved: {
    publish: { to: "publicized", ability: "application.publish", article: "14.3" },
  },
  publicized: {
    recognize: { to: "recognized", ability: "application.recognize", article: "14.3", guard: noticeOver },
    reject: { ...reject, article: "14.3" },
  },
  recognized: {},
  rejected: {},
  withdrawn: {},
} as const satisfies Record<ApplicationState, Partial<Record<ApplicationEvent, Rule>>>;

export const applicationLifecycle: Lifecycle<ApplicationState, ApplicationEvent, Context> = {
  name: "application",
  article: "14",
  states: applicationStates,
  events: applicationEvents,
  table: applicationTable,
  stateLabels: {
    draft: { zh: "草稿", en: "draft" },
    submitted: { zh: "推荐部门审核中", en: "at the recommender" },
    returned: { zh: "已退回修改", en: "returned to the applicant" },
    declined: { zh: "不予推荐", en: "declined by the recommender" },
    recommended: { zh: "已推荐，待形式审查", en: "recommended, awaiting formal review" },
    "correction-requested": { zh: "形式审查退回补正", en: "returned for correction at formal review" },
    "formal-review-passed": { zh: "形式审查通过", en: "formal review passed" },
    "in-expert-review": { zh: "专家评审中", en: "in expert review" },
    reviewed: { zh: "专家评审完成", en: "reviewed" },
    "on-site-verification": { zh: "实地核查中", en: "in on-site verification" },
    verified: { zh: "实地核查完成", en: "verified on site" },
    evaluated: { zh: "综合评议完成", en: "comprehensively evaluated" },
    approved: { zh: "厅党组会已批准", en: "approved by the Party group meeting" },
    publicized: { zh: "公示中", en: "under public notice" },
    recognized: { zh: "已发文认定", en: "recognized" },
    rejected: { zh: "未通过", en: "rejected" },
    withdrawn: { zh: "已撤回", en: "withdrawn" },
  },
};
