import { eq } from "drizzle-orm";
import type { BaseEventData, BaseEventKind } from "../../contracts/base-timeline";
import {
  type BaseEvent,
  type BaseState,
  type BaseTransitionContext,
  baseLifecycle,
  baseStates,
} from "../../policy/lifecycles/base.transitions";
import { transition } from "../../policy/lifecycles/transition";
import { chinaDate } from "../clock";
import type { CommandContext } from "../commands/command";
import { bases } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { recordBaseEvent } from "./base-timeline";
import { closeRectificationsOfBase } from "./rectification-close";

const isBaseState = (value: string): value is BaseState => (baseStates as readonly string[]).includes(value);

/**
 * The one writer of `bases.status` in the yearly cycle, inside the caller's command: locks the base, lets
 * base.transitions.ts decide the event, writes the status, the timeline entry and an audit line, or throws the
 * refusal. The caller's ability was checked by the command that grades or decides. `timeline.on` dates a change
 * that took effect on an earlier day (Art. 21: the base exits from the national document's date), never a later one.
 */
export async function applyBaseEvent(
  context: CommandContext,
  baseId: string,
  event: BaseEvent,
  transitionContext: BaseTransitionContext,
  timeline: { kind: BaseEventKind; data?: BaseEventData; on?: string },
): Promise<BaseState> {
  const [base] = await context.tx
    .select({ status: bases.status, version: bases.version })
    .from(bases)
    .where(eq(bases.id, baseId))
    .for("update");
  if (!base) throw refused.notFound("Base", "基地");
  if (!isBaseState(base.status)) throw new Error(`base ${baseId} has unknown status ${base.status}`);
  const outcome = transition(baseLifecycle, base.status, event, transitionContext);
  if (!outcome.ok) throw new Refused("rule", outcome.refusal);
  const today = chinaDate(context.clock.now());
  if (timeline.on !== undefined && timeline.on > today) throw new Error(`base ${baseId}: effective date after today`);
  const on = timeline.on ?? today;
  await context.tx
    .update(bases)
    .set({ status: outcome.value.to, statusChangedOn: on, version: base.version + 1 })
    .where(eq(bases.id, baseId));
  if (outcome.value.to === "revoked" || outcome.value.to === "exited") {
    const left = baseLifecycle.stateLabels[outcome.value.to];
    await closeRectificationsOfBase(context, baseId, `基地${left.zh}，整改终止 / the base was ${left.en}`);
  }
  await recordBaseEvent(context, baseId, timeline.kind, { article: outcome.value.article, ...timeline.data }, on);
  await context.audit({
    action: `base.${event}`,
    targetType: "base",
    targetId: baseId,
    changes: { base: baseId, status: { from: base.status, to: outcome.value.to }, article: outcome.value.article },
  });
  return outcome.value.to;
}
