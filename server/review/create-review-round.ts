import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { createReviewRequest } from "../../contracts/review";
import { reviewSettings } from "../../contracts/review";
import { validateRubric } from "../../policy/grading/rubric";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { experts, reviewRounds } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { openRoundStatuses } from "./list-review-targets";
import { reviewTarget } from "./targets";

/**
 * An officer opens the expert review of one target (an application in expert review, or an annual report): the
 * round holds the target's rubric as it is now and the settings of its draws and aggregation.
 */
export async function createReviewRound(
  deps: CommandDeps,
  actor: Actor,
  input: z.output<typeof createReviewRequest>,
): Promise<string> {
  return execute(deps, actor, "review.create", { type: "review-round" }, async (context) => {
    const provider = reviewTarget(input.targetKind);
    let group: { groupId: string; groupTitle: string } | null = null;
    if (provider.canStartReview) {
      const allowed = await provider.canStartReview(context.tx, input.targetId);
      if (!allowed.ok) {
        throw allowed.refusal.code === "not-found"
          ? new Refused("not-found", {
              code: "not-found",
              messageZh: "评审对象不存在。",
              messageEn: "Review target not found.",
            })
          : refused.conflict(allowed.refusal);
      }
      group = allowed.value;
    }
    const open = await context.tx
      .select({ id: reviewRounds.id })
      .from(reviewRounds)
      .where(
        and(
          eq(reviewRounds.targetKind, input.targetKind),
          eq(reviewRounds.targetId, input.targetId),
          inArray(reviewRounds.status, [...openRoundStatuses]),
        ),
      );
    if (open.length) {
      throw refused.conflict({
        code: "review-exists",
        messageZh: "该对象已有进行中的评审。",
        messageEn: "This target already has an open review.",
      });
    }
    const pinned = input.settings?.draw.pinnedExclusions ?? [];
    if (pinned.length) {
      const known = await context.tx
        .select({ id: experts.id })
        .from(experts)
        .where(
          inArray(
            experts.id,
            pinned.map((exclusion) => exclusion.expertId),
          ),
        );
      const ids = new Set(known.map((row) => row.id));
      const unknown = pinned.flatMap((exclusion, index) =>
        ids.has(exclusion.expertId)
          ? []
          : [
              {
                path: `settings.draw.pinnedExclusions.${index}.expertId`,
                messageZh: "专家库中没有该专家",
                messageEn: "No such expert in the pool",
              },
            ],
      );
      if (unknown.length) {
        throw refused.rule({
          code: "unknown-expert",
          messageZh: "指定排除的专家不在专家库中。",
          messageEn: "An expert to exclude is not in the pool.",
          errors: unknown,
        });
      }
    }
    const rubric = await provider.rubric(context.tx, input.targetId);
    if (!rubric)
      throw new Refused("not-found", {
        code: "not-found",
        messageZh: "评审对象不存在。",
        messageEn: "Review target not found.",
      });
    const valid = validateRubric(rubric);
    if (!valid.ok) throw refused.rule(valid.refusal);
    const id = randomUUID();
    const settings = reviewSettings.parse(input.settings ?? {});
    await context.tx.insert(reviewRounds).values({
      id,
      targetKind: input.targetKind,
      targetId: input.targetId,
      groupId: group?.groupId ?? null,
      groupTitle: group?.groupTitle ?? null,
      rubric,
      settings,
      status: "drawing",
      createdBy: actor.accountId,
      createdAt: context.clock.now(),
    });
    await context.audit({
      targetId: id,
      changes: { targetKind: input.targetKind, targetId: input.targetId, settings },
    });
    return id;
  });
}
