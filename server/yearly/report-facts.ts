import { eq } from "drizzle-orm";
import type { Ability } from "../../policy/access/abilities";
import { missingReportSections } from "../../policy/annual-report/completeness";
import {
  type ReportActor,
  type ReportFacts,
  type ReviewStage,
  reportOpenForEdits,
} from "../../policy/lifecycles/annual-report.decide";
import type { Caller } from "../access/caller";
import { abilitiesOn, covers, resolveScope } from "../access/scope";
import { chinaDate } from "../clock";
import type { Executor, Tx } from "../db/client";
import { annualReports, bases, evaluationRounds, units } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { readsAsEvaluator } from "./evaluator-tasks.repository";

export type ReportRow = typeof annualReports.$inferSelect;
export type RoundRow = typeof evaluationRounds.$inferSelect;

/** One report with what its facts and its presentation need: its round, base name and unit name. */
export interface LoadedReport {
  report: ReportRow;
  round: RoundRow;
  baseName: string;
  unitName: string;
}

const loadedColumns = {
  report: annualReports,
  round: evaluationRounds,
  baseName: bases.standardName,
  unitName: units.name,
};

function parsed(row: LoadedReport): LoadedReport {
  return {
    ...row,
    report: { ...row.report, content: parseStored("annual_reports.content", row.report.content, row.report.id) },
  };
}

/** The one read of a report before it changes: the row locked (FOR UPDATE OF annual_reports), its content parsed. */
export async function lockReport(tx: Tx, id: string): Promise<LoadedReport | null> {
  const [row] = await tx
    .select(loadedColumns)
    .from(annualReports)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
    .innerJoin(bases, eq(bases.id, annualReports.baseId))
    .innerJoin(units, eq(units.id, annualReports.unitId))
    .where(eq(annualReports.id, id))
    .for("update", { of: annualReports });
  return row ? parsed(row) : null;
}

/** The same read without a lock, for presenting a report. */
export async function readReport(executor: Executor, id: string): Promise<LoadedReport | null> {
  const [row] = await executor
    .select(loadedColumns)
    .from(annualReports)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
    .innerJoin(bases, eq(bases.id, annualReports.baseId))
    .innerJoin(units, eq(units.id, annualReports.unitId))
    .where(eq(annualReports.id, id));
  return row ? parsed(row) : null;
}

/** The facts of a report event, from the loaded row and the platform's clock. */
export function reportFacts(loaded: LoadedReport, now: Date): ReportFacts {
  return {
    state: loaded.report.state,
    version: loaded.report.version,
    today: chinaDate(now),
    round: { reportDeadline: loaded.round.reportDeadline, open: loaded.round.status === "open" },
    missing: missingReportSections(loaded.report.content),
    correctionDueOn: loaded.report.correctionDueOn,
  };
}

/**
 * The caller as the report's rules see it: whether its read scope covers the row, its annual-report and evaluation
 * abilities on the row, and the review stages it acts at (the unit's administrator, the base's recommender or one
 * above it, the department).
 */
export async function reportActor(executor: Executor, caller: Caller, row: ReportRow): Promise<ReportActor> {
  const owner = { unitId: row.unitId, recommenderId: row.recommenderId };
  const abilities: Ability[] = [
    ...(await abilitiesOn(executor, caller, "annual-report", owner)),
    ...(await abilitiesOn(executor, caller, "evaluation", owner)),
  ];
  // Art. 16.3: the third-party evaluator reads the reports of the rounds entrusted to it (its `assigned` scope).
  if (
    !abilities.includes("annual-report.read") &&
    (await resolveScope(executor, caller, "annual-report.read"))?.scope === "assigned" &&
    (await readsAsEvaluator(executor, caller, row))
  ) {
    abilities.push("annual-report.read");
  }
  const reviewsAs = new Set<ReviewStage>();
  if (caller.isUnitAdmin && caller.unitId === row.unitId && abilities.includes("annual-report.review")) {
    reviewsAs.add("unit-admin");
  }
  const asRecommender = await resolveScope(executor, caller, "annual-report.review");
  if (asRecommender?.scope === "jurisdiction" && covers(asRecommender, owner)) reviewsAs.add("recommender");
  if ((await resolveScope(executor, caller, "evaluation.manage"))?.scope === "all") reviewsAs.add("department");
  return { canRead: abilities.includes("annual-report.read"), abilities, reviewsAs };
}

/** The host unit edits its report in the draft, and in a 补正 window to its due date, with the submit ability. */
export function reportEditable(row: ReportRow, actor: ReportActor, now: Date): boolean {
  const open = reportOpenForEdits({ state: row.state, today: chinaDate(now), correctionDueOn: row.correctionDueOn });
  return open && actor.abilities.includes("annual-report.submit");
}
