import { and, eq } from "drizzle-orm";
import type { ReviewSettingsInput } from "../../contracts/review";
import type { Rubric, RubricScores } from "../../policy/grading/rubric";
import { aggregateScores } from "../../policy/review/aggregation";
import type { Executor } from "../db/client";
import { experts, people, reviewAssignments, type reviewRounds } from "../db/schema";
import { aggregationSettingsOf, panelSizeOf } from "./review-settings";

type RoundRow = typeof reviewRounds.$inferSelect;

/** The panel's aggregation (policy/review/aggregation.ts) over the submitted reviews of one round. */
export async function roundAggregation(executor: Executor, round: RoundRow) {
  const settings = round.settings as ReviewSettingsInput;
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
    round.rubric as Rubric,
    submitted.map((row) => ({ id: row.assignment.id, scores: (row.assignment.scores ?? {}) as RubricScores })),
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
