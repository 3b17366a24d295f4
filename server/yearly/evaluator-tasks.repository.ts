import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type {
  EntrustmentView,
  EvaluatorTaskQuery,
  EvaluatorTaskView,
  evaluatorOption,
  evaluatorTaskSummary,
} from "../../contracts/evaluator";
import {
  availableScoreActions,
  type EvaluatorScoreFacts,
  mayEntrust,
  onsiteCheckStates,
} from "../../policy/annual-report/evaluator";
import type { EvaluationState } from "../../policy/lifecycles/evaluation.transitions";
import type { Caller } from "../access/caller";
import { authorize, resolveScope } from "../access/scope";
import type { Executor } from "../db/client";
import {
  accounts,
  annualReports,
  bases,
  evaluationEntrustments,
  evaluationRounds,
  evaluatorScores,
  roleGrants,
  units,
} from "../db/schema";
import { parseStored } from "../db/stored-json";
import { refused } from "../domain/refused";
import { roundRubric } from "./grading-facts";

/** The report states an entrusted evaluator reads (Art. 22): from the start of the evaluation on, never a draft. */
export const evaluatorReportStates: readonly EvaluationState[] = ["under-evaluation", "correction-window", "graded"];

/** Rounds entrusted to the caller's account. */
const entrustedRounds = (accountId: string) =>
  sql`(select ${evaluationEntrustments.roundId} from ${evaluationEntrustments} where ${evaluationEntrustments.evaluatorAccountId} = ${accountId})`;

/** The `assigned` row scope of evaluation rounds: those entrusted to the caller (Art. 16.3). */
export function entrustedRoundRows(caller: Caller): SQL {
  return inArray(evaluationRounds.id, entrustedRounds(caller.accountId));
}

/**
 * The `assigned` row scope of annual reports for the third-party evaluator (Art. 16.3): the reports of the rounds
 * entrusted to it, once under evaluation. Every other report — another round's, an un-entrusted round's — is absent.
 */
export function entrustedReportRows(caller: Caller): SQL {
  return and(
    inArray(annualReports.roundId, entrustedRounds(caller.accountId)),
    inArray(annualReports.state, [...evaluatorReportStates]),
  ) as SQL;
}

/** Whether the caller is the entrusted evaluator of this report's round and may read the report now. */
export async function readsAsEvaluator(
  executor: Executor,
  caller: Caller,
  report: { roundId: string; state: string },
): Promise<boolean> {
  if (!(evaluatorReportStates as readonly string[]).includes(report.state)) return false;
  const [row] = await executor
    .select({ id: evaluationEntrustments.id })
    .from(evaluationEntrustments)
    .where(
      and(
        eq(evaluationEntrustments.roundId, report.roundId),
        eq(evaluationEntrustments.evaluatorAccountId, caller.accountId),
      ),
    );
  return row !== undefined;
}

const entruster = alias(accounts, "entruster");

/** The round's entrustment with the evaluator's and the officer's names, or null. */
export async function loadEntrustment(executor: Executor, roundId: string) {
  const [row] = await executor
    .select({
      entrustment: evaluationEntrustments,
      evaluatorName: accounts.displayName,
      entrustedByName: entruster.displayName,
    })
    .from(evaluationEntrustments)
    .innerJoin(accounts, eq(accounts.id, evaluationEntrustments.evaluatorAccountId))
    .leftJoin(entruster, eq(entruster.id, evaluationEntrustments.entrustedBy))
    .where(eq(evaluationEntrustments.roundId, roundId));
  return row ?? null;
}

/** Accounts the officer may entrust (Art. 16.3): an approved evaluator role, not disabled. */
export async function evaluatorOptions(executor: Executor): Promise<z.infer<typeof evaluatorOption>[]> {
  return executor
    .selectDistinct({ accountId: accounts.id, displayName: accounts.displayName, username: accounts.username })
    .from(accounts)
    .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.status, "approved")))
    .where(and(eq(roleGrants.role, "evaluator"), eq(accounts.disabled, false)))
    .orderBy(asc(accounts.displayName), asc(accounts.username));
}

/** How many scores of the round are submitted (re-entrusting is closed once one is). */
export async function submittedScoreCount(executor: Executor, roundId: string): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(evaluatorScores)
    .where(and(eq(evaluatorScores.roundId, roundId), isNotNull(evaluatorScores.submittedAt)));
  return Number(row?.n ?? 0);
}

/** GET /api/evaluation-rounds/:id/entrustment: the officer's view; the evaluator sees its own entrustment only. */
export async function entrustmentView(executor: Executor, caller: Caller, roundId: string): Promise<EntrustmentView> {
  const scope = await authorize(executor, caller, "evaluation.read");
  const [round] = await executor.select().from(evaluationRounds).where(eq(evaluationRounds.id, roundId));
  const loaded = round ? await loadEntrustment(executor, roundId) : null;
  const ownsIt = loaded?.entrustment.evaluatorAccountId === caller.accountId;
  if (!round || (scope.scope === "assigned" && !ownsIt)) throw refused.notFound("Evaluation round", "年度考核");
  const manages = (await resolveScope(executor, caller, "evaluation.manage"))?.scope === "all";
  const allowed = mayEntrust({
    round: { evaluator: round.evaluator, open: round.status === "open", graded: round.gradedAt !== null },
    submittedScores: manages && round.evaluator === "third-party" ? await submittedScoreCount(executor, roundId) : 0,
    managesEvaluations: manages,
  });
  return {
    roundId,
    evaluator: round.evaluator,
    entrustment: loaded
      ? {
          roundId,
          evaluatorAccountId: loaded.entrustment.evaluatorAccountId,
          evaluatorName: loaded.evaluatorName,
          entrustedAt: loaded.entrustment.entrustedAt.toISOString(),
          entrustedByName: loaded.entrustedByName,
        }
      : null,
    evaluators: manages ? await evaluatorOptions(executor) : [],
    availableActions: allowed.ok ? ["entrust"] : [],
  };
}

type ScoreRow = typeof evaluatorScores.$inferSelect;

/** A score row with its scores parsed once. */
export function parsedScore(row: ScoreRow): ScoreRow {
  return { ...row, scores: parseStored("evaluator_scores.scores", row.scores, row.id) };
}

/** The evaluator's facts on one report: the policy's input, from the loaded rows. */
export function scoreFacts(
  report: { state: EvaluationState },
  round: { gradedAt: Date | null },
  entrusted: boolean,
  score: ScoreRow | null,
): EvaluatorScoreFacts {
  return {
    isEntrustedEvaluator: entrusted,
    reportState: report.state,
    roundGraded: round.gradedAt !== null,
    submitted: score?.submittedAt != null,
    version: score?.version ?? 0,
  };
}

const taskColumns = {
  report: annualReports,
  round: evaluationRounds,
  baseName: bases.standardName,
  unitName: units.name,
  score: evaluatorScores,
};

type TaskRow = {
  report: typeof annualReports.$inferSelect;
  round: typeof evaluationRounds.$inferSelect;
  baseName: string;
  unitName: string;
  score: ScoreRow | null;
};

function summaryOf(row: TaskRow): z.infer<typeof evaluatorTaskSummary> {
  const submitted = row.score?.submittedAt != null;
  return {
    reportId: row.report.id,
    roundId: row.round.id,
    year: row.report.year,
    baseName: row.baseName,
    unitName: row.unitName,
    reportState: row.report.state,
    scoreState: row.score === null ? "not-started" : submitted ? "submitted" : "draft",
    total: submitted && row.score?.totalCenti != null ? row.score.totalCenti / 100 : null,
  };
}

function tasksOf(executor: Executor, caller: Caller, where?: SQL) {
  return executor
    .select(taskColumns)
    .from(annualReports)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
    .innerJoin(bases, eq(bases.id, annualReports.baseId))
    .innerJoin(units, eq(units.id, annualReports.unitId))
    .leftJoin(evaluatorScores, eq(evaluatorScores.reportId, annualReports.id))
    .where(and(entrustedReportRows(caller), where))
    .orderBy(desc(annualReports.year), asc(bases.standardName));
}

/** GET /api/evaluator/tasks: the reports of the rounds entrusted to the caller, under evaluation or past it. */
export async function listEvaluatorTasks(executor: Executor, caller: Caller, query: EvaluatorTaskQuery = {}) {
  await authorize(executor, caller, "evaluation.score");
  const pending =
    query.pending === "true" ? and(isNull(evaluatorScores.submittedAt), isNull(evaluationRounds.gradedAt)) : undefined;
  const rows = await tasksOf(executor, caller, pending);
  return { items: rows.map(summaryOf) };
}

/** GET /api/evaluator/tasks/:reportId: the rubric, the scores so far and what the evaluator may do (else 404). */
export async function evaluatorTaskView(
  executor: Executor,
  caller: Caller,
  reportId: string,
): Promise<EvaluatorTaskView> {
  await authorize(executor, caller, "evaluation.score");
  const [row] = await tasksOf(executor, caller, eq(annualReports.id, reportId));
  if (!row) throw refused.notFound("Annual report", "年度工作报告");
  return presentTask(row);
}

/** One task as the evaluator sees it, from the rows just read or written. */
export function presentTask(row: TaskRow): EvaluatorTaskView {
  const score = row.score ? parsedScore(row.score) : null;
  return {
    ...summaryOf(row),
    rubric: roundRubric(row.round),
    scores: score?.scores ?? {},
    opinion: score?.opinion ?? "",
    submittedAt: score?.submittedAt?.toISOString() ?? null,
    version: score?.version ?? 0,
    availableActions: [
      ...availableScoreActions(scoreFacts(row.report, row.round, true, score)),
      ...(row.round.gradedAt === null && onsiteCheckStates.has(row.report.state)
        ? (["record-onsite-check"] as const)
        : []),
    ],
  };
}
