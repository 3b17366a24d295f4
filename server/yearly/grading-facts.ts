import { and, asc, eq } from "drizzle-orm";
import { defaultEvaluationRubric } from "../../policy/annual-report/evaluation-rubric";
import type { CohortReport } from "../../policy/annual-report/grading";
import type { GradeCutoffs } from "../../policy/grading/grade";
import { type BaseState, baseStates } from "../../policy/lifecycles/base.transitions";
import { defaultSettings } from "../../policy/settings";
import type { Executor } from "../db/client";
import { annualReports, bases, evaluationRounds, onsiteChecks, units } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { evaluatorTotals } from "./evaluator-totals";
import { reviewMeans } from "./report-scores";

export type RoundRow = typeof evaluationRounds.$inferSelect;

/** One cohort line: the grading rules' facts and what the officer's view shows besides. */
export interface CohortLine extends CohortReport {
  unitId: string;
  unitName: string;
}

export interface Cohort {
  round: RoundRow;
  cutoffs: GradeCutoffs;
  lines: CohortLine[];
  checks: (typeof onsiteChecks.$inferSelect)[];
}

const isBaseState = (value: string): value is BaseState => (baseStates as readonly string[]).includes(value);

export function roundCutoffs(round: RoundRow): GradeCutoffs {
  return (
    parseStored("evaluation_rounds.cutoffs", round.cutoffs, round.id) ?? {
      excellentShare: defaultSettings.excellentShare,
      excellentMinimumScore: defaultSettings.excellentMinimumScore,
      unqualifiedBelow: defaultSettings.unqualifiedBelow,
      excellentAtLeastOneSlot: defaultSettings.excellentAtLeastOneSlot,
    }
  );
}

export function roundRubric(round: RoundRow) {
  return parseStored("evaluation_rounds.rubric", round.rubric, round.id) ?? defaultEvaluationRubric(round.year);
}

/**
 * Everything the year's grading decides on, read once: the round (locked when `lock`), each report with its base's
 * state, its score (the expert panel's mean, or the entrusted evaluator's total) and whether an on-site check found fraud.
 */
export async function loadCohort(executor: Executor, roundId: string, lock = false): Promise<Cohort | null> {
  const query = executor.select().from(evaluationRounds).where(eq(evaluationRounds.id, roundId));
  const [round] = lock ? await query.for("update") : await query;
  if (!round) return null;
  const rows = await executor
    .select({
      reportId: annualReports.id,
      baseId: annualReports.baseId,
      baseName: bases.standardName,
      baseState: bases.status,
      state: annualReports.state,
      unitId: annualReports.unitId,
      unitName: units.name,
    })
    .from(annualReports)
    .innerJoin(bases, eq(bases.id, annualReports.baseId))
    .innerJoin(units, eq(units.id, annualReports.unitId))
    .where(eq(annualReports.roundId, roundId))
    .orderBy(asc(bases.standardName));
  const checks = await executor
    .select()
    .from(onsiteChecks)
    .innerJoin(annualReports, eq(annualReports.id, onsiteChecks.reportId))
    .where(and(eq(annualReports.roundId, roundId)))
    .orderBy(asc(onsiteChecks.at));
  // Art. 16.3, 22: a third-party round's scores are its entrusted evaluator's submitted totals, not a panel's mean.
  const means =
    round.evaluator === "third-party" ? await evaluatorTotals(executor, roundId) : await reviewMeans(executor, roundId);
  const fraud = new Set(
    checks.filter((check) => check.onsite_checks.fraudFound).map((check) => check.onsite_checks.reportId),
  );
  const lines = rows.map((row): CohortLine => {
    if (!isBaseState(row.baseState)) throw new Error(`base ${row.baseId} has unknown status ${row.baseState}`);
    return {
      ...row,
      baseState: row.baseState,
      score: means.get(row.reportId) ?? null,
      fraudFound: fraud.has(row.reportId),
    };
  });
  return { round, cutoffs: roundCutoffs(round), lines, checks: checks.map((check) => check.onsite_checks) };
}
