import { and, eq } from "drizzle-orm";
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
  const settings = round.settings;
  const aggregation = aggregationSettingsOf(settings);
  const submitted = await executor
    .select({ assignment: reviewAssignments, name: people.name })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .innerJoin(people, eq(people.id, experts.personId))
    .where(and(eq(reviewAssignments.roundId, round.id), eq(reviewAssignments.status, "submitted")))
    .orderBy(reviewAssignments.createdAt, reviewAssignments.id);
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
