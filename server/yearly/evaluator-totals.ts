import { and, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../db/client";
import { evaluatorScores } from "../db/schema";

/**
 * The evaluator's submitted totals of a round's reports, in points (Art. 22): report id → total. For a "third-party"
 * round these are the reports' scores for grading; a draft or an unscored report is absent (not 0).
 */
export async function evaluatorTotals(executor: Executor, roundId: string): Promise<Map<string, number>> {
  const rows = await executor
    .select({ reportId: evaluatorScores.reportId, totalCenti: evaluatorScores.totalCenti })
    .from(evaluatorScores)
    .where(
      and(
        eq(evaluatorScores.roundId, roundId),
        isNotNull(evaluatorScores.submittedAt),
        isNotNull(evaluatorScores.totalCenti),
      ),
    );
  return new Map(rows.flatMap((row) => (row.totalCenti === null ? [] : [[row.reportId, row.totalCenti / 100]])));
}
