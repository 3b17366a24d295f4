import { type Ability, type Scope, scopeOf } from "../../policy/access/abilities";
import type { Role } from "../../policy/roles";
import type { ListQuery, ListSourceKey } from "./list-sources";

/**
 * One 工作台 to-do: what waits on the caller, said as the action ("待形式审查"), and the list filtered to exactly those
 * rows. Shown only to a caller holding every ability in `requires` (the list's read and the action it waits for),
 * with the first ability's scope among `scopes` when given — so no card leads to a request the role cannot make.
 */
export interface TodoDefinition {
  key: string;
  labelZh: string;
  labelEn: string;
  source: ListSourceKey;
  /** The list's own filter: the same parameter names on the web page and on its API endpoint. */
  query: (context: { since: string }) => ListQuery;
  requires: readonly Ability[];
  scopes?: readonly Scope[];
}

const fixed = (query: ListQuery) => () => query;

/** The to-dos of every role, in the order the lifecycles reach them (policy/lifecycles/). */
export const todoDefinitions: readonly TodoDefinition[] = [
  // Host unit (applicant): its applications, reports and cases waiting on it.
  {
    key: "application-drafts",
    labelZh: "申报草稿待提交",
    labelEn: "Draft applications to submit",
    source: "applications",
    query: fixed({ state: "draft" }),
    requires: ["application.read", "application.submit"],
  },
  {
    key: "application-returned",
    labelZh: "退回待修改的申报",
    labelEn: "Applications returned for revision",
    source: "applications",
    query: fixed({ state: "returned" }),
    requires: ["application.read", "application.submit"],
  },
  {
    key: "application-correction",
    labelZh: "形式审查待补正的申报",
    labelEn: "Applications to correct after formal review",
    source: "applications",
    query: fixed({ state: "correction-requested" }),
    requires: ["application.read", "application.submit"],
  },
  {
    key: "annual-report-due",
    labelZh: "待填报的年度工作报告",
    labelEn: "Annual reports to write",
    source: "annual-reports",
    query: fixed({ state: "awaiting-report" }),
    requires: ["annual-report.read", "annual-report.submit"],
  },
  {
    key: "annual-report-unit-review",
    labelZh: "待本单位审核的年度工作报告",
    labelEn: "Annual reports to approve as the host unit",
    source: "annual-reports",
    query: fixed({ state: "unit-review" }),
    requires: ["annual-report.review"],
    scopes: ["unit", "unit-admin"],
  },
  {
    key: "annual-report-correction",
    labelZh: "待补正的年度工作报告",
    labelEn: "Annual reports to correct",
    source: "annual-reports",
    query: fixed({ state: "correction-window" }),
    requires: ["annual-report.read", "annual-report.submit"],
  },
  {
    key: "change-report-drafts",
    labelZh: "未提交的重大事项变化报告",
    labelEn: "Major change reports not yet submitted",
    source: "change-reports",
    query: fixed({ state: "draft" }),
    requires: ["change-report.read", "change-report.submit"],
  },
  {
    key: "change-report-returned",
    labelZh: "退回待修改的变化报告",
    labelEn: "Change reports returned for revision",
    source: "change-reports",
    query: fixed({ state: "returned" }),
    requires: ["change-report.read", "change-report.submit"],
  },
  {
    key: "rectification-plan-due",
    labelZh: "待提交的整改方案",
    labelEn: "Rectification plans to file",
    source: "rectifications",
    query: fixed({ state: "open" }),
    requires: ["rectification.read", "rectification.submit"],
  },
  {
    key: "rectification-report-due",
    labelZh: "待提交的整改报告",
    labelEn: "Rectification reports to file",
    source: "rectifications",
    query: fixed({ state: "plan-filed" }),
    requires: ["rectification.read", "rectification.submit"],
  },
  {
    key: "withdrawal-returned",
    labelZh: "退回的撤销申请",
    labelEn: "Withdrawal requests returned",
    source: "revocations",
    query: fixed({ state: "returned" }),
    requires: ["revocation.read", "revocation.request"],
  },
  // Recommender: what its units sent up, waiting on its review.
  {
    key: "application-to-recommend",
    labelZh: "待审核推荐的申报",
    labelEn: "Applications to review and recommend",
    source: "applications",
    query: fixed({ state: "submitted", held: "true" }),
    requires: ["application.read", "application.recommend"],
  },
  {
    // SPEC §5.1 step 3: the recommender ranks what it recommended and sends the stamped letter with its 汇总表, which
    // the department's formal review checks (Art. 14.2). Ranking has no state of its own — each recommendation is
    // placed last on the ranked list when made — so the letter, which fixes the ranked list, is the to-do.
    key: "application-letter-missing",
    labelZh: "待出具推荐函的申报",
    labelEn: "Recommended applications awaiting the letter",
    source: "applications",
    query: fixed({ held: "true", letter: "missing" }),
    requires: ["application.read", "application.rank"],
  },
  {
    key: "units-pending",
    labelZh: "待确认的单位注册",
    labelEn: "Registrations to confirm",
    source: "units",
    query: fixed({ status: "pending" }),
    requires: ["unit.read", "unit.confirm"],
  },
  {
    key: "annual-report-recommender-review",
    labelZh: "待推荐部门审核的年度工作报告",
    labelEn: "Annual reports to review as recommender",
    source: "annual-reports",
    query: fixed({ state: "recommender-review" }),
    requires: ["annual-report.review"],
    scopes: ["jurisdiction"],
  },
  {
    key: "change-report-to-review",
    labelZh: "待审核的变化报告",
    labelEn: "Change reports to review",
    source: "change-reports",
    query: fixed({ state: "submitted" }),
    requires: ["change-report.read", "change-report.review"],
  },
  {
    key: "withdrawal-to-review",
    labelZh: "待审核的撤销申请",
    labelEn: "Withdrawal requests to review",
    source: "revocations",
    query: fixed({ state: "requested" }),
    requires: ["revocation.read", "revocation.review"],
  },
  // Department (officer): the recognition round, then the life of the bases.
  {
    key: "application-formal-review",
    labelZh: "待形式审查",
    labelEn: "Awaiting formal review",
    source: "applications",
    query: fixed({ state: "recommended" }),
    requires: ["application.read", "application.formal-review"],
  },
  {
    key: "application-send-to-review",
    labelZh: "待送专家评审",
    labelEn: "To send to expert review",
    source: "applications",
    query: fixed({ state: "formal-review-passed" }),
    requires: ["application.read", "application.send-to-review"],
  },
  {
    key: "application-in-review",
    labelZh: "专家评审待完成",
    labelEn: "Expert reviews to complete",
    source: "applications",
    query: fixed({ state: "in-expert-review" }),
    requires: ["application.read", "application.send-to-review"],
  },
  {
    key: "application-to-evaluate",
    labelZh: "评审完成待综合评议",
    labelEn: "Reviewed, awaiting overall evaluation",
    source: "applications",
    query: fixed({ state: "reviewed" }),
    requires: ["application.read", "application.evaluate"],
  },
  {
    // Art. 14.3: every objection is investigated and resolved before recognition.
    key: "objections-open",
    labelZh: "待处理的公示异议",
    labelEn: "Objections to the public notice to handle",
    source: "objections",
    query: fixed({ objections: "open" }),
    requires: ["objection.read", "objection.resolve"],
  },
  {
    key: "notices-ending",
    labelZh: "7日内结束的公示",
    labelEn: "Public notices ending within 7 days",
    source: "notices",
    query: fixed({ endingWithin: "7" }),
    requires: ["objection.read", "application.recognize"],
  },
  {
    key: "change-report-to-file",
    labelZh: "待备案的变化报告",
    labelEn: "Change reports to file",
    source: "change-reports",
    query: fixed({ state: "recommender-approved" }),
    requires: ["change-report.read", "change-report.file"],
  },
  {
    key: "revocation-to-decide",
    labelZh: "待决定的取消资格事项",
    labelEn: "Revocation cases to decide",
    source: "revocations",
    query: fixed({ state: "proposed" }),
    requires: ["revocation.read", "base.revoke"],
  },
  {
    key: "annual-report-to-evaluate",
    labelZh: "已报送待考核的年度工作报告",
    labelEn: "Annual reports submitted for evaluation",
    source: "annual-reports",
    query: fixed({ state: "submitted" }),
    requires: ["annual-report.read", "evaluation.manage"],
  },
  {
    key: "rectification-to-check",
    labelZh: "待复核的整改报告",
    labelEn: "Rectification reports to check",
    source: "rectifications",
    query: fixed({ state: "report-filed" }),
    requires: ["rectification.read", "rectification.manage"],
  },
  // Everyone who keeps deadlines (department, recommenders, units): what falls due this week or is overdue.
  {
    key: "deadlines-week",
    labelZh: "7日内到期或已逾期的期限",
    labelEn: "Deadlines due within 7 days or overdue",
    source: "deadlines",
    query: fixed({ horizon: "7" }),
    requires: ["deadline.read"],
  },
  // Experts (and the evaluator on the panels it sits on): the assignments of rounds still in review.
  {
    key: "review-invitations",
    labelZh: "待答复的评审邀请",
    labelEn: "Review invitations to answer",
    source: "assignments",
    query: fixed({ status: "invited", open: "true" }),
    requires: ["review.read", "review.declare"],
  },
  {
    key: "review-declarations",
    labelZh: "待作利益冲突声明",
    labelEn: "Conflict-of-interest declarations to make",
    source: "assignments",
    query: fixed({ status: "accepted", open: "true" }),
    requires: ["review.read", "review.declare"],
  },
  {
    key: "review-to-score",
    labelZh: "待评分",
    labelEn: "To score",
    source: "assignments",
    query: fixed({ status: "declared", open: "true" }),
    requires: ["review.read", "review.score"],
  },
  // The entrusted third-party evaluator (Art. 16.3, 22).
  {
    key: "evaluator-to-score",
    labelZh: "待评估打分的年度报告",
    labelEn: "Annual reports to score",
    source: "evaluator-tasks",
    query: fixed({ pending: "true" }),
    requires: ["evaluation.score"],
  },
  // 三员.
  {
    key: "grants-pending",
    labelZh: "待审批的角色授权",
    labelEn: "Role grants to approve",
    source: "role-grants",
    query: fixed({ status: "pending" }),
    requires: ["role-grant.approve"],
  },
  {
    key: "accounts-locked",
    labelZh: "锁定中的账号",
    labelEn: "Locked accounts",
    source: "accounts",
    query: fixed({ locked: "true" }),
    requires: ["account.read", "account.unlock"],
  },
  {
    key: "audit-refused",
    labelZh: "近 7 日被拒绝的操作",
    labelEn: "Refused actions, last 7 days",
    source: "audit",
    query: ({ since }) => ({ outcome: "refused", from: since }),
    requires: ["audit.read"],
  },
];

/** Whether the caller's roles reach a to-do (every ability held; the scope as the definition asks). */
export function todoApplies(definition: TodoDefinition, roles: readonly Role[]): boolean {
  const held = definition.requires.map((ability) => scopeOf(roles, ability));
  if (held.some((scope) => scope === null)) return false;
  return !definition.scopes || definition.scopes.includes(held[0]!);
}
