import { inArray } from "drizzle-orm";
import type { Executor } from "../db/client";
import { files } from "../db/schema";
import type { JoinedApplication } from "../recognition/applications.repository";
import { reviewTarget } from "../review/targets";
import {
  decisionRecord,
  historyRecord,
  onSiteFileIds,
  type ReviewView,
  recognitionDocumentIdsOf,
  reviewRecord,
} from "./application-records";
import { type Dossier, type DossierEntry, safeName, uniquePaths } from "./dossier";
import { type PrintContext, printApplicationForm, printRecognitionNotice, printRecommendation } from "./generated";
import { renderRecordPdf } from "./render";

/**
 * Who the application dossier is for, decided by the route from the caller's read scope: the department (every
 * record, the experts by name, the objections), the recommender of the jurisdiction (its letter, no expert sheets),
 * the host unit (its own materials and the panel's result), or an assigned expert (the materials and their sheet).
 */
export type ApplicationReader =
  | { kind: "department" }
  | { kind: "recommender" }
  | { kind: "unit" }
  | { kind: "expert"; accountId: string };

const folders = {
  form: "01-申报书",
  materials: "02-申报材料",
  recommendation: "03-推荐",
  review: "04-专家评审",
  decision: "05-审核与认定",
  history: "06-办理历程",
} as const;

/** Stored files by id, with where their bytes are; ids the files table does not hold are left out. */
export async function storedFiles(executor: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; storageKey: string }>();
  const rows = await executor
    .select({ id: files.id, name: files.name, storageKey: files.storageKey })
    .from(files)
    .where(inArray(files.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row]));
}

const notesFor: Record<ApplicationReader["kind"], string[]> = {
  department: [],
  recommender: ["专家个人评分表由省科技厅留存，本档案载明专家组评分与意见。"],
  unit: [
    "专家个人评分表由省科技厅留存，本档案载明专家组评分与意见。",
    "推荐函及汇总表载有同批次其他单位，由推荐部门和省科技厅留存。",
  ],
  expert: ["本档案为评审专家版：含申报书、申报材料和本人评分表，不含推荐、审核决定与办理历程。"],
};

/**
 * Everything of one application the reader may see, as dossier entries: the 申报书 (printed now, with its code),
 * every uploaded material in a folder named after its slot, the recommendation letter and summary where they apply,
 * the review record, the decisions with the on-site files and the recognition notice, and the history.
 */
export async function collectApplicationDossier(
  context: PrintContext,
  row: JoinedApplication,
  reader: ApplicationReader,
): Promise<Dossier> {
  const db = context.deps.database.db;
  const app = row.application;
  const subtitle = `${row.unitName} · ${app.standardName ?? row.callTitleZh}`;
  const entries: DossierEntry[] = [await printApplicationForm(context, row, `${folders.form}/申报书.pdf`)];

  const materials = await reviewTarget("application").materials(db, app.id);
  const listed = materials?.files ?? [];
  const stored = await storedFiles(
    db,
    listed.map((file) => file.fileId),
  );
  for (const file of listed) {
    const bytes = stored.get(file.fileId);
    if (!bytes) continue;
    entries.push({
      path: `${folders.materials}/${safeName(file.labelZh ?? "其他材料")}/${safeName(file.name)}`,
      kind: "uploaded",
      titleZh: file.labelZh ?? "申报材料",
      source: { storageKey: bytes.storageKey },
    });
  }

  if (reader.kind === "department" || reader.kind === "recommender") {
    const recommendation = await printRecommendation(context, row, folders.recommendation);
    entries.push(...recommendation.entries);
    if (recommendation.stampedFileId) {
      const stamped = (await storedFiles(db, [recommendation.stampedFileId])).get(recommendation.stampedFileId);
      if (stamped) {
        entries.push({
          path: `${folders.recommendation}/推荐函盖章件/${safeName(stamped.name)}`,
          kind: "uploaded",
          titleZh: "推荐函及汇总表盖章件",
          source: { storageKey: stamped.storageKey },
        });
      }
    }
  }

  const reviewView: ReviewView =
    reader.kind === "department"
      ? { sheets: "all" }
      : reader.kind === "expert"
        ? { sheets: "own", accountId: reader.accountId }
        : { sheets: "panel" };
  entries.push({
    path: `${folders.review}/专家评审意见与评分.pdf`,
    kind: "record",
    titleZh: "专家评审意见与评分",
    source: { content: await renderRecordPdf(await reviewRecord(db, app.id, reviewView, subtitle)) },
  });

  if (reader.kind !== "expert") {
    const decisions = await decisionRecord(db, app.id, { objections: reader.kind === "department", subtitle });
    entries.push({
      path: `${folders.decision}/审核、核查与认定决定.pdf`,
      kind: "record",
      titleZh: "审核、核查与认定决定",
      source: { content: await renderRecordPdf(decisions) },
    });
    const visitFiles = await onSiteFileIds(db, app.id);
    const visitStored = await storedFiles(db, visitFiles);
    for (const id of visitFiles) {
      const file = visitStored.get(id);
      if (!file) continue;
      entries.push({
        path: `${folders.decision}/实地核查材料/${safeName(file.name)}`,
        kind: "uploaded",
        titleZh: "实地核查材料",
        source: { storageKey: file.storageKey },
      });
    }
    for (const documentId of await recognitionDocumentIdsOf(db, app.id)) {
      const notice = await printRecognitionNotice(context, documentId, `${folders.decision}/认定通知.pdf`);
      if (notice) entries.push(notice);
    }
    entries.push({
      path: `${folders.history}/办理历程.pdf`,
      kind: "record",
      titleZh: "办理历程",
      source: { content: await renderRecordPdf(await historyRecord(db, app.id, subtitle)) },
    });
  }

  return {
    subject: { type: "application", id: app.id },
    titleZh: `${app.standardName ?? row.unitName}申报档案`,
    unitName: row.unitName,
    entries: uniquePaths(entries),
    notes: notesFor[reader.kind],
  };
}
