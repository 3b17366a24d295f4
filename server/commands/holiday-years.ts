import { eq } from "drizzle-orm";
import { type IsoDate, yearOf } from "../../policy/calendar/dates";
import type { HolidaySourceKind } from "../../policy/calendar/holiday-sources";
import { checkHolidayYearEntry, isPackagedYear, packagedCalendar } from "../../policy/calendar/working-days";
import type { Refusal } from "../../policy/refusal";
import { chinaDate } from "../clock";
import { holidayYears } from "../db/schema";
import {
  enteredHolidayYearKinds,
  type HolidayYearRecord,
  holidayYearRecord,
  toHolidayYearRow,
} from "../decision/holiday-years";
import { Refused, refused } from "../domain/refused";
import { execute, type Invocation } from "./command";

export interface SaveHolidayYearInput {
  year: number;
  sourceKind: HolidaySourceKind;
  /** The State Council notice's 文号; null only for a demo estimate. */
  documentNumber: string | null;
  note: string | null;
  holidays: IsoDate[];
  adjustedWorkingDays: IsoDate[];
  /** The officer explicitly corrects a packaged year (the State Council changed a published schedule). */
  correction?: boolean;
  /** The imported file's name, recorded in the audit entry. */
  fileName?: string;
}

export interface SavedHolidayYear {
  record: HolidayYearRecord;
  created: boolean;
  /** What the officer should check, though it did not stop the save (policy's warnings). */
  warnings: Refusal[];
}

const target = (year: number) => ({ type: "holiday-year", id: String(year) });

/** What the audit entry keeps of a year: the schedule and its source, not the bookkeeping columns. */
function auditView(record: HolidayYearRecord) {
  const { year, sourceKind, documentNumber, note, holidays, adjustedWorkingDays } = record;
  return { year, sourceKind, documentNumber, note, holidays, adjustedWorkingDays };
}

/** Policy's refusals as one rule refusal (422), every field at fault listed. */
function scheduleRefused(refusals: readonly Refusal[]): Refused {
  const [first] = refusals;
  const more = refusals.length > 1;
  return refused.rule({
    code: first?.code ?? "holiday-year-invalid",
    messageZh: more ? `节假日安排有 ${refusals.length} 处问题：${first?.messageZh}` : (first?.messageZh ?? ""),
    messageEn: more ? `The schedule has ${refusals.length} problems: ${first?.messageEn}` : (first?.messageEn ?? ""),
    errors: refusals.map((refusal) => ({
      path: refusal.path ?? "",
      messageZh: refusal.messageZh,
      messageEn: refusal.messageEn,
    })),
  });
}

/**
 * Saves one year's public-holiday schedule (SPEC §2): creates it, or replaces the entered one. Policy checks the
 * year, the source (文号 unless demo) and the dates (`checkHolidayYearEntry`); a refusal is a 422 naming every
 * field. One transaction with the audit entry, which keeps the year as it was before and as it is after.
 */
export async function saveHolidayYear(invocation: Invocation, input: SaveHolidayYearInput): Promise<SavedHolidayYear> {
  const { deps, actor } = invocation;
  const action = input.sourceKind === "file-import" ? "reference.holiday-year.import" : "reference.holiday-year.save";
  return execute(deps, actor, action, target(input.year), async (context) => {
    const before = await holidayYearRecord(context.tx, input.year, { lock: true });
    const now = context.clock.now();
    const verdict = checkHolidayYearEntry(
      {
        year: input.year,
        sourceKind: input.sourceKind,
        documentNumber: input.documentNumber,
        note: input.note,
        holidays: input.holidays,
        adjustedWorkingDays: input.adjustedWorkingDays,
      },
      {
        entered: await enteredHolidayYearKinds(context.tx),
        currentYear: yearOf(chinaDate(now)),
        correction: input.correction ?? false,
      },
    );
    if (!verdict.ok) throw scheduleRefused(verdict.refusals);
    const record: HolidayYearRecord = {
      ...verdict.value,
      createdBy: before ? before.createdBy : context.actor.accountId,
      createdAt: before ? before.createdAt : now,
      updatedBy: context.actor.accountId,
      updatedAt: now,
    };
    const { year: _year, createdAt: _createdAt, createdBy: _createdBy, ...replaced } = toHolidayYearRow(record);
    await context.tx
      .insert(holidayYears)
      .values(toHolidayYearRow(record))
      .onConflictDoUpdate({ target: holidayYears.year, set: replaced });
    await context.audit({
      changes: {
        before: before ? auditView(before) : null,
        after: auditView(record),
        ...(input.correction && isPackagedYear(input.year) ? { correctsPackaged: packagedCalendar.version } : {}),
        ...(input.fileName ? { fileName: input.fileName } : {}),
        ...(verdict.warnings.length > 0 ? { warnings: verdict.warnings.map((warning) => warning.code) } : {}),
      },
    });
    return { record, created: before === null, warnings: verdict.warnings };
  });
}

/**
 * Deletes an entered year, with the officer's reason in the audit entry. Counts that reach the year are refused
 * again from then on (a packaged year falls back to the package's data); 公示 already published keep the end date
 * computed when they were published, so a year in use is not protected from deletion.
 */
export async function deleteHolidayYear(
  invocation: Invocation,
  options: { year: number; reason: string },
): Promise<HolidayYearRecord> {
  const { deps, actor } = invocation;
  const { year, reason } = options;
  return execute(deps, actor, "reference.holiday-year.delete", target(year), async (context) => {
    const before = await holidayYearRecord(context.tx, year, { lock: true });
    if (!before) {
      if (isPackagedYear(year)) {
        throw refused.conflict({
          code: "holiday-year-packaged",
          messageZh: `${year} 年的放假安排为平台内置数据（${packagedCalendar.packageName} ${packagedCalendar.version}），不能删除。`,
          messageEn: `The ${year} schedule is built in (${packagedCalendar.packageName} ${packagedCalendar.version}) and cannot be deleted.`,
        });
      }
      throw new Refused("not-found", {
        code: "not-found",
        messageZh: `${year} 年的节假日安排尚未录入。`,
        messageEn: `No public-holiday schedule has been entered for ${year}.`,
      });
    }
    await context.tx.delete(holidayYears).where(eq(holidayYears.year, year));
    await context.audit({ changes: { before: auditView(before), after: null }, reason });
    return before;
  });
}
