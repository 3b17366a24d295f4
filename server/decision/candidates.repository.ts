import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Candidate } from "../../contracts/decision";
import { abilitiesOf } from "../../policy/access/abilities";
import { type ApplicationState, applicationLifecycle } from "../../policy/lifecycles/application.transitions";
import { availableEvents } from "../../policy/lifecycles/transition";
import type { Caller } from "../access/caller";
import { type ResolvedScope, unitRows } from "../access/scope";
import type { Executor } from "../db/client";
import {
  applicationEvents,
  applications,
  files,
  objections,
  onSiteVerifications,
  publicNotices,
  units,
} from "../db/schema";
import { parseStored } from "../db/stored-json";
import { candidateStates, prefectureCode } from "./portfolio";
import { reviewResultOf } from "./review-result";

/** The decision workbench's states: from the expert review's hand-off to recognition. */
export const workbenchStates: ApplicationState[] = ["in-expert-review", ...candidateStates, "recognized"];

type Row = { application: typeof applications.$inferSelect; unitName: string; divisionCode: string };

async function present(executor: Executor, caller: Caller, row: Row): Promise<Candidate> {
  const application = row.application;
  const state = application.state as ApplicationState;
  const label = applicationLifecycle.stateLabels[state] ?? { zh: state, en: state };
  const review = await reviewResultOf(executor, application.id);
  const visits = (
    await executor
      .select()
      .from(onSiteVerifications)
      .where(eq(onSiteVerifications.applicationId, application.id))
      .orderBy(desc(onSiteVerifications.visitedOn))
  ).map((visit) => ({
    ...visit,
    team: parseStored("on_site_verifications.team", visit.team, visit.id),
    fileIds: parseStored("on_site_verifications.file_ids", visit.fileIds, visit.id),
  }));
  const fileIds = visits.flatMap((visit) => visit.fileIds);
  const attached =
    fileIds.length > 0
      ? await executor
          .select({ id: files.id, name: files.name, mediaType: files.mediaType, size: files.size })
          .from(files)
          .where(inArray(files.id, fileIds))
      : [];
  const [evaluation] = await executor
    .select({ id: applicationEvents.id, data: applicationEvents.data })
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, application.id), eq(applicationEvents.event, "evaluate")))
    .orderBy(desc(applicationEvents.at))
    .limit(1);
  const evaluated = evaluation ? parseStored("application_events.data", evaluation.data, evaluation.id) : null;
  const [notice] = await executor
    .select({ id: publicNotices.id })
    .from(publicNotices)
    .where(sql`${publicNotices.applicationIds} @> ${JSON.stringify([application.id])}::jsonb`)
    .orderBy(desc(publicNotices.startOn))
    .limit(1);
  const objectionRows = await executor
    .select({ status: objections.status })
    .from(objections)
    .where(eq(objections.applicationId, application.id));
  return {
    id: application.id,
    callId: application.callId,
    standardName: application.standardName ?? row.unitName,
    unitId: application.unitId,
    unitName: row.unitName,
    division: prefectureCode(row.divisionCode),
    type: application.type ?? "",
    field: application.field ?? "",
    isKey: application.isKey,
    state,
    stateLabelZh: label.zh,
    stateLabelEn: label.en,
    review: {
      roundStatus: review.roundStatus,
      submitted: review.submitted,
      mean: review.mean,
      panelOpinion: review.panelOpinion,
    },
    verifications: visits.map((visit) => ({
      id: visit.id,
      visitedOn: visit.visitedOn,
      team: visit.team,
      findings: visit.findings,
      conclusion: visit.conclusion,
      files: attached.filter((file) => visit.fileIds.includes(file.id)),
    })),
    evaluationOpinion: evaluated && "opinion" in evaluated ? evaluated.opinion : null,
    noticeId: notice?.id ?? null,
    objections: {
      open: objectionRows.filter((o) => o.status === "received" || o.status === "investigating").length,
      upheld: objectionRows.filter((o) => o.status === "upheld").length,
      total: objectionRows.length,
    },
    events: availableEvents(applicationLifecycle, state, abilitiesOf(caller.roles)),
  };
}

const select = { application: applications, unitName: units.name, divisionCode: units.divisionCode };

/** Applications on the decision workbench, through the caller's scope. */
export async function listCandidates(
  executor: Executor,
  scope: ResolvedScope,
  filter: { callId?: string | undefined; state?: string | undefined },
): Promise<Candidate[]> {
  const states = filter.state ? workbenchStates.filter((state) => state === filter.state) : workbenchStates;
  if (states.length === 0) return [];
  const rows = await executor
    .select(select)
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(
      and(
        unitRows(scope, applications.unitId),
        inArray(applications.state, states),
        filter.callId ? eq(applications.callId, filter.callId) : undefined,
      ),
    )
    .orderBy(applications.priority, applications.createdAt);
  const items: Candidate[] = [];
  for (const row of rows) items.push(await present(executor, scope.caller, row));
  return items;
}

export async function loadCandidate(executor: Executor, scope: ResolvedScope, id: string): Promise<Candidate | null> {
  const [row] = await executor
    .select(select)
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(and(eq(applications.id, id), unitRows(scope, applications.unitId)));
  return row ? present(executor, scope.caller, row) : null;
}
