import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { type ReviewTarget, reviewSettingsDefaults } from "../../contracts/review";
import { defaultAggregationSettings } from "../../policy/review/aggregation";
import { defaultDrawRules } from "../../policy/review/draw";
import type { Executor } from "../db/client";
import { reviewRounds } from "../db/schema";
import { type ReviewTargetKind, reviewTarget } from "./targets";

/** Rounds in these states block a new one for the same target (create-review-round.ts answers 409). */
export const openRoundStatuses = ["drawing", "in-review"] as const;

/**
 * Targets of one kind waiting for an officer to open their expert review (SPEC §5.1 step 5): the provider lists
 * those in the right state, and those with an open round are left out (or flagged, with `includeOpen`).
 */
export async function listReviewTargets(
  executor: Executor,
  kind: ReviewTargetKind,
  options: { includeOpen: boolean },
): Promise<ReviewTarget[]> {
  const provider = reviewTarget(kind);
  const awaiting = (await provider.awaiting?.(executor)) ?? [];
  if (awaiting.length === 0) return [];
  const open = await executor
    .selectDistinct({ targetId: reviewRounds.targetId })
    .from(reviewRounds)
    .where(
      and(
        eq(reviewRounds.targetKind, kind),
        inArray(
          reviewRounds.targetId,
          awaiting.map((target) => target.id),
        ),
        inArray(reviewRounds.status, [...openRoundStatuses]),
      ),
    );
  const withOpenRound = new Set(open.map((row) => row.targetId));
  return awaiting
    .map((target) => ({
      kind,
      ...target,
      hasOpenRound: withOpenRound.has(target.id),
      defaultFields: target.field ? [target.field] : [],
    }))
    .filter((target) => options.includeOpen || !target.hasOpenRound);
}

/** The settings a round falls back to (policy/review), for the officer's form. */
export function reviewSettingsDefaultsOf(): z.infer<typeof reviewSettingsDefaults> {
  return reviewSettingsDefaults.parse({ draw: defaultDrawRules, aggregation: defaultAggregationSettings });
}
