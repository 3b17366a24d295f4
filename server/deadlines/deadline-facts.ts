import { type AnyColumn, and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { IsoDate } from "../../policy/calendar/dates";
import {
  type DeadlineFacts,
  liveBaseStates,
  pendingChangeStates,
  pendingReportStates,
} from "../../policy/deadlines/deadlines";
import { pendingRectificationStates } from "../../policy/lifecycles/rectification.transitions";
import { editions } from "../../policy/measures/editions";
import { type ResolvedScope, unitRows } from "../access/scope";
import { chinaDate } from "../clock";
import type { Executor } from "../db/client";
import {
  annualReports,
  bases,
  calls,
  changeReports,
  evaluationRounds,
  rectificationCases,
  revocations,
} from "../db/schema";
import { loadBaseAgreements } from "./agreements";

/** Which rows to load: the caller's scope (null: every row, for the reminder job), optionally one base. */
export interface FactsFilter {
  scope: ResolvedScope | null;
  baseId?: string;
}

const within = (filter: FactsFilter, unitColumn: AnyColumn): SQL =>
  filter.scope ? unitRows(filter.scope, unitColumn) : sql`true`;

/**
 * The facts policy/deadlines needs, read once in the caller's scope (officer all, recommender its jurisdiction,
 * unit its own): live bases with their agreements, pending change reports, open rectifications, revocations, the
 * open rounds' pending reports, open calls, and — for the department only — the editions of the measures.
 */
export async function loadDeadlineFacts(
  executor: Executor,
  filter: FactsFilter,
  today: IsoDate,
): Promise<DeadlineFacts & { baseRows: Array<{ id: string; unitId: string; recommenderId: string | null }> }> {
  const baseOnly = (column: AnyColumn) => (filter.baseId === undefined ? undefined : eq(column, filter.baseId));
  const baseRows = await executor
    .select({
      id: bases.id,
      name: bases.standardName,
      unitId: bases.unitId,
      recommenderId: bases.recommenderId,
      status: bases.status,
      applicationId: bases.applicationId,
    })
    .from(bases)
    .where(and(within(filter, bases.unitId), inArray(bases.status, [...liveBaseStates]), baseOnly(bases.id)));
  const agreements = await loadBaseAgreements(executor, baseRows);
  const changes = await executor
    .select({
      id: changeReports.id,
      baseId: changeReports.baseId,
      kind: changeReports.kind,
      changedOn: changeReports.changedOn,
      dueOn: changeReports.dueOn,
      state: changeReports.state,
      filedOn: changeReports.filedOn,
    })
    .from(changeReports)
    .where(
      and(
        within(filter, changeReports.unitId),
        inArray(changeReports.state, [...pendingChangeStates]),
        baseOnly(changeReports.baseId),
      ),
    );
  const rectifications = await executor
    .select({
      id: rectificationCases.id,
      baseId: rectificationCases.baseId,
      year: rectificationCases.year,
      rectificationEnd: rectificationCases.dueOn,
      state: rectificationCases.state,
    })
    .from(rectificationCases)
    .where(
      and(
        within(filter, rectificationCases.unitId),
        inArray(rectificationCases.state, [...pendingRectificationStates]),
        baseOnly(rectificationCases.baseId),
      ),
    );
  const revoked = await executor
    .select({
      id: revocations.id,
      unitId: revocations.unitId,
      baseId: revocations.baseId,
      baseName: revocations.baseName,
      revokedOn: revocations.revokedOn,
    })
    .from(revocations)
    .where(and(within(filter, revocations.unitId), baseOnly(revocations.baseId)));
  const reports = await executor
    .select({
      id: annualReports.id,
      baseId: annualReports.baseId,
      year: annualReports.year,
      dueOn: evaluationRounds.reportDeadline,
      state: annualReports.state,
    })
    .from(annualReports)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
    .where(
      and(
        within(filter, annualReports.unitId),
        eq(evaluationRounds.status, "open"),
        inArray(annualReports.state, [...pendingReportStates] as Array<(typeof annualReports.$inferSelect)["state"]>),
        baseOnly(annualReports.baseId),
      ),
    );
  const openCalls =
    filter.baseId !== undefined
      ? []
      : await executor
          .select({ id: calls.id, titleZh: calls.titleZh, titleEn: calls.titleEn, closesAt: calls.closesAt })
          .from(calls)
          .where(eq(calls.status, "open"));
  // Art. 31: the measures' own lapse is the department's to act on.
  const department = filter.baseId === undefined && (filter.scope === null || filter.scope.scope === "all");
  return {
    today,
    baseRows,
    bases: baseRows.map((base) => ({ ...base, agreements: agreements.get(base.id) ?? null })),
    changeReports: changes,
    rectifications,
    revocations: revoked,
    reports,
    calls: openCalls.map((call) => ({ ...call, closesOn: chinaDate(call.closesAt) })),
    editions: department
      ? editions.map((edition) => ({
          id: edition.id,
          titleZh: edition.titleZh,
          documentNumber: edition.documentNumber,
          validUntil: edition.validUntil,
        }))
      : [],
  };
}
