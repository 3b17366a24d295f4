import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Notice, Objection, RecognitionDocument } from "../../contracts/decision";
import type { ObjectionReceipt, PublicNotice } from "../../contracts/public-notices";
import { addDays } from "../../policy/calendar/dates";
import { baseTypes } from "../../policy/reference/base-types";
import { chinaDate } from "../clock";
import type { PiiCipher } from "../crypto/sm";
import type { Executor } from "../db/client";
import {
  applications,
  approvals,
  bases,
  calls,
  objections,
  publicNotices,
  recognitionDocuments,
  units,
} from "../db/schema";
import { parseStored } from "../db/stored-json";

async function applicationsById(executor: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return executor
    .select({
      id: applications.id,
      standardName: applications.standardName,
      unitName: units.name,
      state: applications.state,
    })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(inArray(applications.id, ids));
}

/** The objector's contact as officers see it: decrypted (a row from before migration 0013 not yet sealed: as stored). */
function contactOf(row: typeof objections.$inferSelect, pii: PiiCipher): string {
  return row.contactSealed ? pii.decrypt(row.contactSealed) : (row.legacyContact ?? "");
}

function presentObjection(row: typeof objections.$inferSelect, applicationName: string, pii: PiiCipher): Objection {
  return {
    id: row.id,
    noticeId: row.noticeId,
    applicationId: row.applicationId,
    applicationName,
    objectorKind: row.objectorKind,
    realName: row.realName,
    unitName: row.unitName,
    contact: contactOf(row, pii),
    sealFileId: row.sealFileId,
    content: row.content,
    facts: row.facts,
    receivedOn: row.receivedOn,
    channel: row.receivedBy === null ? "online" : "paper",
    status: row.status,
    investigationNotes: row.investigationNotes,
    resolution: row.resolution,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** One 公示 with its applications and objections (contacts decrypted); `over` is judged on China's calendar date. */
export async function loadNotice(executor: Executor, pii: PiiCipher, id: string, now: Date): Promise<Notice | null> {
  const [notice] = await executor.select().from(publicNotices).where(eq(publicNotices.id, id));
  if (!notice) return null;
  const listed = await applicationsById(
    executor,
    parseStored("public_notices.application_ids", notice.applicationIds, notice.id),
  );
  const nameOf = (applicationId: string) => {
    const found = listed.find((a) => a.id === applicationId);
    return found?.standardName ?? found?.unitName ?? applicationId;
  };
  const rows = await executor
    .select()
    .from(objections)
    .where(eq(objections.noticeId, id))
    .orderBy(asc(objections.receivedOn), asc(objections.createdAt));
  return {
    id: notice.id,
    title: notice.title,
    startOn: notice.startOn,
    endOn: notice.endOn,
    workingDays: notice.workingDays,
    edition: notice.edition,
    over: chinaDate(now) > notice.endOn,
    applications: listed.map((a) => ({
      id: a.id,
      standardName: a.standardName ?? a.unitName,
      unitName: a.unitName,
      state: a.state,
    })),
    objections: rows.map((row) => presentObjection(row, nameOf(row.applicationId), pii)),
  };
}

type NoticeFilter = { endingWithin?: number | undefined };

/** The where-clause of the 公示 list and of its 工作台 count. */
function noticeListWhere(filter: NoticeFilter, now: Date): SQL | undefined {
  if (filter.endingWithin === undefined) return undefined;
  const today = chinaDate(now);
  return and(gte(publicNotices.endOn, today), lte(publicNotices.endOn, addDays(today, filter.endingWithin)));
}

/** How many 公示 the list shows with this filter. */
export async function countNotices(executor: Executor, filter: NoticeFilter, now: Date): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(publicNotices)
    .where(noticeListWhere(filter, now));
  return Number(row?.n ?? 0);
}

/**
 * The 公示, latest first; with `endingWithin` (days) only those whose period ends between today (China's date) and
 * that many days ahead — the ones the department must follow up soon (objections resolved, then recognition).
 */
export async function listNotices(
  executor: Executor,
  pii: PiiCipher,
  now: Date,
  filter: NoticeFilter = {},
): Promise<Notice[]> {
  const rows = await executor
    .select({ id: publicNotices.id })
    .from(publicNotices)
    .where(noticeListWhere(filter, now))
    .orderBy(desc(publicNotices.startOn));
  const result: Notice[] = [];
  for (const row of rows) {
    const notice = await loadNotice(executor, pii, row.id, now);
    if (notice) result.push(notice);
  }
  return result;
}

/** Objections not yet resolved: received, or under investigation (Art. 14.3: each is resolved before recognition). */
export const openObjectionStatuses = ["received", "investigating"] as const;

/**
 * The objections across every 公示, oldest first (contacts decrypted); `objections: "open"` only those not yet
 * resolved — what the department still has to investigate or decide.
 */
type ObjectionFilter = { objections?: "open" | undefined };

/** The where-clause of the objections list and of its 工作台 count. */
const objectionListWhere = (filter: ObjectionFilter): SQL | undefined =>
  filter.objections === "open" ? inArray(objections.status, [...openObjectionStatuses]) : undefined;

/** How many objections the list shows with this filter. */
export async function countObjections(executor: Executor, filter: ObjectionFilter): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(objections)
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(objectionListWhere(filter));
  return Number(row?.n ?? 0);
}

export async function listObjections(
  executor: Executor,
  pii: PiiCipher,
  filter: ObjectionFilter,
): Promise<{ items: Objection[]; total: number }> {
  const rows = await executor
    .select({ objection: objections, standardName: applications.standardName, unitName: units.name })
    .from(objections)
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(objectionListWhere(filter))
    .orderBy(asc(objections.receivedOn), asc(objections.createdAt), asc(objections.id));
  const items = rows.map((row) => presentObjection(row.objection, row.standardName ?? row.unitName, pii));
  return { items, total: items.length };
}

export async function listApprovals(executor: Executor) {
  const rows = await executor.select().from(approvals).orderBy(desc(approvals.meetingDate), desc(approvals.createdAt));
  return rows.map((row) => ({
    id: row.id,
    meetingDate: row.meetingDate,
    minuteRef: row.minuteRef,
    applicationIds: parseStored("approvals.application_ids", row.applicationIds, row.id),
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function loadObjection(executor: Executor, pii: PiiCipher, id: string): Promise<Objection | null> {
  const [row] = await executor.select().from(objections).where(eq(objections.id, id));
  if (!row) return null;
  const [application] = await applicationsById(executor, [row.applicationId]);
  return presentObjection(row, application?.standardName ?? application?.unitName ?? row.applicationId, pii);
}

type DocumentRow = typeof recognitionDocuments.$inferSelect;

/** A recognition document read for use: the applications it recognized parsed, in their order. */
const parseDocumentRow = (row: DocumentRow): DocumentRow => ({
  ...row,
  applicationIds: parseStored("recognition_documents.application_ids", row.applicationIds, row.id),
});

async function presentDocument(executor: Executor, row: DocumentRow): Promise<RecognitionDocument> {
  const ids = row.applicationIds;
  const created = ids.length
    ? await executor.select({ id: bases.id }).from(bases).where(inArray(bases.applicationId, ids))
    : [];
  return {
    id: row.id,
    prefix: row.prefix,
    year: row.year,
    number: row.number,
    documentNumber: row.documentNumber,
    issuedOn: row.issuedOn,
    title: row.title,
    applicationIds: ids,
    baseIds: created.map((base) => base.id),
  };
}

export async function listRecognitionDocuments(executor: Executor): Promise<RecognitionDocument[]> {
  const rows = await executor
    .select()
    .from(recognitionDocuments)
    .orderBy(desc(recognitionDocuments.issuedOn), desc(recognitionDocuments.number));
  const result: RecognitionDocument[] = [];
  for (const row of rows) result.push(await presentDocument(executor, parseDocumentRow(row)));
  return result;
}

export async function loadRecognitionDocument(executor: Executor, id: string) {
  const [stored] = await executor.select().from(recognitionDocuments).where(eq(recognitionDocuments.id, id));
  if (!stored) return null;
  const row = parseDocumentRow(stored);
  const listed = await executor
    .select({ name: bases.standardName, unitName: units.name, applicationId: bases.applicationId })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(eq(bases.documentNumber, row.documentNumber));
  const order = row.applicationIds;
  listed.sort((a, b) => order.indexOf(a.applicationId ?? "") - order.indexOf(b.applicationId ?? ""));
  const [round] = row.callId
    ? await executor.select({ year: calls.year }).from(calls).where(eq(calls.id, row.callId))
    : [];
  return {
    document: await presentDocument(executor, row),
    roundYear: round?.year ?? row.year,
    bases: listed.map(({ name, unitName }) => ({ name, unitName })),
  };
}

/**
 * The 公示 the public sees (Art. 14.3): every one started by `today` (China's date) — an ended one stays, as the
 * archive of what was publicized, marked ended — with what a printed notice carries: standard name, host unit,
 * type and field.
 */
export async function listPublicNotices(executor: Executor, today: string): Promise<PublicNotice[]> {
  const rows = await executor
    .select()
    .from(publicNotices)
    .where(lte(publicNotices.startOn, today))
    .orderBy(desc(publicNotices.startOn), desc(publicNotices.createdAt));
  const listedIds = new Map(
    rows.map((row) => [row.id, parseStored("public_notices.application_ids", row.applicationIds, row.id)]),
  );
  const ids = [...new Set([...listedIds.values()].flat())];
  const listed = ids.length
    ? await executor
        .select({
          id: applications.id,
          standardName: applications.standardName,
          unitName: units.name,
          type: applications.type,
          field: applications.field,
          state: applications.state,
        })
        .from(applications)
        .innerJoin(units, eq(units.id, applications.unitId))
        .where(inArray(applications.id, ids))
    : [];
  return rows.map((notice) => {
    const running = today <= notice.endOn;
    return {
      id: notice.id,
      title: notice.title,
      startOn: notice.startOn,
      endOn: notice.endOn,
      workingDays: notice.workingDays,
      status: running ? "running" : "ended",
      candidates: (listedIds.get(notice.id) ?? []).flatMap((applicationId) => {
        const found = listed.find((application) => application.id === applicationId);
        if (!found) return [];
        const type = baseTypes.find((candidate) => candidate.code === found.type);
        return [
          {
            applicationId,
            standardName: found.standardName ?? found.unitName,
            unitName: found.unitName,
            type: found.type ?? "",
            typeZh: type?.nameZh ?? found.type ?? "",
            typeEn: type?.nameEn ?? found.type ?? "",
            field: found.field ?? "",
            acceptsObjections: running && found.state === "publicized",
          },
        ];
      }),
    };
  });
}

/** The receipt an objector keeps: the reference is the objection id's first eight characters, upper-cased. */
export async function loadObjectionReceipt(executor: Executor, id: string): Promise<ObjectionReceipt | null> {
  const [row] = await executor
    .select({
      id: objections.id,
      receivedOn: objections.receivedOn,
      noticeTitle: publicNotices.title,
      standardName: applications.standardName,
      unitName: units.name,
    })
    .from(objections)
    .innerJoin(publicNotices, eq(publicNotices.id, objections.noticeId))
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(eq(objections.id, id));
  if (!row) return null;
  return {
    id: row.id,
    reference: row.id.replaceAll("-", "").slice(0, 8).toUpperCase(),
    receivedOn: row.receivedOn,
    noticeTitle: row.noticeTitle,
    standardName: row.standardName ?? row.unitName,
    status: "received",
  };
}
