import { and, desc, eq, ne } from "drizzle-orm";
import type { Executor } from "../db/client";
import { reviewRounds } from "../db/schema";
import { parseRoundRow } from "../db/stored-json";
import { roundAggregation } from "../review/round-aggregation";

export interface ReviewResult {
  roundId: string | null;
  roundStatus: string | null;
  /** Experts who submitted their scores. */
  submitted: number;
  /** The panel's score with the round's aggregation (policy/review/aggregation.ts), null before any score. */
  mean: number | null;
  panelOpinion: string | null;
  /** The round is completed: every member scored and the panel opinion is written (ADR 0003). */
  complete: boolean;
}

/**
 * An application's expert-review result, read through the expert-review side (server/review/): the latest
 * round that was not cancelled and its aggregation.
 */
export async function reviewResultOf(executor: Executor, applicationId: string): Promise<ReviewResult> {
  const [round] = await executor
    .select()
    .from(reviewRounds)
    .where(
      and(
        eq(reviewRounds.targetKind, "application"),
        eq(reviewRounds.targetId, applicationId),
        ne(reviewRounds.status, "cancelled"),
      ),
    )
    .orderBy(desc(reviewRounds.createdAt))
    .limit(1);
  if (!round)
    return { roundId: null, roundStatus: null, submitted: 0, mean: null, panelOpinion: null, complete: false };
  const aggregation = await roundAggregation(executor, parseRoundRow(round));
  return {
    roundId: round.id,
    roundStatus: round.status,
    submitted: aggregation.submitted,
    mean: aggregation.score,
    panelOpinion: round.panelOpinion,
    complete: round.status === "completed" && Boolean(round.panelOpinion?.trim()),
  };
}
