import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  annualReportDetail,
  annualReportSummary,
  evaluationRoundSchema,
  reportListQuery,
} from "../../contracts/annual-report";
import { planProgress } from "../../policy/annual-report/completeness";
import { availableReportEvents } from "../../policy/lifecycles/annual-report.decide";
import type { Caller } from "../access/caller";
import { authorize, type ResolvedScope, recommenderRows, resolveScope, unitRows } from "../access/scope";
import { filedChangesOfYear } from "../changes/filed-changes";
import type { Executor } from "../db/client";
import { annualReportEvents, annualReports, bases, evaluationRounds, units, workPlans } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { entrustedReportRows, entrustedRoundRows } from "./evaluator-tasks.repository";
import { presentEvidenceFiles } from "./evidence-files.repository";
import { type LoadedReport, reportActor, reportEditable, reportFacts } from "./report-facts";

/**
 * Reports the scope reaches: a unit its own, a recommender those of the bases it recommends (and below), all; the
 * third-party evaluator (`assigned`) those of the rounds entrusted to it, once under evaluation (Art. 16.3).
 */
export function reportRows(scope: ResolvedScope): SQL {
  if (scope.scope === "assigned") return entrustedReportRows(scope.caller);
  return scope.scope === "jurisdiction"
    ? recommenderRows(scope, annualReports.recommenderId)
    : unitRows(scope, annualReports.unitId);
}

type Summary = z.infer<typeof annualReportSummary>;

function summaryOf(row: {
  report: typeof annualReports.$inferSelect;
  round: typeof evaluationRounds.$inferSelect;
  baseName: string;
  unitName: string;
}): Summary {
  return {
    id: row.report.id,
    roundId: row.report.roundId,
    year: row.report.year,
    baseId: row.report.baseId,
    baseName: row.baseName,
    unitName: row.unitName,
    state: row.report.state,
    reportDeadline: row.round.reportDeadline,
    submittedAt: row.report.submittedAt?.toISOString() ?? null,
    updatedAt: row.report.updatedAt.toISOString(),
  };
}

export async function listReports(
  executor: Executor,
  caller: Caller,
  query: z.infer<typeof reportListQuery>,
): Promise<Summary[]> {
  const scope = await authorize(executor, caller, "annual-report.read");
  const rows = await executor
    .select({
      report: annualReports,
      round: evaluationRounds,
      baseName: bases.standardName,
      unitName: units.name,
    })
    .from(annualReports)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
    .innerJoin(bases, eq(bases.id, annualReports.baseId))
    .innerJoin(units, eq(units.id, annualReports.unitId))
    .where(
      and(
        reportRows(scope),
        query.year === undefined ? undefined : eq(annualReports.year, query.year),
        query.state === undefined ? undefined : eq(annualReports.state, query.state),
        query.baseId === undefined ? undefined : eq(annualReports.baseId, query.baseId),
      ),
    )
    .orderBy(desc(annualReports.year), asc(bases.standardName));
  return rows.map(summaryOf);
}

/** One report as its reader sees it: content, plan comparison, what is missing, and what the reader may do. */
export async function presentReport(
  executor: Executor,
  caller: Caller,
  loaded: LoadedReport,
  now: Date,
): Promise<z.infer<typeof annualReportDetail>> {
  const { report } = loaded;
  const actor = await reportActor(executor, caller, report);
  const facts = reportFacts(loaded, now);
  const [plan] = await executor
    .select()
    .from(workPlans)
    .where(and(eq(workPlans.baseId, report.baseId), eq(workPlans.year, report.year)));
  const planContent = plan ? parseStored("work_plans.content", plan.content, plan.id) : null;
  const events = await executor
    .select()
    .from(annualReportEvents)
    .where(eq(annualReportEvents.reportId, report.id))
    .orderBy(asc(annualReportEvents.at));
  return {
    ...summaryOf(loaded),
    content: report.content,
    plan: planContent,
    missing: [...facts.missing],
    progress: planProgress(planContent, report.content, report.year),
    version: report.version,
    editable: reportEditable(report, actor, now),
    correctionRequest: report.correctionRequest,
    correctionDueOn: report.correctionDueOn,
    abilities: [...actor.abilities],
    availableEvents: availableReportEvents(facts, actor),
    events: events.map((event) => ({
      event: event.event,
      from: event.fromState,
      to: event.toState,
      reason: event.reason,
      actorName: event.actorName,
      at: event.at.toISOString(),
    })),
    files: await presentEvidenceFiles(executor, "annual-report", report.id),
    filedChanges: await filedChangesOfYear(executor, report.baseId, report.year),
  };
}

/** The year's rounds, each with the number of reports in each state the caller can see. */
export async function listRounds(executor: Executor, caller: Caller): Promise<z.infer<typeof evaluationRoundSchema>[]> {
  const roundScope = await authorize(executor, caller, "evaluation.read");
  const reportScope = await resolveScope(executor, caller, "annual-report.read");
  const rounds = await executor
    .select()
    .from(evaluationRounds)
    // Art. 16.3: the third-party evaluator (`assigned`) sees the rounds entrusted to it, no other.
    .where(roundScope.scope === "assigned" ? entrustedRoundRows(caller) : undefined)
    .orderBy(desc(evaluationRounds.year));
  const counts = reportScope
    ? await executor
        .select({ roundId: annualReports.roundId, state: annualReports.state, n: sql<number>`count(*)::int` })
        .from(annualReports)
        .where(reportRows(reportScope))
        .groupBy(annualReports.roundId, annualReports.state)
    : [];
  return rounds.map((round) => ({
    id: round.id,
    year: round.year,
    title: round.title,
    reportDeadline: round.reportDeadline,
    evaluator: round.evaluator,
    status: round.status,
    edition: round.edition,
    counts: Object.fromEntries(
      counts.filter((count) => count.roundId === round.id).map((count) => [count.state, Number(count.n)]),
    ),
    createdAt: round.createdAt.toISOString(),
  }));
}
