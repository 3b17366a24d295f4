import { eq, inArray } from "drizzle-orm";
import { activeStates } from "../../policy/review/assignment.transitions";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { experts, reviewAssignments, reviewRounds } from "../db/schema";
import { refused } from "../domain/refused";
import { targetLabel } from "./reviews.repository";

/**
 * An officer withdraws a round that cannot go on — the pool cannot fill its panel under the rules chosen, or the
 * rules were wrong — so a new round with other rules can be opened for the same target. Nothing is deleted: the
 * round, its draws and invitations stay on record as cancelled. Once an expert has submitted, the round stands
 * (an officer reopens a review instead).
 */
export async function cancelReviewRound(
  deps: CommandDeps,
  actor: Actor,
  input: { roundId: string; reason: string },
): Promise<void> {
  await execute(deps, actor, "review.cancel", { type: "review-round", id: input.roundId }, async (context) => {
    const { tx } = context;
    const [round] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, input.roundId)).for("update");
    if (!round) throw refused.notFound("Review round", "评审");
    if (round.status !== "drawing" && round.status !== "in-review") {
      throw refused.conflict({
        code: "round-closed",
        messageZh: "本轮评审已结束或已撤销。",
        messageEn: "This review round is already closed.",
      });
    }
    const assignments = await tx.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id));
    const submitted = assignments.filter((a) => a.status === "submitted").length;
    if (submitted > 0) {
      throw refused.conflict({
        code: "reviews-submitted",
        messageZh: `已有 ${submitted} 位专家提交评审意见，本轮不能撤销；如需修改，请重新开启相应评审。`,
        messageEn: `${submitted} expert(s) have submitted; the round cannot be cancelled. Reopen a review instead.`,
      });
    }
    await tx
      .update(reviewRounds)
      .set({ status: "cancelled", version: round.version + 1 })
      .where(eq(reviewRounds.id, round.id));
    const invited = assignments.filter((a) => (activeStates as readonly string[]).includes(a.status));
    await context.audit({
      changes: { from: round.status, to: "cancelled", reason: input.reason, invited: invited.length },
    });
    const accountIds =
      invited.length === 0
        ? []
        : (
            await tx
              .select({ accountId: experts.accountId })
              .from(experts)
              .where(
                inArray(
                  experts.id,
                  invited.map((a) => a.expertId),
                ),
              )
          ).flatMap((row) => (row.accountId ? [row.accountId] : []));
    if (accountIds.length > 0) {
      const title = (await targetLabel(tx, round)).title;
      await context.enqueue({
        kind: "notify",
        accountIds,
        titleZh: `评审邀请已撤销：${title}`,
        titleEn: `Review invitation withdrawn: ${title}`,
        bodyZh: `原因：${input.reason}`,
        bodyEn: `Reason: ${input.reason}`,
        link: "/expert-portal",
      });
    }
  });
}
