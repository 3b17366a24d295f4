import { inArray } from "drizzle-orm";
import type { DeadlineItem, DeadlineListQuery, DeadlineListResponse } from "../../contracts/deadlines";
import {
  computeDeadlines,
  deadlineKinds,
  filterDeadlines,
  type DeadlineItem as PolicyItem,
} from "../../policy/deadlines/deadlines";
import type { Caller } from "../access/caller";
import { authorize } from "../access/scope";
import { chinaDate } from "../clock";
import type { Executor } from "../db/client";
import { units } from "../db/schema";
import { loadDeadlineFacts } from "./deadline-facts";

/** Where each kind is acted on in the web app. */
function linkOf(item: PolicyItem): string | null {
  switch (item.kind) {
    case "report-due":
      return `/annual-reports/${item.subjectId}`;
    case "rectification-end":
      return `/rectifications/${item.subjectId}`;
    case "call-closing":
      return "/applications";
    case "rules-expiry":
      return null;
    default:
      return item.baseId ? `/bases/${item.baseId}` : null;
  }
}

/**
 * GET /api/deadlines (SPEC §6): the deadlines in the caller's scope (deadline.read: officer all, recommender its
 * jurisdiction, unit its own), decided by policy/deadlines, filtered, sorted by due date and paged.
 */
export async function listDeadlines(
  executor: Executor,
  caller: Caller,
  query: DeadlineListQuery,
  now: Date,
): Promise<DeadlineListResponse> {
  const scope = await authorize(executor, caller, "deadline.read");
  const today = chinaDate(now);
  const facts = await loadDeadlineFacts(executor, { scope }, today);
  const all = filterDeadlines(computeDeadlines(facts, { horizonDays: query.horizon }), {
    kind: query.kind,
    overdue: query.overdue,
  });
  const page = all.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const baseNames = new Map(facts.bases.map((base) => [base.id, base.name]));
  for (const revocation of facts.revocations) {
    if (revocation.baseId && !baseNames.has(revocation.baseId)) baseNames.set(revocation.baseId, revocation.baseName);
  }
  const unitIds = [...new Set(page.flatMap((item) => (item.unitId ? [item.unitId] : [])))];
  const unitNames = new Map(
    unitIds.length === 0
      ? []
      : (await executor.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))).map(
          (unit) => [unit.id, unit.name],
        ),
  );
  const items: DeadlineItem[] = page.map((item) => {
    const kind = deadlineKinds.find((entry) => entry.code === item.kind)!;
    return {
      ...item,
      kindZh: kind.labelZh,
      kindEn: kind.labelEn,
      baseName: item.baseId ? (baseNames.get(item.baseId) ?? null) : null,
      unitName: item.unitId ? (unitNames.get(item.unitId) ?? null) : null,
      link: linkOf(item),
    };
  });
  return {
    items,
    total: all.length,
    overdue: all.filter((item) => item.overdue).length,
    today,
    horizonDays: query.horizon,
  };
}
