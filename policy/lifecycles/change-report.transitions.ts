import { type Lifecycle, requireReason, type TransitionRule } from "./transition";

/**
 * A major-change report (Art. 18.5): work plan, director, name, key or main cooperation countries. Reported
 * within 3 months of the change, approved by the recommender, filed with the province. Lateness is flagged
 * (calendar/deadlines.ts isChangeReportOnTime), not refused: a late report is better than a concealed one
 * (Art. 20.8).
 */
export const majorChangeKinds = [
  { code: "work-plan", nameZh: "工作方案变更", nameEn: "Work plan" },
  { code: "director", nameZh: "负责人变更", nameEn: "Director" },
  { code: "name", nameZh: "名称变更", nameEn: "Name" },
  {
    code: "key-or-main-countries",
    nameZh: "重点或主要合作国家(地区)变更",
    nameEn: "Key or main cooperation countries",
  },
] as const;
export type MajorChangeKind = (typeof majorChangeKinds)[number]["code"];

export const changeReportStates = [
  "draft",
  "submitted",
  "returned",
  "recommender-approved",
  "filed",
  "withdrawn",
] as const;
export type ChangeReportState = (typeof changeReportStates)[number];

export const changeReportEvents = ["submit", "return", "approve", "file", "withdraw"] as const;
export type ChangeReportEvent = (typeof changeReportEvents)[number];

export interface ChangeReportTransitionContext {
  reason?: string;
}

type Context = ChangeReportTransitionContext;
type Rule = TransitionRule<ChangeReportState, Context>;

const submit: Rule = { to: "submitted", ability: "change-report.submit", article: "18.5" };
const withdraw: Rule = { to: "withdrawn", ability: "change-report.submit", article: "18.5" };

export const changeReportTable = {
  draft: { submit, withdraw },
  submitted: {
    approve: { to: "recommender-approved", ability: "change-report.review", article: "18.5" },
    return: { to: "returned", ability: "change-report.review", article: "18.5", guard: requireReason("18.5") },
  },
  returned: { submit, withdraw },
  "recommender-approved": {
    file: { to: "filed", ability: "change-report.file", article: "18.5" },
    return: { to: "returned", ability: "change-report.file", article: "18.5", guard: requireReason("18.5") },
  },
  filed: {},
  withdrawn: {},
} as const satisfies Record<ChangeReportState, Partial<Record<ChangeReportEvent, Rule>>>;

export const changeReportLifecycle: Lifecycle<ChangeReportState, ChangeReportEvent, Context> = {
  name: "change report",
  article: "18.5",
  states: changeReportStates,
  events: changeReportEvents,
  table: changeReportTable,
  stateLabels: {
    draft: { zh: "草稿", en: "draft" },
    submitted: { zh: "推荐部门审核中", en: "at the recommender" },
    returned: { zh: "已退回", en: "returned" },
    "recommender-approved": { zh: "推荐部门已同意，待备案", en: "approved by the recommender, awaiting filing" },
    filed: { zh: "已备案", en: "filed" },
    withdrawn: { zh: "已撤回", en: "withdrawn" },
  },
};
