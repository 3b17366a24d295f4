import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { scoresRequest } from "../../contracts/review";
import type { RubricIndicator } from "../../policy/grading/rubric";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { reviewAssignments, reviewRounds } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { refused } from "../domain/refused";
import { lockedOrUndeclared } from "./review-guards";

function leaves(indicators: readonly RubricIndicator[]): RubricIndicator[] {
  return indicators.flatMap((i) => (i.children?.length ? leaves(i.children) : [i]));
}

/**
 * An expert saves scores (the call's rubric: each leaf within its range), a comment per indicator, an overall
 * opinion and a recommendation. Only after declaring no conflict, and never after submitting (locked).
 */
export async function saveScores(
  deps: CommandDeps,
  actor: Actor,
  assignmentId: string,
  input: z.output<typeof scoresRequest>,
): Promise<void> {
  await execute(deps, actor, "review.score", { type: "review-assignment", id: assignmentId }, async (context) => {
    const [assignment] = await context.tx
      .select()
      .from(reviewAssignments)
      .where(eq(reviewAssignments.id, assignmentId))
      .for("update");
    if (!assignment) throw refused.notFound("Assignment", "评审任务");
    const blocked = lockedOrUndeclared(assignment.status);
    if (blocked) throw blocked;
    const [round] = await context.tx
      .select({ rubric: reviewRounds.rubric })
      .from(reviewRounds)
      .where(eq(reviewRounds.id, assignment.roundId));
    const rubric = parseStored("review_rounds.rubric", round!.rubric, assignment.roundId);
    const byId = new Map(leaves(rubric.indicators).map((leaf) => [leaf.id, leaf]));
    const problems = Object.entries(input.scores).flatMap(([id, value]) => {
      const leaf = byId.get(id);
      if (!leaf) return [{ path: `scores.${id}`, messageZh: "没有该评分指标", messageEn: "No such indicator" }];
      if (value < leaf.min || value > leaf.max) {
        return [
          {
            path: `scores.${id}`,
            messageZh: `“${leaf.labelZh}”的分值应在 ${leaf.min}–${leaf.max} 之间`,
            messageEn: `${id} must be between ${leaf.min} and ${leaf.max}`,
          },
        ];
      }
      return [];
    });
    if (problems.length) {
      throw refused.invalidInput("invalid-input", "评分有误。", "Some scores are invalid.", problems);
    }
    await context.tx
      .update(reviewAssignments)
      .set({
        scores: input.scores,
        comments: input.comments,
        opinion: input.opinion,
        recommendation: input.recommendation,
        version: assignment.version + 1,
      })
      .where(eq(reviewAssignments.id, assignmentId));
    await context.audit({ changes: { roundId: assignment.roundId, indicators: Object.keys(input.scores) } });
  });
}
