import { and, eq, sql } from "drizzle-orm";
import type { Ability } from "../../policy/access/abilities";
import {
  type ApplicationActor,
  type ApplicationFacts,
  editableApplicationStates,
} from "../../policy/lifecycles/application.decide";
import type { ApplicationEvent, ApplicationState } from "../../policy/lifecycles/application.transitions";
import type { Caller } from "../access/caller";
import { abilitiesOn, type ResolvedScope, resolveScope } from "../access/scope";
import { chinaDate } from "../clock";
import type { Executor, Tx } from "../db/client";
import { applications, calls, recommenders, units } from "../db/schema";
import { parseApplicationRow, parseCallRow } from "../db/stored-json";
import { materialsChecklist, submitBlockers, uploadedSlotsOf } from "./eligibility-facts";
import { callAccepting, recompute } from "./save-application";

export type ApplicationRow = typeof applications.$inferSelect;
export type CallRow = typeof calls.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

/** One application with what its facts and its presentation need: its call, unit and holding recommender. */
export interface LoadedApplication {
  application: ApplicationRow;
  call: CallRow;
  unit: UnitRow;
  holder: { id: string; nameZh: string; parentId: string | null };
}

const submitEvents: ReadonlySet<ApplicationEvent> = new Set(["submit", "resubmit-correction"]);

/** The call's quota for one recommender: its own, else the call's default; null = no limit. */
export function quotaOf(call: CallRow, recommenderId: string): number | null {
  const own = call.quotas[recommenderId];
  return own ?? call.defaultQuota ?? null;
}

/** How many applications of a call a recommender has recommended (held there, past its step). */
async function recommendedCount(executor: Executor, callId: string, recommenderId: string): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(
      and(
        eq(applications.callId, callId),
        eq(applications.recommenderId, recommenderId),
        sql`${applications.state} not in ('draft', 'submitted', 'returned', 'declined', 'withdrawn')`,
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * The one read of an application before an event: the row locked (FOR UPDATE OF applications), with its call, unit
 * and holder in the same statement, the JSON of the application and the call parsed. Null when it does not exist.
 */
export async function lockApplication(tx: Tx, id: string): Promise<LoadedApplication | null> {
  const [row] = await tx
    .select({
      application: applications,
      call: calls,
      unit: units,
      holder: { id: recommenders.id, nameZh: recommenders.nameZh, parentId: recommenders.parentId },
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(recommenders, eq(recommenders.id, applications.recommenderId))
    .where(eq(applications.id, id))
    .for("update", { of: applications });
  if (!row) return null;
  return {
    ...row,
    application: parseApplicationRow(row.application, ["form", "eligibility"]),
    call: parseCallRow(row.call),
  };
}

/** The facts every view of an application shares (lists, detail, events): no quota count, no eligibility run. */
export function baseFacts(
  loaded: { application: Pick<ApplicationRow, "state" | "version">; call: CallRow } & {
    holder: { id: string; parentId: string | null };
  },
  now: Date,
): ApplicationFacts {
  const { application, call, holder } = loaded;
  return {
    state: application.state as ApplicationState,
    version: application.version,
    today: chinaDate(now),
    holder: { recommenderId: holder.id, parentId: holder.parentId },
    callAccepting: callAccepting(call, now),
    quota: { limit: quotaOf(call, holder.id), used: 0 },
  };
}

/**
 * What of `baseFacts` the clock decides for applications to `calls` at `now`: the China day and which calls take
 * applications. Whatever is derived from the facts at one instant holds at every instant with the same key, so a list
 * page and its actions are presented once (issue 16), not once per request.
 */
export function clockFactsKey(calls: Iterable<CallRow>, now: Date): string {
  const accepting = new Set<string>();
  for (const call of calls) if (callAccepting(call, now)) accepting.add(call.id);
  return `${chinaDate(now)} ${[...accepting].sort().join(",")}`;
}

/**
 * The caller as the rules see it, from one authorization pass over the application's abilities (the recommender
 * sub-tree is resolved once per request). `application.update` only while the applicant may edit (Art. 14.1).
 */
export async function actorOn(
  executor: Executor,
  caller: Caller,
  application: Pick<ApplicationRow, "unitId" | "recommenderId" | "state" | "submittedAt">,
  cache: Map<Ability, ResolvedScope | null> = new Map(),
): Promise<ApplicationActor> {
  const editable = editableApplicationStates.includes(application.state as ApplicationState);
  if (application.submittedAt === null && application.unitId !== caller.unitId) {
    // Art. 14.1, 17: an unsubmitted draft is its unit's alone (applicationRows); beyond the unit it does not exist.
    if (!cache.has("application.read"))
      cache.set("application.read", await resolveScope(executor, caller, "application.read"));
    const reads = cache.get("application.read");
    if (reads && reads.scope !== "unit" && reads.scope !== "unit-admin")
      return { canRead: false, abilities: [], recommenderId: null };
  }
  const abilities = await abilitiesOn(
    executor,
    caller,
    "application",
    { unitId: application.unitId, recommenderId: application.recommenderId },
    (ability) => ability !== "application.update" || editable,
    cache,
  );
  const reads = cache.get("application.read");
  return {
    canRead: abilities.includes("application.read"),
    abilities,
    recommenderId: reads?.scope === "jurisdiction" ? caller.recommenderId : null,
  };
}

/**
 * What a submission adds to the facts: the eligibility re-run on the stored form (with the call and unit already
 * read) and the materials checklist, every blocker named; and the derived columns to store with the state.
 */
export async function submissionFacts(tx: Tx, loaded: LoadedApplication) {
  const derived = await recompute(tx, loaded.application, loaded.application.form, {
    call: loaded.call,
    unit: loaded.unit,
  });
  const materials = materialsChecklist(loaded.call, await uploadedSlotsOf(tx, loaded.application.id));
  const eligibility = derived.eligibility;
  return {
    facts: {
      blockers: submitBlockers(eligibility, materials),
      eligibilityBlocking:
        eligibility.summary === null || eligibility.summary.blocking || eligibility.inputErrors.length > 0,
      incomplete: eligibility.summary?.incomplete !== false || materials.some((m) => m.required && !m.present),
    },
    columns: { eligibility, standardName: derived.standardName },
  };
}

/** Everything an event needs to be decided, read once under the lock. */
export async function eventFacts(
  tx: Tx,
  loaded: LoadedApplication,
  event: ApplicationEvent,
  now: Date,
): Promise<{ facts: ApplicationFacts; columns: Partial<ApplicationRow> }> {
  const facts = baseFacts(loaded, now);
  let columns: Partial<ApplicationRow> = {};
  if (event === "recommend") {
    // The quota holds under concurrency: recommendations by one recommender queue on its row, so each counts
    // what the one before it committed (READ COMMITTED reads afresh after the lock).
    await tx
      .select({ id: recommenders.id })
      .from(recommenders)
      .where(eq(recommenders.id, loaded.holder.id))
      .for("update");
    facts.quota.used = await recommendedCount(tx, loaded.call.id, loaded.holder.id);
  }
  if (submitEvents.has(event)) {
    const submission = await submissionFacts(tx, loaded);
    facts.submission = submission.facts;
    columns = submission.columns;
  }
  return { facts, columns };
}
