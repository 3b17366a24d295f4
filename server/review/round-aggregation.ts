import { and, eq, inArray } from "drizzle-orm";
import { aggregateScores } from "../../policy/review/aggregation";
import type { Executor } from "../db/client";
import { experts, people, reviewAssignments, type reviewRounds } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { aggregationSettingsOf, panelSizeOf } from "./review-settings";

type RoundRow = typeof reviewRounds.$inferSelect;

/**
 * The panel's aggregation (policy/review/aggregation.ts) over the submitted reviews of one round, read with its
 * rubric and settings parsed (loadRound and the commands' locked reads parse them).
 */
export async function roundAggregation(executor: Executor, round: RoundRow) {
  return aggregateRound(round, (await submittedReviews(executor, [round.id])).get(round.id) ?? []);
}

type SubmittedReview = { assignment: typeof reviewAssignments.$inferSelect; name: string };

/** The submitted reviews of many rounds in one read per 5,000 rounds (the ranking reads a whole batch). */
export async function submittedReviews(
  executor: Executor,
  roundIds: readonly string[],
): Promise<Map<string, SubmittedReview[]>> {
  const byRound = new Map<string, SubmittedReview[]>();
  for (let at = 0; at < roundIds.length; at += 5_000) {
    const rows = await executor
      .select({ assignment: reviewAssignments, name: people.name })
      .from(reviewAssignments)
      .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
      .innerJoin(people, eq(people.id, experts.personId))
      .where(
        and(
          inArray(reviewAssignments.roundId, roundIds.slice(at, at + 5_000)),
          eq(reviewAssignments.status, "submitted"),
        ),
      )
      .orderBy(reviewAssignments.createdAt, reviewAssignments.id);
    for (const row of rows) {
      const list = byRound.get(row.assignment.roundId) ?? [];
      list.push(row);
      byRound.set(row.assignment.roundId, list);
    }
  }
  return byRound;
}

/** The aggregation of one round from its submitted reviews (in submission order). */
export function aggregateRound(round: RoundRow, submitted: SubmittedReview[]) {
  const settings = round.settings;
  const aggregation = aggregationSettingsOf(settings);
  const base = {
    roundId: round.id,
    submitted: submitted.length,
    panelSize: panelSizeOf(settings),
    deviationThreshold: aggregation.deviationThreshold,
  };
  const result = aggregateScores(
    round.rubric,
    submitted.map(({ assignment }) => ({
      id: assignment.id,
      scores: parseStored("review_assignments.scores", assignment.scores, assignment.id) ?? {},
    })),
    aggregation,
  );
  if (!result.ok) return { ...base, method: null, score: null, mean: null, experts: [], indicators: [] };
  const byId = new Map(submitted.map((row) => [row.assignment.id, row]));
  return {
    ...base,
    method: result.value.method,
    score: result.value.score,
    mean: result.value.mean,
    experts: result.value.experts.map((expert) => ({
      assignmentId: expert.id,
      expertName: byId.get(expert.id)?.name ?? "",
      total: expert.total,
      deviation: expert.deviation,
      flagged: expert.flagged,
      dropped: expert.dropped,
      recommendation: byId.get(expert.id)?.assignment.recommendation ?? null,
    })),
    indicators: result.value.indicators.map(({ id, labelZh, mean, lowest, highest, spread }) => ({
      id,
      labelZh,
      mean,
      lowest,
      highest,
      spread,
    })),
  };
}
