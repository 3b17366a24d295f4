import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { eventRequest } from "../../contracts/recognition";
import { decideApplicationEvent } from "../../policy/lifecycles/application.decide";
import { execute, type Invocation } from "../commands/command";
import { recommenders } from "../db/schema";
import { Refused } from "../domain/refused";
import { actorOn, eventFacts, type LoadedApplication, lockApplication } from "./application-facts";
import { refusedBy, writeApplicationChange } from "./apply-application-event";
import { notifyApplicationTransition } from "./notify-application";

type EventRequest = z.infer<typeof eventRequest>;

/**
 * Fires one recognition event of SPEC §5.1 steps 2–4: one locked read of the application with its call, unit and
 * holder; one authorization pass; the facts the event needs (the quota count for a recommendation, the eligibility
 * and materials for a submission); policy decides (application.decide.ts); the change, its audit entry and the
 * notifications are written in one transaction. Returns the application as written, with its new holder, so the
 * response is presented without reading it again.
 */
export async function fireApplicationEvent(
  invocation: Invocation,
  options: { applicationId: string; request: EventRequest },
): Promise<LoadedApplication> {
  const { deps, actor, caller } = invocation;
  const { applicationId, request } = options;
  const event = request.event;
  return execute(deps, actor, `application.${event}`, { type: "application", id: applicationId }, async (context) => {
    const loaded = await lockApplication(context.tx, applicationId);
    if (!loaded) {
      throw new Refused("not-found", {
        code: "not-found",
        messageZh: "申报不存在或您无权查看。",
        messageEn: "Application not found or not visible to you.",
      });
    }
    const who = await actorOn(context.tx, caller, loaded.application);
    const { facts, columns } = await eventFacts(context.tx, loaded, event, context.clock.now());
    const reason = request.reason?.trim() || null;
    const decision = decideApplicationEvent(facts, who, {
      event,
      reason,
      checklist: request.checklist,
      expectedVersion: request.version,
    });
    if (!decision.ok) throw refusedBy(decision);
    const after = await writeApplicationChange(context, loaded, { event, change: decision.change, reason, columns });
    await notifyApplicationTransition(context, { before: loaded.application, after, event, reason });
    let holder = loaded.holder;
    if (after.recommenderId !== loaded.holder.id) {
      const [next] = await context.tx
        .select({ id: recommenders.id, nameZh: recommenders.nameZh, parentId: recommenders.parentId })
        .from(recommenders)
        .where(eq(recommenders.id, after.recommenderId));
      holder = next ?? holder;
    }
    return { ...loaded, application: after, holder };
  });
}
