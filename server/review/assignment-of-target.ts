import { and, desc, eq } from "drizzle-orm";
import type { ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { reviewAssignments, reviewRounds } from "../db/schema";
import { assignmentRows } from "./assigned";
import type { ReviewTargetKind } from "./targets";

/**
 * The caller's own assignment on one target (the latest round first), through the one expert row scope: an
 * expert not on any panel of this target gets null (→ 404). Lets a page addressed by the target (the 阅览 of an
 * application) read through the expert's assignment, with its declaration check and audit.
 */
export async function assignmentOfTarget(
  executor: Executor,
  scope: ResolvedScope,
  target: { kind: ReviewTargetKind; id: string },
): Promise<{ id: string; status: string } | null> {
  if (scope.scope !== "assigned") return null;
  const [row] = await executor
    .select({ id: reviewAssignments.id, status: reviewAssignments.status })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(and(eq(reviewRounds.targetKind, target.kind), eq(reviewRounds.targetId, target.id), assignmentRows(scope)))
    .orderBy(desc(reviewRounds.createdAt), desc(reviewAssignments.createdAt))
    .limit(1);
  return row ?? null;
}
