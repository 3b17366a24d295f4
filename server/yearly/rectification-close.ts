import { and, eq, inArray } from "drizzle-orm";
import { openRectificationStates, rectificationLifecycle } from "../../policy/lifecycles/rectification.transitions";
import { transition } from "../../policy/lifecycles/transition";
import { chinaDate } from "../clock";
import type { CommandContext } from "../commands/command";
import { rectificationCases } from "../db/schema";

/**
 * A base that left the series (revoked, exited on upgrade: Art. 20–21) has nothing left to rectify (Art. 24): its
 * running cases close in the same transaction, so no reminder, deadline or re-check is left waiting on them.
 */
export async function closeRectificationsOfBase(context: CommandContext, baseId: string, reason: string) {
  const running = await context.tx
    .select()
    .from(rectificationCases)
    .where(and(eq(rectificationCases.baseId, baseId), inArray(rectificationCases.state, [...openRectificationStates])))
    .for("update");
  const today = chinaDate(context.clock.now());
  for (const rectification of running) {
    const outcome = transition(rectificationLifecycle, rectification.state, "close", { baseLeftSeries: true });
    if (!outcome.ok) throw new Error(`rectification ${rectification.id}: ${outcome.refusal.messageEn}`);
    await context.tx
      .update(rectificationCases)
      .set({
        state: outcome.value.to,
        decidedOn: today,
        decidedBy: context.actor.name ?? context.actor.accountId,
        decisionReason: reason,
        version: rectification.version + 1,
        updatedAt: context.clock.now(),
      })
      .where(eq(rectificationCases.id, rectification.id));
    await context.audit({
      action: "rectification.close",
      targetType: "rectification",
      targetId: rectification.id,
      changes: { base: baseId, state: { from: rectification.state, to: outcome.value.to }, reason },
    });
  }
}
