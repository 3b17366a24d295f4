import { eq } from "drizzle-orm";
import {
  type ObjectionEvent,
  type ObjectionState,
  objectionLifecycle,
} from "../../policy/lifecycles/objection.transitions";
import { transition } from "../../policy/lifecycles/transition";
import { authorize } from "../access/scope";
import { execute } from "../commands/command";
import { objections } from "../db/schema";
import { refused } from "../domain/refused";
import type { DecisionCall } from "./decision-command";

/**
 * Moves an objection through its lifecycle: `investigate` records what was checked (received → investigating,
 * or more notes while investigating); `uphold` / `dismiss` close it with the resolution (Art. 14.3). An upheld
 * objection leaves the application to be rejected by the officer, with a reason.
 */
export async function moveObjection(
  call: DecisionCall,
  input: { objectionId: string; event: ObjectionEvent; notes: string; expectedVersion?: number },
) {
  return execute(
    call.deps,
    call.actor,
    `objection.${input.event}`,
    { type: "objection", id: input.objectionId },
    async (context) => {
      await authorize(context.tx, call.caller, "objection.resolve");
      const [before] = await context.tx
        .select()
        .from(objections)
        .where(eq(objections.id, input.objectionId))
        .for("update");
      if (!before) throw refused.notFound("Objection", "异议");
      if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) throw refused.staleVersion();
      const outcome = transition(objectionLifecycle, before.status as ObjectionState, input.event, {
        notes: input.notes,
      });
      if (!outcome.ok)
        throw outcome.refusal.code === "invalid-transition"
          ? refused.conflict(outcome.refusal)
          : refused.rule(outcome.refusal);
      const closing = input.event !== "investigate";
      const now = context.clock.now();
      const notes = closing
        ? before.investigationNotes
        : [before.investigationNotes, input.notes].filter((text) => text?.trim()).join("\n");
      const [after] = await context.tx
        .update(objections)
        .set({
          status: outcome.value.to,
          investigationNotes: notes,
          ...(closing ? { resolution: input.notes, resolvedBy: context.actor.accountId, resolvedAt: now } : {}),
          version: before.version + 1,
        })
        .where(eq(objections.id, before.id))
        .returning();
      await context.audit({
        changes: { status: { from: before.status, to: outcome.value.to }, article: outcome.value.article },
        reason: input.notes,
      });
      return after!;
    },
  );
}
