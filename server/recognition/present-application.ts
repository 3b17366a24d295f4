import { asc, eq } from "drizzle-orm";
import type { ApplicationDetail } from "../../contracts/recognition";
import type { Ability } from "../../policy/access/abilities";
import type { Caller } from "../access/caller";
import type { ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { applicationEvents } from "../db/schema";
import { parseStored } from "../db/stored-json";
import type { LoadedApplication } from "./application-facts";
import { filesOf } from "./application-files";
import { actionsOn, editableStates, type JoinedApplication, presentSummary } from "./applications.repository";
import { materialsChecklist, submitBlockers, uploadedSlotsOf } from "./eligibility-facts";
import { recompute } from "./save-application";

/** An application just written by an event, in the shape the presenters read. */
export function joinedOf(loaded: LoadedApplication): JoinedApplication {
  return {
    application: loaded.application,
    call: loaded.call,
    callTitleZh: loaded.call.titleZh,
    unitName: loaded.unit.name,
    recommenderName: loaded.holder.nameZh,
    holderParentId: loaded.holder.parentId,
    unit: loaded.unit,
  };
}

/**
 * One application with everything the editor, the workbench and formal review show: the form, the live
 * eligibility findings (re-run while the applicant can still change things), the materials checklist, every
 * blocker of a submission, the files and the history — and what the caller may do next. `justRecomputed`: the row
 * was read after this request's own commit recomputed its findings (a save, an upload, a removal), so the stored
 * findings are that run's and are not run again (seven reads fewer per upload on deadline day, issue 16).
 */
export async function presentDetail(
  executor: Executor,
  caller: Caller,
  row: JoinedApplication,
  now: Date,
  { justRecomputed = false }: { justRecomputed?: boolean } = {},
): Promise<ApplicationDetail> {
  const cache = new Map<Ability, ResolvedScope | null>();
  const app = row.application;
  const editable = editableStates.includes(app.state as (typeof editableStates)[number]);
  const eligibility =
    editable && !justRecomputed
      ? (await recompute(executor, app, app.form, { call: row.call, unit: row.unit })).eligibility
      : app.eligibility;
  const slots = await uploadedSlotsOf(executor, app.id);
  const materials = materialsChecklist(row.call, slots);
  const attached = await filesOf(executor, app.id);
  const history = await executor
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, app.id))
    .orderBy(asc(applicationEvents.at));
  return {
    ...presentSummary(row, await actionsOn(executor, caller, row, cache, now)),
    form: app.form,
    eligibility,
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
      data: parseStored("application_events.data", event.data, event.id),
      at: event.at.toISOString(),
    })),
  };
}
