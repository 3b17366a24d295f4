import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/client";
import { annualReports, reviewRounds } from "../db/schema";
import { parseRoundRow } from "../db/stored-json";
import { roundAggregation } from "../review/round-aggregation";

/**
 * The expert panel's score of each report of an evaluation round (Art. 22), for grading the cohort: report id →
 * the score of its completed expert review. The score is the round aggregation's (round-aggregation.ts: the mean,
 * or the trimmed mean once enough experts scored, as the review's settings say) — the same number the panel's
 * completion handed over and the ranking shows. When a report was reviewed more than once, its latest completed
 * review counts; a report without a completed review is absent from the map (not 0).
 */
export async function reviewMeans(executor: Executor, roundId: string): Promise<Map<string, number>> {
  const reports = await executor
    .select({ id: annualReports.id })
    .from(annualReports)
    .where(eq(annualReports.roundId, roundId));
  const means = new Map<string, number>();
  if (reports.length === 0) return means;
  const completed = await executor
    .select()
    .from(reviewRounds)
    .where(
      and(
        eq(reviewRounds.targetKind, "annual-report"),
        inArray(
          reviewRounds.targetId,
          reports.map((report) => report.id),
        ),
        eq(reviewRounds.status, "completed"),
      ),
    )
    .orderBy(desc(reviewRounds.panelOpinionAt), desc(reviewRounds.createdAt));
  for (const row of completed) {
    if (means.has(row.targetId)) continue; // an earlier review of the same report
    const aggregation = await roundAggregation(executor, parseRoundRow(row));
    if (aggregation.score !== null) means.set(row.targetId, aggregation.score);
  }
  return means;
}
