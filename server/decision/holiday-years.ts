import { asc, eq, inArray } from "drizzle-orm";
import type { HolidaySourceKind } from "../../policy/calendar/holiday-sources";
import type { HolidayYearEntry, OfficerHolidayYear } from "../../policy/calendar/working-days";
import type { Executor } from "../db/client";
import { accounts, holidayYears } from "../db/schema";
import { parseStored } from "../db/stored-json";

/** One entered holiday year as the platform knows it: the schedule, its source, who entered it and when. */
export interface HolidayYearRecord extends HolidayYearEntry {
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type HolidayYearRow = typeof holidayYears.$inferSelect;

/** The one place a holiday_years row becomes a record (the column names differ from policy's); its dates parsed. */
function toRecord(row: HolidayYearRow): HolidayYearRecord {
  return {
    year: row.year,
    holidays: parseStored("holiday_years.holidays", row.holidays, String(row.year)),
    adjustedWorkingDays: parseStored("holiday_years.workdays", row.workdays, String(row.year)),
    sourceKind: row.sourceKind,
    documentNumber: row.documentNumber,
    note: row.note,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A record as the row to write (the reverse of `toRecord`). */
export function toHolidayYearRow(record: HolidayYearRecord): HolidayYearRow {
  return {
    year: record.year,
    holidays: record.holidays,
    workdays: record.adjustedWorkingDays,
    sourceKind: record.sourceKind,
    documentNumber: record.documentNumber,
    note: record.note,
    createdBy: record.createdBy,
    updatedBy: record.updatedBy,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** Every entered year, oldest first. */
export async function holidayYearRecords(executor: Executor): Promise<HolidayYearRecord[]> {
  const rows = await executor.select().from(holidayYears).orderBy(asc(holidayYears.year));
  return rows.map(toRecord);
}

/** One entered year, or null; `lock` takes the row for the rest of the transaction (save and delete). */
export async function holidayYearRecord(
  executor: Executor,
  year: number,
  options: { lock?: boolean } = {},
): Promise<HolidayYearRecord | null> {
  const query = executor.select().from(holidayYears).where(eq(holidayYears.year, year));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ? toRecord(row) : null;
}

/** The holiday years officers entered (holiday_years), passed to the working-day calendar of policy/. */
export async function officerHolidayYears(executor: Executor): Promise<OfficerHolidayYear[]> {
  const records = await holidayYearRecords(executor);
  return records.map(({ year, holidays, adjustedWorkingDays }) => ({ year, holidays, adjustedWorkingDays }));
}

/** Entered years by source kind: the facts policy's check needs (replace, demo over real). */
export async function enteredHolidayYearKinds(executor: Executor): Promise<Map<number, HolidaySourceKind>> {
  const rows = await executor
    .select({ year: holidayYears.year, sourceKind: holidayYears.sourceKind })
    .from(holidayYears);
  return new Map(rows.map((row) => [row.year, row.sourceKind]));
}

/** Display names of the accounts that entered years, for the list (an account may have been removed: null). */
export async function holidayYearEditors(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: accounts.id, name: accounts.displayName })
    .from(accounts)
    .where(inArray(accounts.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
