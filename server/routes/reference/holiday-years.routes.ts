import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  holidayYearDeleteInput,
  holidayYearImportFields,
  holidayYearInput,
  holidayYearList,
  holidayYearParams,
  holidayYearSaved,
  type holidayYearSchema,
} from "../../../contracts/reference";
import { isPackagedYear, packagedCalendar } from "../../../policy/calendar/working-days";
import type { Refusal } from "../../../policy/refusal";
import { authorize } from "../../access/scope";
import { deleteHolidayYear, type SavedHolidayYear, saveHolidayYear } from "../../commands/holiday-years";
import type { Executor } from "../../db/client";
import { type HolidayYearRecord, holidayYearEditors, holidayYearRecords } from "../../decision/holiday-years";
import { callerOf, invocationOf } from "../../http/request-context";
import { badRequest, fieldErrors } from "../../http/validation";
import type { FileStore } from "../../storage/files";
import { mediaTypes } from "../applications/application-documents.routes";
import { readUpload, sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";
import { holidayImportTemplate, readHolidayFile } from "./holiday-year-file";

const tags = ["reference"];
const maxImportBytes = 2 * 1024 * 1024;

type HolidayYearView = z.infer<typeof holidayYearSchema>;

/** A record as the API shows it: the source, who entered it (display names), the dates and their counts. */
async function present(executor: Executor, records: readonly HolidayYearRecord[]): Promise<HolidayYearView[]> {
  const ids = records.flatMap((record) => [record.createdBy, record.updatedBy]).filter((id) => id !== null);
  const names = await holidayYearEditors(executor, ids);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return records.map((record) => ({
    year: record.year,
    sourceKind: record.sourceKind,
    documentNumber: record.documentNumber,
    note: record.note,
    isDemo: record.sourceKind === "demo",
    correctsPackaged: isPackagedYear(record.year),
    enteredBy: nameOf(record.createdBy),
    updatedBy: nameOf(record.updatedBy),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    holidays: record.holidays,
    adjustedWorkingDays: record.adjustedWorkingDays,
    holidayCount: record.holidays.length,
    adjustedWorkingDayCount: record.adjustedWorkingDays.length,
  }));
}

const warningView = (warning: Refusal) => ({
  code: warning.code,
  path: warning.path ?? "",
  messageZh: warning.messageZh,
  messageEn: warning.messageEn,
});

async function presentSaved(executor: Executor, saved: SavedHolidayYear) {
  const [year] = await present(executor, [saved.record]);
  return { year: year!, created: saved.created, warnings: saved.warnings.map(warningView) };
}

/**
 * 基础数据 › 节假日安排 (SPEC §2): the packaged calendar's years and the years officers entered from the State
 * Council's notices — typed in, imported from Excel/CSV, or estimated for the demo. Everyone who reads reference
 * data reads the list (`reference.read`); officers write it (`reference.manage`).
 */
export async function holidayYearRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;

  app.get(
    "/api/reference/holiday-years",
    {
      config: { ability: "reference.read" },
      schema: {
        tags,
        summary: "节假日安排（内置年份与录入年份）/ public-holiday schedules, packaged and entered",
        response: { 200: holidayYearList, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "reference.read");
      const { packageName, version, from, to } = packagedCalendar;
      return { packaged: { packageName, version, from, to }, years: await present(db, await holidayYearRecords(db)) };
    },
  );

  app.get(
    "/api/reference/holiday-years/import-template",
    {
      config: { ability: "reference.manage" },
      schema: { tags, summary: "节假日安排导入模板 / the import template", response: errorResponses },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "reference.manage");
      return sendDownload(reply, {
        name: "节假日安排导入模板.xlsx",
        mediaType: mediaTypes.xlsx,
        content: await holidayImportTemplate(),
      });
    },
  );

  app.put(
    "/api/reference/holiday-years/:year",
    {
      config: { ability: "reference.manage" },
      schema: {
        tags,
        summary: "录入或修改一年的节假日安排（国务院办公厅通知）/ enter or replace a year's schedule",
        params: holidayYearParams,
        body: holidayYearInput,
        response: { 200: holidayYearSaved, 201: holidayYearSaved, ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "reference.manage");
      const saved = await saveHolidayYear(invocationOf(deps, request), {
        ...request.body,
        year: request.params.year,
        sourceKind: "state-council",
      });
      return reply.code(saved.created ? 201 : 200).send(await presentSaved(db, saved));
    },
  );

  app.post(
    "/api/reference/holiday-years/import",
    {
      config: { ability: "reference.manage" },
      schema: {
        tags,
        summary: "从 Excel/CSV 导入一年的节假日安排（日期、类型两列，另填文号）/ import a year's schedule",
        response: { 200: holidayYearSaved, 201: holidayYearSaved, ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(db, callerOf(request), "reference.manage");
      const upload = await readUpload(request, store, maxImportBytes);
      const fields = holidayYearImportFields.safeParse(upload.fields);
      if (!fields.success) throw badRequest(fieldErrors(holidayYearImportFields, upload.fields) ?? []);
      // Parsed whole, so read back into memory: ≤ 2 MB, officers only.
      const content = await readFile(upload.content.path);
      const file = await readHolidayFile(upload.name, content, fields.data.year);
      const saved = await saveHolidayYear(invocationOf(deps, request), {
        year: file.year,
        sourceKind: "file-import",
        documentNumber: fields.data.documentNumber,
        note: fields.data.note,
        holidays: file.holidays,
        adjustedWorkingDays: file.adjustedWorkingDays,
        correction: fields.data.correction,
        fileName: file.fileName,
      });
      return reply.code(saved.created ? 201 : 200).send({ ...(await presentSaved(db, saved)), rows: file.rows });
    },
  );

  app.delete(
    "/api/reference/holiday-years/:year",
    {
      config: { ability: "reference.manage" },
      schema: {
        tags,
        summary: "删除录入的节假日安排（须填原因）/ delete an entered year, with a reason",
        params: holidayYearParams,
        body: holidayYearDeleteInput,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "reference.manage");
      await deleteHolidayYear(invocationOf(deps, request), { year: request.params.year, reason: request.body.reason });
      return { ok: true as const };
    },
  );
}
