import { and, eq, ne } from "drizzle-orm";
import type { Ranking } from "../../contracts/review";
import { rankTargets } from "../../policy/review/aggregation";
import type { Executor } from "../db/client";
import { reviewRounds } from "../db/schema";
import { parseRoundRow } from "../db/stored-json";
import { targetLabels } from "./reviews.repository";
import { aggregateRound, submittedReviews } from "./round-aggregation";

/** The ranking of one call (or evaluation year): every round of the batch by its aggregated score. */
export async function buildRanking(executor: Executor, groupId: string): Promise<Ranking | null> {
  const rounds = (
    await executor
      .select()
      .from(reviewRounds)
      .where(and(eq(reviewRounds.groupId, groupId), ne(reviewRounds.status, "cancelled")))
  ).map((round) => parseRoundRow(round));
  if (rounds.length === 0) return null;
  // Set-based: the batch's labels and submitted reviews in a few reads, however many rounds it holds.
  const labels = await targetLabels(executor, rounds);
  const submitted = await submittedReviews(
    executor,
    rounds.map((round) => round.id),
  );
  const rows = [];
  for (const round of rounds) {
    const label = labels.get(round.targetId)!;
    const aggregation = aggregateRound(round, submitted.get(round.id) ?? []);
    rows.push({
      roundId: round.id,
      targetId: round.targetId,
      targetTitle: label.title,
      unitName: label.unitName,
      status: round.status,
      experts: aggregation.submitted,
      score: aggregation.score,
      method: aggregation.method,
      flagged: aggregation.experts.filter((e) => e.flagged).length,
    });
  }
  return { groupId, groupTitle: rounds[0]!.groupTitle ?? groupId, rows: rankTargets(rows) };
}
