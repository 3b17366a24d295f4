import { desc, eq, or, sql } from "drizzle-orm";
import type { DrawRecord } from "../../policy/review/draw-record";
import type { Executor } from "../db/client";
import { draws, reviewAssignments, reviewRounds } from "../db/schema";
import { targetLabel } from "./reviews.repository";

const contains = (value: unknown) => sql`${draws.record} @> ${JSON.stringify(value)}::jsonb`;

/** Every draw that placed or excluded an expert, and every review they were assigned: for the officer's pool screen. */
export async function expertHistory(executor: Executor, expertId: string) {
  const drawRows = await executor
    .select({ draw: draws })
    .from(draws)
    .where(
      or(
        contains({ outcome: { panel: [expertId] } }),
        contains({ outcome: { backups: [expertId] } }),
        contains({ outcome: { exclusions: [{ expertId }] } }),
      ),
    )
    .orderBy(desc(draws.createdAt));
  const labels = new Map<string, string>();
  const titleOf = async (round: { targetKind: "application" | "annual-report"; targetId: string }) => {
    const key = `${round.targetKind}:${round.targetId}`;
    if (!labels.has(key)) labels.set(key, (await targetLabel(executor, round)).title);
    return labels.get(key)!;
  };
  const drawsOut = [];
  for (const { draw } of drawRows) {
    const record = draw.record as DrawRecord;
    const rules = record.outcome.exclusions.filter((e) => e.expertId === expertId).map((e) => e.rule);
    drawsOut.push({
      drawId: draw.id,
      roundId: draw.roundId,
      attempt: draw.attempt,
      targetTitle: record.target.title,
      drawnAt: draw.createdAt.toISOString(),
      placement: record.outcome.panel.includes(expertId)
        ? ("panel" as const)
        : record.outcome.backups.includes(expertId)
          ? ("backup" as const)
          : rules.length
            ? ("excluded" as const)
            : ("not-selected" as const),
      exclusionRules: rules,
    });
  }
  const reviewRows = await executor
    .select({ assignment: reviewAssignments, round: reviewRounds })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(eq(reviewAssignments.expertId, expertId))
    .orderBy(desc(reviewAssignments.createdAt));
  const reviews = [];
  for (const { assignment, round } of reviewRows) {
    reviews.push({
      assignmentId: assignment.id,
      roundId: round.id,
      targetTitle: await titleOf(round),
      status: assignment.status,
      total: assignment.total === null ? null : assignment.total / 100,
      submittedAt: assignment.submittedAt?.toISOString() ?? null,
    });
  }
  return { draws: drawsOut, reviews };
}
