import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { ApplicationEventData } from "../../contracts/recognition";
import {
  type ApplicationChange,
  type ApplicationDecision,
  decideApplicationEvent,
} from "../../policy/lifecycles/application.decide";
import type { ApplicationEvent, ApplicationTransitionContext } from "../../policy/lifecycles/application.transitions";
import type { Caller } from "../access/caller";
import type { CommandContext } from "../commands/command";
import { applicationEvents, applications } from "../db/schema";
import { Refused } from "../domain/refused";
import { type ApplicationRow, actorOn, eventFacts, type LoadedApplication, lockApplication } from "./application-facts";

export type { ApplicationRow };

/** A refused decision as the domain's refusal; the edge maps its kind to a status. */
export function refusedBy(decision: Extract<ApplicationDecision, { ok: false }>): Refused {
  return new Refused(decision.kind, decision.refusal);
}

/**
 * The only writer of `applications.state`: writes a decided change — the state, the columns it carries, an event
 * row and the audit entry — inside the caller's command. Returns the row as written.
 */
export async function writeApplicationChange(
  context: CommandContext,
  loaded: LoadedApplication,
  options: {
    event: ApplicationEvent;
    change: ApplicationChange;
    reason: string | null;
    /** Columns the server derives with the event (a submission's eligibility and standard name, …). */
    columns?: Partial<Omit<ApplicationRow, "id" | "state" | "version">>;
    data?: ApplicationEventData;
  },
): Promise<ApplicationRow> {
  const { tx } = context;
  const { change, event, reason } = options;
  const before = loaded.application;
  const now = context.clock.now();
  const [written] = await tx
    .update(applications)
    .set({
      ...options.columns,
      ...(change.priority === undefined ? {} : { priority: change.priority }),
      ...(change.submitted ? { submittedAt: now } : {}),
      ...(change.holderNext ? { recommenderId: change.holderNext } : {}),
      state: change.to,
      stateChangedAt: now,
      lastReason: reason,
      updatedAt: now,
      version: before.version + 1,
    })
    .where(eq(applications.id, before.id))
    .returning();
  // The JSON columns are the ones read (and parsed) under the lock unless this change set them: not parsed again.
  const after: ApplicationRow = {
    ...written!,
    form: options.columns?.form ?? before.form,
    eligibility: options.columns?.eligibility === undefined ? before.eligibility : options.columns.eligibility,
  };
  await tx.insert(applicationEvents).values({
    id: randomUUID(),
    applicationId: before.id,
    event,
    fromState: before.state,
    toState: change.to,
    actorId: context.actor.accountId,
    actorName: context.actor.name,
    recommenderId: before.recommenderId,
    reason,
    data: options.data ?? change.data,
    edition: change.edition,
    at: now,
  });
  await context.audit({
    action: `application.${event}`,
    targetType: "application",
    targetId: before.id,
    changes: {
      state: { from: before.state, to: change.to },
      ...(after.recommenderId !== before.recommenderId
        ? { recommenderId: { from: before.recommenderId, to: after.recommenderId } }
        : {}),
      article: change.article,
      edition: change.edition,
    },
    reason,
  });
  return after;
}

export interface ApplyEventOptions {
  applicationId: string;
  event: ApplicationEvent;
  reason?: string | null;
  expectedVersion?: number;
  /** Decision-stage facts gathered by the calling command (review done, meeting, notice end, objections). */
  guardContext?: Pick<
    ApplicationTransitionContext,
    "reviewComplete" | "meeting" | "publicNoticeEnd" | "unresolvedObjections"
  >;
  /** Extra columns the event writes with the state. */
  set?: Partial<Omit<ApplicationRow, "id" | "state" | "version">>;
  data?: ApplicationEventData;
}

/**
 * One application event inside a decision-stage command (on-site verification, evaluation, approval, 公示,
 * recognition): lock and load the facts, let policy decide, write. Throws the refusal.
 */
export async function applyApplicationEvent(
  context: CommandContext,
  caller: Caller,
  options: ApplyEventOptions,
): Promise<{ before: ApplicationRow; after: ApplicationRow }> {
  const loaded = await lockApplication(context.tx, options.applicationId);
  const actor = loaded
    ? await actorOn(context.tx, caller, loaded.application)
    : { canRead: false, abilities: [], recommenderId: null };
  if (!loaded) throw refusedBy({ ok: false, kind: "not-found", refusal: notFoundRefusal });
  const { facts, columns } = await eventFacts(context.tx, loaded, options.event, context.clock.now());
  if (options.guardContext) facts.decisionStage = options.guardContext;
  const reason = options.reason?.trim() || null;
  const decision = decideApplicationEvent(facts, actor, {
    event: options.event,
    reason,
    expectedVersion: options.expectedVersion,
  });
  if (!decision.ok) throw refusedBy(decision);
  const after = await writeApplicationChange(context, loaded, {
    event: options.event,
    change: decision.change,
    reason,
    columns: { ...columns, ...options.set },
    ...(options.data === undefined ? {} : { data: options.data }),
  });
  return { before: loaded.application, after };
}

const notFoundRefusal = {
  code: "not-found",
  messageZh: "申报不存在或您无权查看。",
  messageEn: "Application not found or not visible to you.",
};
