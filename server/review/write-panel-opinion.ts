import { eq } from "drizzle-orm";
import { activeStates } from "../../policy/review/assignment.transitions";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { reviewAssignments, reviewRounds } from "../db/schema";
import { parseRoundRow } from "../db/stored-json";
import { Refused, refused } from "../domain/refused";
import { panelSizeOf } from "./review-settings";
import { roundAggregation } from "./round-aggregation";
import { reviewTarget } from "./targets";

/**
 * 专家组意见: the panel leader writes the consolidated opinion once every member has submitted. That completes the
 * round, and the target's provider is told (onReviewCompleted) in the same transaction — review never writes the
 * target's own state.
 */
export async function writePanelOpinion(
  deps: CommandDeps,
  actor: Actor,
  input: { roundId: string; leaderAssignmentId: string; opinion: string },
): Promise<{ score: number }> {
  return execute(deps, actor, "review.panel-opinion", { type: "review-round", id: input.roundId }, async (context) => {
    const { tx } = context;
    const [locked] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, input.roundId)).for("update");
    if (!locked) throw refused.notFound("Review round", "评审");
    const round = parseRoundRow(locked);
    if (round.status !== "in-review") {
      throw refused.conflict({
        code: "round-closed",
        messageZh: "本轮评审不在进行中。",
        messageEn: "This review round is not in review.",
      });
    }
    const assignments = await tx.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id));
    const leader = assignments.find((a) => a.id === input.leaderAssignmentId);
    if (leader?.role !== "leader") {
      throw new Refused("forbidden", {
        code: "forbidden",
        messageZh: "只有专家组组长可以填写专家组意见。",
        messageEn: "Only the panel leader writes the panel opinion.",
      });
    }
    const active = assignments.filter((a) => (activeStates as readonly string[]).includes(a.status));
    const panelSize = panelSizeOf(round.settings);
    const submitted = active.filter((a) => a.status === "submitted").length;
    if (active.length < panelSize || submitted < active.length) {
      throw refused.conflict({
        code: "panel-incomplete",
        messageZh: `专家组尚未全部提交评审意见（已提交 ${submitted}/${panelSize}）。`,
        messageEn: `Not every panel member has submitted (${submitted}/${panelSize}).`,
      });
    }
    const aggregation = await roundAggregation(tx, round);
    if (aggregation.score === null)
      throw refused.conflict({ code: "panel-incomplete", messageZh: "尚无评分。", messageEn: "No scores yet." });
    const now = context.clock.now();
    await tx
      .update(reviewRounds)
      .set({
        status: "completed",
        panelOpinion: input.opinion,
        panelOpinionBy: actor.accountId,
        panelOpinionAt: now,
        version: round.version + 1,
      })
      .where(eq(reviewRounds.id, round.id));
    await context.audit({ changes: { score: aggregation.score, method: aggregation.method, submitted } });
    await reviewTarget(round.targetKind).onReviewCompleted(context, round.targetId, {
      roundId: round.id,
      mean: aggregation.score,
    });
    return { score: aggregation.score };
  });
}
