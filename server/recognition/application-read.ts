import { asc, eq } from "drizzle-orm";
import type { ApplicationReadView } from "../../contracts/application-read";
import { previewKindOf } from "../../contracts/application-read";
import { type ApplicationState, applicationLifecycle } from "../../policy/lifecycles/application.transitions";
import type { Caller } from "../access/caller";
import { authorize } from "../access/scope";
import type { Actor, CommandDeps } from "../commands/command";
import type { Executor } from "../db/client";
import { applicationEvents, applications, calls, units } from "../db/schema";
import { refused } from "../domain/refused";
import { assignmentOfTarget } from "../review/assignment-of-target";
import { openMaterials } from "../review/open-materials";
import type { ReviewMaterials } from "../review/targets";
import { filesOf } from "./application-files";
import { applicationTarget } from "./application-target";
import { loadApplication } from "./applications.repository";
import { entry } from "./form-values";
import { mayWriteOpinion, opinionsOf } from "./recommendation-opinions";

const enc = encodeURIComponent;
const stateLabel = (state: string) =>
  applicationLifecycle.stateLabels[state as ApplicationState] ?? { zh: "—", en: "—" };
const yesNo = (value: unknown) => (value === true ? "是" : value === false ? "否" : "未填写");

/** The applicant's commitments (Art. 14.1) and the unit's own facts, after the sections experts also read. */
function commitmentSection(form: typeof applications.$inferSelect.form): ReviewMaterials["sections"][number] {
  const attestations = entry(form.application?.attestations);
  const unitFacts = form.unitFacts ?? {};
  return {
    headingZh: "承诺事项",
    headingEn: "Commitments",
    items: [
      {
        labelZh: "依托单位为独立法人机构",
        labelEn: "Independent legal person",
        value: yesNo(unitFacts.isIndependentLegalPerson),
      },
      { labelZh: "依托单位在有效存续期内", labelEn: "In existence", value: yesNo(unitFacts.inExistence) },
      {
        labelZh: "申报材料真实、合法、合规",
        labelEn: "Materials true and lawful",
        value: yesNo(attestations.truthful),
      },
      { labelZh: "所有材料均不涉及国家秘密", labelEn: "No state secrets", value: yesNo(attestations.noStateSecrets) },
      {
        labelZh: "境外合作方对本申报无异议",
        labelEn: "Partners raise no objection",
        value: yesNo(attestations.partnersNoObjection),
      },
    ],
  };
}

/**
 * An assigned expert's 阅览: through the expert's own assignment, only after declaring no conflict (409 before),
 * every opening audited (`review.materials.open`) — the materials of ADR 0003 and nothing more: no history, no
 * recommenders' opinions, no declared avoidances.
 */
async function expertView(
  deps: CommandDeps,
  actor: Actor,
  assignmentId: string,
  applicationId: string,
): Promise<ApplicationReadView> {
  const materials = await openMaterials(deps, actor, assignmentId);
  const [row] = await deps.database.db
    .select({ state: applications.state, unitName: units.name, callTitleZh: calls.titleZh })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, applicationId));
  if (!row) throw refused.notFound("Application", "申报");
  const state = stateLabel(row.state);
  return {
    id: applicationId,
    title: materials.title,
    unitName: row.unitName,
    callTitleZh: row.callTitleZh,
    recommenderName: "",
    stateLabelZh: state.zh,
    stateLabelEn: state.en,
    submittedAt: null,
    assignmentId,
    sections: materials.sections,
    files: materials.files.map((file) => ({
      fileId: file.fileId,
      slot: file.slot,
      labelZh: file.labelZh ?? "",
      labelEn: file.labelEn ?? "",
      name: file.name,
      mediaType: file.mediaType,
      size: file.size,
      preview: previewKindOf(file.mediaType),
      url: `/api/reviews/assignments/${enc(assignmentId)}/files/${enc(file.fileId)}`,
    })),
    findings: materials.findings,
    history: [],
    opinions: [],
    opinionEditable: false,
    applicationLink: null,
  };
}

/**
 * One application as one page (阅览): every section of the form in office wording, every uploaded file with its
 * slot label and how it previews, the stored eligibility findings, the history and the recommenders' 推荐意见.
 * Read through the caller's scope: a unit its own; a recommender its sub-tree's, once submitted (a draft never
 * submitted stays the unit's, Art. 14.1); the department all; an expert only through its assignment.
 */
export async function readApplication(
  deps: CommandDeps,
  actor: Actor,
  caller: Caller,
  id: string,
): Promise<ApplicationReadView> {
  const db: Executor = deps.database.db;
  const scope = await authorize(db, caller, "application.read");
  if (scope.scope === "assigned") {
    const assignment = await assignmentOfTarget(db, scope, { kind: "application", id });
    if (!assignment) throw refused.notFound("Application", "申报");
    return expertView(deps, actor, assignment.id, id);
  }
  const row = await loadApplication(db, scope, id);
  if (!row || (scope.scope === "jurisdiction" && row.application.submittedAt === null)) {
    throw refused.notFound("Application", "申报");
  }
  const app = row.application;
  const materials = await applicationTarget.materials(db, id);
  if (!materials) throw refused.notFound("Application", "申报");
  const attachments = new Map((await filesOf(db, id)).map((file) => [file.fileId, file.id]));
  const events = await db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  // The opinions are the recommenders' word to the department: the unit does not read them here.
  const opinions = scope.scope === "jurisdiction" || scope.scope === "all" ? await opinionsOf(db, id) : [];
  const state = stateLabel(app.state);
  return {
    id,
    title: materials.title,
    unitName: row.unitName,
    callTitleZh: row.callTitleZh,
    recommenderName: row.recommenderName,
    stateLabelZh: state.zh,
    stateLabelEn: state.en,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    assignmentId: null,
    sections: [...materials.sections, commitmentSection(app.form)],
    files: materials.files.flatMap((file) => {
      const attachmentId = attachments.get(file.fileId);
      if (!attachmentId) return [];
      return [
        {
          fileId: file.fileId,
          slot: file.slot,
          labelZh: file.labelZh ?? "",
          labelEn: file.labelEn ?? "",
          name: file.name,
          mediaType: file.mediaType,
          size: file.size,
          preview: previewKindOf(file.mediaType),
          url: `/api/applications/${enc(id)}/files/${enc(attachmentId)}?inline=1`,
        },
      ];
    }),
    findings: materials.findings,
    history: events.map((event) => {
      const from = stateLabel(event.fromState);
      const to = stateLabel(event.toState);
      return {
        at: event.at.toISOString(),
        actorName: event.actorName,
        event: event.event,
        fromStateZh: from.zh,
        fromStateEn: from.en,
        toStateZh: to.zh,
        toStateEn: to.en,
        reason: event.reason,
      };
    }),
    opinions,
    opinionEditable: mayWriteOpinion(caller, app),
    applicationLink: `/applications/${id}`,
  };
}
