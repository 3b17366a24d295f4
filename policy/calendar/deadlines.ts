import { defaultSettings, type InterpretationSettings } from "../settings";
import { addMonths, addYears } from "./calendar-months";
import { addDays, type IsoDate, yearOf } from "./dates";

/** An inclusive range of dates. */
export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

/**
 * "近3年" counted back from the reference date (the call's deadline). Rolling (default): from the same day
 * three years earlier to the reference date, both inclusive. Calendar years: the complete years before the
 * reference date's year.
 */
export function lookBackWindow(referenceDate: IsoDate, settings: InterpretationSettings = defaultSettings): DateWindow {
  const years = settings.lookBackYears;
  if (settings.lookBackMode === "calendar-years") {
    const year = yearOf(referenceDate);
    return { start: `${year - years}-01-01`, end: `${year - 1}-12-31` };
  }
  return { start: addYears(referenceDate, -years), end: referenceDate };
}

export function isWithin(date: IsoDate, window: DateWindow): boolean {
  return date >= window.start && date <= window.end;
}

/** Whether a period [start, end] (end absent: a single day) overlaps the window. */
export function overlaps(start: IsoDate, end: IsoDate | undefined, window: DateWindow): boolean {
  return start <= window.end && (end ?? start) >= window.start;
}

/** Art. 9.3 "每年": the complete calendar years before the reference date's year (2026-03-31 → 2023, 2024, 2025). */
export function lastCompleteYears(referenceDate: IsoDate, count: number): number[] {
  const year = yearOf(referenceDate);
  return Array.from({ length: count }, (_, index) => year - count + index);
}

/** Art. 18.5: the last day a major change may be filed with the province (3 calendar months, month-end clamped). */
export function changeReportDeadline(changeDate: IsoDate, settings: InterpretationSettings = defaultSettings): IsoDate {
  return addMonths(changeDate, settings.changeReportMonths);
}

/** Art. 18.5: on time when filed on or before the deadline. */
export function isChangeReportOnTime(
  changeDate: IsoDate,
  filedDate: IsoDate,
  settings: InterpretationSettings = defaultSettings,
): boolean {
  return filedDate <= changeReportDeadline(changeDate, settings);
}

/** Art. 24: the last day of the one-year rectification that starts on `start` (the grade's notification date). */
export function rectificationEnd(start: IsoDate, settings: InterpretationSettings = defaultSettings): IsoDate {
  return addDays(addMonths(start, settings.rectificationMonths), -1);
}

/** Art. 20, 24: the first day a unit may be recognized again (the third anniversary of the revocation). */
export function banEnd(revocationDate: IsoDate, settings: InterpretationSettings = defaultSettings): IsoDate {
  return addYears(revocationDate, settings.banYears);
}

/** Art. 20, 24: barred while the reference date is before the revocation date plus 3 years. */
export function isBanned(
  revocationDate: IsoDate,
  referenceDate: IsoDate,
  settings: InterpretationSettings = defaultSettings,
): boolean {
  return referenceDate < banEnd(revocationDate, settings);
}

/** Art. 31: the last day the measures apply (valid 5 years from issuance: 2025-10-26 → 2030-10-25). */
export function validityEnd(effectiveFrom: IsoDate, settings: InterpretationSettings = defaultSettings): IsoDate {
  return addDays(addYears(effectiveFrom, settings.measuresValidityYears), -1);
}
