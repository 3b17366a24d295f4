import holidayData from "chinese-days/dist/chinese-days.json";
import { accept, type Outcome, refuse } from "../refusal";
import { addDays, dayOfWeek, type IsoDate, isIsoDate, yearOf } from "./dates";

/**
 * Working days with Chinese public holidays and adjusted working days (调休).
 * Data: the `chinese-days` package (1.5.7), read from its JSON so no time zone can shift a date. It covers
 * 2004–2026 and would silently treat later years as holiday-free, so we keep our own covered-years table and
 * refuse any count that reaches a year outside it. The State Council publishes each year's schedule around
 * November; officers enter it as an `OfficerHolidayYear` (passed in by the server) until the package has it.
 */
export interface OfficerHolidayYear {
  year: number;
  /** Days off (法定节假日 and the rest days around them), weekends included or not. */
  holidays: IsoDate[];
  /** Weekend days that are working days (调休上班). */
  adjustedWorkingDays: IsoDate[];
}

interface HolidayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const packaged = holidayData as HolidayData;

/** Years whose schedule the packaged data holds. */
export const packagedYears = { from: 2004, to: 2026 } as const;

export interface WorkingDayCalendar {
  coveredYears: ReadonlySet<number>;
  holidays: ReadonlySet<IsoDate>;
  adjustedWorkingDays: ReadonlySet<IsoDate>;
}

/** The packaged calendar plus officer-entered years (an entered year replaces the packaged one). */
export function buildWorkingDayCalendar(extraYears: readonly OfficerHolidayYear[] = []): WorkingDayCalendar {
  const replaced = new Set(extraYears.map((entry) => entry.year));
  const keep = (date: string) => !replaced.has(Number(date.slice(0, 4)));
  const holidays = new Set(Object.keys(packaged.holidays).filter(keep));
  const adjustedWorkingDays = new Set(Object.keys(packaged.workdays).filter(keep));
  const coveredYears = new Set<number>();
  for (let year = packagedYears.from; year <= packagedYears.to; year += 1) coveredYears.add(year);
  for (const entry of extraYears) {
    coveredYears.add(entry.year);
    for (const date of entry.holidays) holidays.add(date);
    for (const date of entry.adjustedWorkingDays) adjustedWorkingDays.add(date);
  }
  return { coveredYears, holidays, adjustedWorkingDays };
}

const defaultCalendar = buildWorkingDayCalendar();

function calendarFor(extraYears?: readonly OfficerHolidayYear[]): WorkingDayCalendar {
  return extraYears && extraYears.length > 0 ? buildWorkingDayCalendar(extraYears) : defaultCalendar;
}

/** Checks an officer-entered year before it is stored: dates in that year, no date both off and working. */
export function validateOfficerHolidayYear(entry: OfficerHolidayYear): Outcome<OfficerHolidayYear> {
  const all = [...entry.holidays, ...entry.adjustedWorkingDays];
  const bad = all.find((date) => !isIsoDate(date) || yearOf(date) !== entry.year);
  if (bad !== undefined) {
    return refuse({
      code: "holiday-year-invalid-date",
      messageZh: `日期 ${bad} 不是 ${entry.year} 年的有效日期。`,
      messageEn: `${bad} is not a valid date in ${entry.year}.`,
    });
  }
  const both = entry.holidays.find((date) => entry.adjustedWorkingDays.includes(date));
  if (both !== undefined) {
    return refuse({
      code: "holiday-year-conflict",
      messageZh: `${both} 不能既是节假日又是调休工作日。`,
      messageEn: `${both} cannot be both a holiday and an adjusted working day.`,
    });
  }
  return accept(entry);
}

function uncovered(year: number, calendar: WorkingDayCalendar): Outcome<never> {
  const years = [...calendar.coveredYears].sort((a, b) => a - b);
  return refuse({
    code: "holiday-calendar-not-covered",
    messageZh: `${year} 年的节假日安排尚未录入（已覆盖 ${years[0]}–${years.at(-1)} 年及单独录入的年份），无法按工作日计算；请管理员录入国务院公布的 ${year} 年节假日安排。`,
    messageEn: `The public-holiday schedule for ${year} is not known (covered: ${years[0]}–${years.at(-1)} and any entered years), so working days cannot be counted; an officer must enter the State Council's ${year} schedule.`,
  });
}

function isWorkingDayIn(date: IsoDate, calendar: WorkingDayCalendar): boolean {
  if (calendar.adjustedWorkingDays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

/** Whether a date is a working day; refused for a year the calendar does not cover. */
export function isWorkingDay(date: IsoDate, extraYears?: readonly OfficerHolidayYear[]): Outcome<boolean> {
  const calendar = calendarFor(extraYears);
  if (!calendar.coveredYears.has(yearOf(date))) return uncovered(yearOf(date), calendar);
  return accept(isWorkingDayIn(date, calendar));
}

/** The `count`-th working day after `start` (start itself not counted); count 0 returns start. */
export function addWorkingDays(
  start: IsoDate,
  count: number,
  extraYears?: readonly OfficerHolidayYear[],
): Outcome<IsoDate> {
  const calendar = calendarFor(extraYears);
  let date = start;
  let remaining = count;
  const step = count >= 0 ? 1 : -1;
  if (!calendar.coveredYears.has(yearOf(date))) return uncovered(yearOf(date), calendar);
  while (remaining !== 0) {
    date = addDays(date, step);
    if (!calendar.coveredYears.has(yearOf(date))) return uncovered(yearOf(date), calendar);
    if (isWorkingDayIn(date, calendar)) remaining -= step;
  }
  return accept(date);
}

/** Working days from `from` to `to`, both inclusive (0 when `to` is before `from`). */
export function countWorkingDays(
  from: IsoDate,
  to: IsoDate,
  extraYears?: readonly OfficerHolidayYear[],
): Outcome<number> {
  const calendar = calendarFor(extraYears);
  let count = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!calendar.coveredYears.has(yearOf(date))) return uncovered(yearOf(date), calendar);
    if (isWorkingDayIn(date, calendar)) count += 1;
  }
  return accept(count);
}

/**
 * The last day of a public notice (公示) of `days` working days starting on `start`. The start day counts as
 * day 1 when it is a working day (2023-11-08 → 2023-11-14); a notice posted on a day off starts on the next
 * working day.
 */
export function publicNoticeEnd(
  start: IsoDate,
  days = 5,
  extraYears?: readonly OfficerHolidayYear[],
  startDayCounts = true,
): Outcome<IsoDate> {
  const first = isWorkingDay(start, extraYears);
  if (!first.ok) return first;
  if (first.value && startDayCounts) return addWorkingDays(start, days - 1, extraYears);
  return addWorkingDays(start, days, extraYears);
}
