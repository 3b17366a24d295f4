import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import {
  type ApplicationEvent,
  type ApplicationState,
  type ApplicationTransitionContext,
  applicationLifecycle,
} from "../../policy/lifecycles/application.transitions";
import { transition } from "../../policy/lifecycles/transition";
import { editionFor } from "../../policy/measures/editions";
import type { Caller } from "../access/caller";
import { authorize, covers } from "../access/scope";
import { chinaDate } from "../clock";
import type { CommandContext } from "../commands/command";
import { applicationEvents, applications, recommenders } from "../db/schema";
import { ApiError, errors, fromRefusal } from "../http/errors";

export type ApplicationRow = typeof applications.$inferSelect;

/** Recommender events act on the application where it is now: only the holding recommender may move it. */
const holderOnly: ReadonlySet<ApplicationEvent> = new Set(["pass-up", "recommend", "return", "decline"]);

export interface ApplyEventOptions {
  applicationId: string;
  event: ApplicationEvent;
  reason?: string | null;
  /** Optimistic lock: refuse with 409 when the application changed since the caller read it. */
  expectedVersion?: number;
  /** Facts the event's guard needs, gathered by the calling command (eligibility, review, meeting, notice…). */
  guardContext?: ApplicationTransitionContext;
  /** Extra columns the event writes with the state (e.g. submittedAt, priority). */
  set?: Partial<Omit<ApplicationRow, "id" | "state" | "version">>;
  /** Stored with the event row, for the dossier. */
  data?: unknown;
}

/**
 * The only writer of `applications.state`: checks the caller's scope on the row, asks the lifecycle in
 * policy/lifecycles/application.transitions.ts (a refusal names its article), writes the state, an event row and
 * the audit entry, all inside the caller's command. Returns the updated row.
 */
export async function applyApplicationEvent(
  context: CommandContext,
  caller: Caller,
  options: ApplyEventOptions,
): Promise<{ before: ApplicationRow; after: ApplicationRow }> {
  const { tx } = context;
  const [before] = await tx.select().from(applications).where(eq(applications.id, options.applicationId)).for("update");
  if (!before) throw errors.notFound("Application", "申报");
  const state = before.state as ApplicationState;
  const row = { unitId: before.unitId, recommenderId: before.recommenderId };
  // Another jurisdiction's or unit's application does not exist for the caller (404, not 403).
  if (!covers(await authorize(tx, caller, "application.read"), row)) throw errors.notFound("Application", "申报");
  const rule = applicationLifecycle.table[state]?.[options.event];
  if (rule) {
    const scope = await authorize(tx, caller, rule.ability);
    if (!covers(scope, row)) throw errors.forbidden(rule.ability);
    if (
      scope.scope === "jurisdiction" &&
      holderOnly.has(options.event) &&
      before.recommenderId !== caller.recommenderId
    ) {
      throw new ApiError(409, {
        code: "not-the-holder",
        article: "17",
        messageZh: "该申报目前不在本推荐部门，需由当前审核的推荐部门处理。",
        messageEn: "The application is with another recommender; only the recommender holding it can act on it.",
      });
    }
  }
  if (options.expectedVersion !== undefined && options.expectedVersion !== before.version) throw errors.staleVersion();

  const today = chinaDate(context.clock.now());
  let recommenderHasParent: boolean | undefined;
  let parentId: string | null = null;
  if (options.event === "pass-up" || options.event === "recommend") {
    const [holder] = await tx
      .select({ parentId: recommenders.parentId })
      .from(recommenders)
      .where(eq(recommenders.id, before.recommenderId));
    parentId = holder?.parentId ?? null;
    recommenderHasParent = parentId !== null;
  }
  const guardContext: ApplicationTransitionContext = {
    today,
    ...(recommenderHasParent === undefined ? {} : { recommenderHasParent }),
    ...options.guardContext,
    ...(options.reason ? { reason: options.reason } : {}),
  };
  const outcome = transition(applicationLifecycle, state, options.event, guardContext);
  if (!outcome.ok) throw fromRefusal(outcome.refusal, outcome.refusal.code === "invalid-transition" ? 409 : 422);

  const now = context.clock.now();
  const edition = editionFor(today).edition.id;
  const [after] = await tx
    .update(applications)
    .set({
      ...options.set,
      state: outcome.value.to,
      stateChangedAt: now,
      lastReason: options.reason ?? null,
      updatedAt: now,
      version: before.version + 1,
      ...(options.event === "pass-up" && parentId ? { recommenderId: parentId } : {}),
    })
    .where(eq(applications.id, before.id))
    .returning();
  await tx.insert(applicationEvents).values({
    id: randomUUID(),
    applicationId: before.id,
    event: options.event,
    fromState: before.state,
    toState: outcome.value.to,
    actorId: context.actor.accountId,
    actorName: context.actor.name,
    recommenderId: before.recommenderId,
    reason: options.reason ?? null,
    data: options.data ?? null,
    edition,
    at: now,
  });
  await context.audit({
    action: `application.${options.event}`,
    targetType: "application",
    targetId: before.id,
    changes: {
      state: { from: before.state, to: outcome.value.to },
      ...(after!.recommenderId !== before.recommenderId
        ? { recommenderId: { from: before.recommenderId, to: after!.recommenderId } }
        : {}),
      article: outcome.value.article,
      edition,
    },
    reason: options.reason ?? null,
  });
  return { before, after: after! };
}
