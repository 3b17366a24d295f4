import { eq } from "drizzle-orm";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { reviewAssignments, reviewRounds } from "../db/schema";
import { errors } from "../http/errors";
import { lockedOrUndeclared } from "./review-guards";
import { type ReviewMaterials, reviewTarget } from "./targets";

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
      const [assignment] = await context.tx
        .select()
        .from(reviewAssignments)
        .where(eq(reviewAssignments.id, assignmentId));
      if (!assignment) throw errors.notFound("Assignment", "评审任务");
      const blocked = lockedOrUndeclared(assignment.status, true);
      if (blocked) throw blocked;
      const [round] = await context.tx.select().from(reviewRounds).where(eq(reviewRounds.id, assignment.roundId));
      const materials = await reviewTarget(round!.targetKind).materials(context.tx, round!.targetId);
      if (!materials) throw errors.notFound("Review target", "评审对象");
      if (!assignment.materialsOpenedAt) {
        await context.tx
          .update(reviewAssignments)
          .set({ materialsOpenedAt: context.clock.now() })
          .where(eq(reviewAssignments.id, assignmentId));
      }
      await context.audit({
        changes: {
          roundId: round!.id,
          targetKind: round!.targetKind,
          targetId: round!.targetId,
          files: materials.files.length,
        },
      });
      return materials;
    },
  );
}
