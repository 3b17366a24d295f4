import { asc, eq } from "drizzle-orm";
import type { ApplicationDetail, ApplicationForm } from "../../contracts/recognition";
import type { Ability } from "../../policy/access/abilities";
import type { Caller } from "../access/caller";
import type { ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { applicationEvents, calls } from "../db/schema";
import { filesOf } from "./application-files";
import { actionsOn, editableStates, type JoinedApplication, presentSummary } from "./applications.repository";
import { materialsChecklist, type StoredEligibility, submitBlockers, uploadedSlotsOf } from "./eligibility-facts";
import { recompute } from "./save-application";

/**
 * One application with everything the editor, the workbench and formal review show: the form, the live
 * eligibility findings (re-run while the applicant can still change things), the materials checklist, every
 * blocker of a submission, the files and the history — and what the caller may do next.
 */
export async function presentDetail(
  executor: Executor,
  caller: Caller,
  row: JoinedApplication,
  cache: Map<Ability, ResolvedScope | null> = new Map(),
): Promise<ApplicationDetail> {
  const app = row.application;
  const form = app.form as ApplicationForm;
  const [call] = await executor.select().from(calls).where(eq(calls.id, app.callId));
  const editable = editableStates.includes(app.state as (typeof editableStates)[number]);
  const eligibility = editable
    ? (await recompute(executor, app, form)).eligibility
    : (app.eligibility as StoredEligibility | null);
  const slots = await uploadedSlotsOf(executor, app.id);
  const materials = call ? materialsChecklist(call, slots) : [];
  const attached = await filesOf(executor, app.id);
  const history = await executor
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, app.id))
    .orderBy(asc(applicationEvents.at));
  return {
    ...presentSummary(row, await actionsOn(executor, caller, row, cache)),
    form,
    eligibility: eligibility ? { ...eligibility, inputErrors: eligibility.inputErrors ?? [] } : null,
    materials,
    submitBlockers: editable ? submitBlockers(eligibility, materials) : [],
    files: attached.map(({ storageKey: _storageKey, ...file }) => ({
      ...file,
      createdAt: file.createdAt.toISOString(),
    })),
    events: history.map((event) => ({
      event: event.event,
      fromState: event.fromState,
      toState: event.toState,
      actorName: event.actorName,
      reason: event.reason,
      data: event.data,
      at: event.at.toISOString(),
    })),
  };
}
