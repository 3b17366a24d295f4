import { accountListQuery, grantListQuery } from "../../contracts/accounts";
import { reportListQuery } from "../../contracts/annual-report";
import { auditQuery } from "../../contracts/audit";
import { changeReportListQuery } from "../../contracts/change-reports";
import { deadlineListQuery } from "../../contracts/deadlines";
import { noticeListQuery, objectionListQuery } from "../../contracts/decision";
import { evaluatorTaskQuery } from "../../contracts/evaluator";
import { unitListQuery } from "../../contracts/organisations";
import { applicationListQuery } from "../../contracts/recognition";
import { rectificationListQuery } from "../../contracts/rectification";
import { assignmentListQuery } from "../../contracts/review";
import { revocationListQuery } from "../../contracts/revocations";
import type { Caller } from "../access/caller";
import { authorize } from "../access/scope";
import { searchAudit } from "../audit/audit-log";
import { listChangeReports } from "../changes/change-reports.repository";
import { listAccounts, listRoleGrants } from "../db/accounts.repository";
import type { Executor } from "../db/client";
import { listUnits } from "../db/units.repository";
import { listDeadlines } from "../deadlines/list-deadlines";
import { countNotices, countObjections } from "../decision/notices.repository";
import { listApplications } from "../recognition/applications.repository";
import { myAssignments } from "../review/reviews.repository";
import { listRevocations } from "../revocation/revocation.repository";
import { listEvaluatorTasks } from "../yearly/evaluator-tasks.repository";
import { listRectifications } from "../yearly/rectification.repository";
import { listReports } from "../yearly/reports.repository";

export type ListQuery = Record<string, string>;

/**
 * A list a 工作台 card counts: the web page that shows it, the API endpoint behind that page, and the count — the
 * list's own repository function called with the query parsed by the list's own contract, exactly as its route
 * does. So a card's number is the list's `total` (or its length, for lists without paging) by construction.
 */
export interface ListSource {
  page: string;
  api: string;
  count(executor: Executor, caller: Caller, query: ListQuery, now: Date): Promise<number>;
}

/** One page of one row is enough to read a paged list's total. */
const firstRow = { page: "1", pageSize: "1" };

export const listSources = {
  applications: {
    page: "/applications",
    api: "/api/applications",
    async count(executor, caller, query) {
      const { held, ...filter } = applicationListQuery.parse({ ...query, ...firstRow });
      const scope = await authorize(executor, caller, "application.read");
      const heldBy = held ? (caller.recommenderId ?? undefined) : undefined;
      return (await listApplications(executor, scope, { ...filter, heldBy })).total;
    },
  },
  // The 公示 and their objections, both handled on the decisions page's 公示 tab (server/decision/notices.repository.ts:
  // the count is the list's own where-clause; the list itself decrypts objectors' contacts, which a count never reads).
  objections: {
    page: "/decisions",
    api: "/api/decisions/objections",
    async count(executor, caller, query) {
      await authorize(executor, caller, "objection.read");
      return countObjections(executor, objectionListQuery.parse(query));
    },
  },
  notices: {
    page: "/decisions",
    api: "/api/decisions/notices",
    async count(executor, caller, query, now) {
      await authorize(executor, caller, "objection.read");
      return countNotices(executor, noticeListQuery.parse(query), now);
    },
  },
  units: {
    page: "/units",
    api: "/api/units",
    async count(executor, caller, query) {
      const scope = await authorize(executor, caller, "unit.read");
      return (await listUnits(executor, scope, unitListQuery.parse({ ...query, ...firstRow }))).total;
    },
  },
  "annual-reports": {
    page: "/annual-reports",
    api: "/api/annual-reports",
    count: async (executor, caller, query) =>
      (await listReports(executor, caller, reportListQuery.parse(query))).length,
  },
  "change-reports": {
    page: "/change-reports",
    api: "/api/change-reports",
    count: async (executor, caller, query, now) =>
      (await listChangeReports(executor, caller, changeReportListQuery.parse(query), now)).length,
  },
  rectifications: {
    page: "/rectifications",
    api: "/api/rectifications",
    count: async (executor, caller, query, now) =>
      (await listRectifications(executor, caller, rectificationListQuery.parse(query), now)).length,
  },
  revocations: {
    page: "/revocations",
    api: "/api/revocations",
    count: async (executor, caller, query) =>
      (await listRevocations(executor, caller, revocationListQuery.parse(query))).length,
  },
  deadlines: {
    page: "/deadlines",
    api: "/api/deadlines",
    count: async (executor, caller, query, now) =>
      (await listDeadlines(executor, caller, deadlineListQuery.parse({ ...query, ...firstRow }), now)).total,
  },
  assignments: {
    page: "/expert-portal",
    api: "/api/reviews/assignments",
    async count(executor, caller, query) {
      const scope = await authorize(executor, caller, "review.read");
      return (await myAssignments(executor, scope, undefined, assignmentListQuery.parse(query))).length;
    },
  },
  "evaluator-tasks": {
    page: "/evaluator-tasks",
    api: "/api/evaluator/tasks",
    count: async (executor, caller, query) =>
      (await listEvaluatorTasks(executor, caller, evaluatorTaskQuery.parse(query))).items.length,
  },
  "role-grants": {
    page: "/role-grants",
    api: "/api/role-grants",
    async count(executor, caller, query) {
      await authorize(executor, caller, "role-grant.approve");
      return (await listRoleGrants(executor, grantListQuery.parse({ ...query, ...firstRow }))).total;
    },
  },
  accounts: {
    page: "/accounts",
    api: "/api/accounts",
    async count(executor, caller, query, now) {
      const scope = await authorize(executor, caller, "account.read");
      return (await listAccounts(executor, scope, accountListQuery.parse({ ...query, ...firstRow }), now)).total;
    },
  },
  audit: {
    page: "/audit",
    api: "/api/audit",
    async count(executor, caller, query) {
      await authorize(executor, caller, "audit.read");
      return (await searchAudit(executor, auditQuery.parse({ ...query, ...firstRow }))).total;
    },
  },
} satisfies Record<string, ListSource>;

export type ListSourceKey = keyof typeof listSources;
