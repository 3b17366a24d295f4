import { eq } from "drizzle-orm";
import { type Actor, type CommandContext, type CommandDeps, execute } from "../commands/command";
import { reviewAssignments, reviewRounds } from "../db/schema";
import { refused } from "../domain/refused";
import { lockedOrUndeclared } from "./review-guards";
import { type ReviewMaterials, reviewTarget } from "./targets";

/**
 * The assignment, its round and the target's materials, inside a command's transaction: only after the expert
 * declared no conflict (declared, or submitted: reading stays allowed after submitting). The first reading is
 * stamped on the assignment. Shared by opening the materials and opening one of their files.
 */
export async function resolveMaterials(context: CommandContext, assignmentId: string) {
  const [assignment] = await context.tx.select().from(reviewAssignments).where(eq(reviewAssignments.id, assignmentId));
  if (!assignment) throw refused.notFound("Assignment", "评审任务");
  const blocked = lockedOrUndeclared(assignment.status, true);
  if (blocked) throw blocked;
  const [round] = await context.tx.select().from(reviewRounds).where(eq(reviewRounds.id, assignment.roundId));
  if (!round) throw refused.notFound("Assignment", "评审任务");
  const materials = await reviewTarget(round.targetKind).materials(context.tx, round.targetId);
  if (!materials) throw refused.notFound("Review target", "评审对象");
  if (!assignment.materialsOpenedAt) {
    await context.tx
      .update(reviewAssignments)
      .set({ materialsOpenedAt: context.clock.now() })
      .where(eq(reviewAssignments.id, assignmentId));
  }
  return { assignment, round, materials };
}

/**
 * An expert opens the target's materials (read-only): only after declaring no conflict, and every opening is
 * audited (`review.materials.open`) in the same transaction that reads them.
 */
export async function openMaterials(deps: CommandDeps, actor: Actor, assignmentId: string): Promise<ReviewMaterials> {
  return execute(
    deps,
    actor,
    "review.materials.open",
    { type: "review-assignment", id: assignmentId },
    async (context) => {
      const { round, materials } = await resolveMaterials(context, assignmentId);
      await context.audit({
        changes: {
          roundId: round.id,
          targetKind: round.targetKind,
          targetId: round.targetId,
          files: materials.files.length,
        },
      });
      return materials;
    },
  );
}
