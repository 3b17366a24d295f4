import { desc, eq, or, sql } from "drizzle-orm";
import type { ExpertHistory } from "../../contracts/review";
import type { AssignmentState } from "../../policy/review/assignment.transitions";
import type { DrawRecord } from "../../policy/review/draw-record";
import type { Executor } from "../db/client";
import { draws, reviewAssignments, reviewRounds } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { targetLabel } from "./reviews.repository";

const contains = (value: unknown) => sql`${draws.record} @> ${JSON.stringify(value)}::jsonb`;

type DrawEntry = ExpertHistory["draws"][number];

/** Where one draw put the expert: on the panel, among the backups, excluded (回避) or merely in the pool. */
function placementOf(record: DrawRecord, expertId: string): DrawEntry["placement"] {
  if (record.outcome.panel.includes(expertId)) return "panel";
  if (record.outcome.backups.includes(expertId)) return "backup";
  if (record.outcome.exclusions.some((e) => e.expertId === expertId)) return "excluded";
  return "not-selected";
}

/**
 * Every draw that placed, excluded or replaced an expert, and every panel they were assigned to, newest first:
 * the officer's view of one expert in the pool (issue 5: history of draws and reviews per expert).
 */
export async function expertHistory(executor: Executor, expertId: string): Promise<ExpertHistory> {
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
    .orderBy(desc(draws.createdAt), desc(draws.attempt));
  const drawsOut: DrawEntry[] = drawRows.map(({ draw }) => {
    const record = parseStored("draws.record", draw.record, draw.id);
    return {
      drawId: draw.id,
      roundId: draw.roundId,
      attempt: draw.attempt,
      drawStatus: draw.status,
      targetTitle: record.target.title,
      drawnAt: draw.createdAt.toISOString(),
      placement: placementOf(record, expertId),
      exclusions: record.outcome.exclusions
        .filter((e) => e.expertId === expertId)
        .map(({ rule, reasonZh, reasonEn }) => ({ rule, reasonZh, reasonEn })),
      replacements: record.replacements.flatMap((r): DrawEntry["replacements"] => {
        if (r.outExpertId === expertId) return [{ direction: "out", reason: r.reason, at: r.at }];
        if (r.inExpertId === expertId) return [{ direction: "in", reason: r.reason, at: r.at }];
        return [];
      }),
    };
  });

  const reviewRows = await executor
    .select({ assignment: reviewAssignments, round: reviewRounds })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(eq(reviewAssignments.expertId, expertId))
    .orderBy(desc(reviewAssignments.createdAt));
  const labels = new Map<string, string>();
  const reviews: ExpertHistory["reviews"] = [];
  for (const { assignment, round } of reviewRows) {
    const key = `${round.targetKind}:${round.targetId}`;
    let title = labels.get(key);
    if (title === undefined) {
      title = (await targetLabel(executor, round)).title;
      labels.set(key, title);
    }
    reviews.push({
      assignmentId: assignment.id,
      roundId: round.id,
      targetTitle: title,
      role: assignment.role,
      status: assignment.status as AssignmentState,
      invitedAt: assignment.createdAt.toISOString(),
      total: assignment.total === null ? null : assignment.total / 100,
      submittedAt: assignment.submittedAt?.toISOString() ?? null,
    });
  }
  return { draws: drawsOut, reviews };
}
