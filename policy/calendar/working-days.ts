import holidayData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { accept, type Outcome, type Refusal, refuse } from "../refusal";
import { addDays, dayOfWeek, type IsoDate, isIsoDate, yearOf } from "./dates";
import { type HolidaySourceKind, isWeekend } from "./holiday-sources";

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

/**
 * The built-in data: which package, which version, which years. Upgrading the package means checking its years
 * and changing this line (a test compares the version with the installed package).
 */
export const packagedCalendar = { packageName: "chinese-days", version: "1.5.7", from: 2004, to: 2026 } as const;

/** Years whose schedule the packaged data holds. */
export const packagedYears = { from: packagedCalendar.from, to: packagedCalendar.to } as const;

export function isPackagedYear(year: number): boolean {
  return year >= packagedYears.from && year <= packagedYears.to;
}

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

/** One year's schedule as stored: the dates and where they come from (SPEC §2). */
export interface HolidayYearEntry extends OfficerHolidayYear {
  sourceKind: HolidaySourceKind;
  /** The State Council notice's 文号 (国办发明电〔2025〕7号); null only for demo estimates. */
  documentNumber: string | null;
  note: string | null;
}

/** What the check needs to know besides the entry itself; the server reads it, policy/ has no clock. */
export interface HolidayYearFacts {
  /** Years already entered, with their source kind. */
  entered: ReadonlyMap<number, HolidaySourceKind>;
  /** This year in China. The State Council publishes next year's schedule, never one further ahead. */
  currentYear: number;
  /** The officer explicitly corrects a packaged year (the State Council changed a published schedule). */
  correction: boolean;
}

export type HolidayYearVerdict =
  | { ok: true; value: HolidayYearEntry; warnings: Refusal[] }
  | { ok: false; refusals: Refusal[]; warnings: Refusal[] };

/** A bracketed year in a 文号: 〔2025〕, [2025], ［2025］, 【2025】, (2025), （2025）. */
const documentNumberYear = /[〔[［【(（]\s*(\d{4})\s*[〕\]］】)）]/;

const weekdayZh = ["日", "一", "二", "三", "四", "五", "六"] as const;

/** The date checks shared by every source: real dates of the year, no date both off and working. */
function dateRefusals(entry: OfficerHolidayYear): Refusal[] {
  const refusals: Refusal[] = [];
  const lists = [
    ["holidays", entry.holidays],
    ["adjustedWorkingDays", entry.adjustedWorkingDays],
  ] as const;
  for (const [field, dates] of lists) {
    dates.forEach((date, index) => {
      if (!isIsoDate(date) || yearOf(date) !== entry.year) {
        refusals.push({
          code: "holiday-year-invalid-date",
          messageZh: `日期 ${date} 不是 ${entry.year} 年的有效日期。`,
          messageEn: `${date} is not a valid date in ${entry.year}.`,
          path: `${field}.${index}`,
        });
      }
    });
  }
  const holidays = new Set(entry.holidays);
  entry.adjustedWorkingDays.forEach((date, index) => {
    if (holidays.has(date)) {
      refusals.push({
        code: "holiday-year-conflict",
        messageZh: `${date} 不能既是放假日又是调休上班日。`,
        messageEn: `${date} cannot be both a holiday and an adjusted working day.`,
        path: `adjustedWorkingDays.${index}`,
      });
    }
  });
  if (entry.holidays.length === 0) {
    refusals.push({
      code: "holiday-year-no-holidays",
      messageZh: `请填写 ${entry.year} 年的放假日期（至少元旦、春节、国庆等法定节假日）。`,
      messageEn: `Enter the holidays of ${entry.year} (at least New Year, Spring Festival, National Day).`,
      path: "holidays",
    });
  }
  return refusals;
}

/** Checks an officer-entered year's dates before it is stored: dates in that year, no date both off and working. */
export function validateOfficerHolidayYear(entry: OfficerHolidayYear): Outcome<OfficerHolidayYear> {
  const [first] = dateRefusals(entry);
  return first ? refuse(first) : accept(entry);
}

/**
 * Checks a holiday year before it is saved (SPEC §2), every problem at once with its field:
 * - the year: after the packaged years (or replacing an entered one); a packaged year only as an explicit
 *   correction; not before the packaged data starts; not beyond next year (the State Council has not published it);
 * - the source: the notice's 文号 unless the kind is `demo`, written with its year in brackets (〔2025〕); a 文号
 *   whose year is neither the year before nor the year itself is a warning (a typo, or a late adjustment notice);
 *   a demo estimate never replaces a real schedule and carries no 文号;
 * - the dates: in the year, none both off and working, at least one holiday.
 * Warnings (an adjusted working day on a weekday, no 元旦) do not stop the save; the officer sees them.
 * The value has the dates sorted and without repeats.
 */
export function checkHolidayYearEntry(entry: HolidayYearEntry, facts: HolidayYearFacts): HolidayYearVerdict {
  const refusals: Refusal[] = [];
  const warnings: Refusal[] = [];
  const { year } = entry;
  const demo = entry.sourceKind === "demo";
  const current = facts.entered.get(year);
  const { packageName, version, from } = packagedCalendar;

  if (!Number.isInteger(year) || year < from) {
    refusals.push({
      code: "holiday-year-too-old",
      messageZh: `平台的节假日数据从 ${from} 年开始，不能录入 ${year} 年。`,
      messageEn: `The holiday calendar starts in ${from}; ${year} cannot be entered.`,
      path: "year",
    });
  } else if (isPackagedYear(year) && !facts.correction && current === undefined) {
    refusals.push({
      code: "holiday-year-packaged",
      messageZh: `${year} 年的放假安排已内置（${packageName} ${version}）。仅当国务院办公厅调整了该年安排时才需录入：请勾选「更正内置年份」并填写调整通知的文号。`,
      messageEn: `The ${year} schedule is built in (${packageName} ${version}). Enter it only when the State Council changed it: tick "correct a built-in year" and give the notice's document number.`,
      path: "year",
    });
  } else if (!demo && year > facts.currentYear + 1) {
    refusals.push({
      code: "holiday-year-not-published",
      messageZh: `国务院办公厅每年 11 月前后公布次年的放假安排；${year} 年的安排尚未公布，现在只能录入 ${facts.currentYear + 1} 年及以前的年份。`,
      messageEn: `The State Council publishes next year's schedule around November; the ${year} schedule is not out yet, so only years up to ${facts.currentYear + 1} can be entered now.`,
      path: "year",
    });
  }

  if (demo) {
    if (current !== undefined && current !== "demo") {
      refusals.push({
        code: "holiday-year-demo-over-real",
        messageZh: `${year} 年已按国务院办公厅通知录入，演示估算不能替换它。`,
        messageEn: `${year} was entered from the State Council's notice; a demo estimate cannot replace it.`,
        path: "year",
      });
    }
    if (entry.documentNumber !== null) {
      refusals.push({
        code: "holiday-year-demo-document-number",
        messageZh: "演示估算没有文号，不能填写文号。",
        messageEn: "A demo estimate has no document number.",
        path: "documentNumber",
      });
    }
  } else {
    const documentNumber = entry.documentNumber?.trim() ?? "";
    const bracketed = documentNumberYear.exec(documentNumber);
    if (documentNumber === "") {
      refusals.push({
        code: "holiday-year-document-number-missing",
        messageZh: `请填写国务院办公厅通知的文号（如 2026 年的安排为 国办发明电〔2025〕7号）。`,
        messageEn: `Enter the State Council notice's document number (the 2026 schedule was 国办发明电〔2025〕7号).`,
        path: "documentNumber",
      });
    } else if (!bracketed) {
      refusals.push({
        code: "holiday-year-document-number-form",
        messageZh: `文号“${documentNumber}”应写明发文年份，如 国办发明电〔2025〕7号。`,
        messageEn: `The document number "${documentNumber}" must give the year in brackets, e.g. 国办发明电〔2025〕7号.`,
        path: "documentNumber",
      });
    } else {
      const issued = Number(bracketed[1]);
      if (issued !== year - 1 && issued !== year) {
        warnings.push({
          code: "holiday-year-document-number-year",
          messageZh: `文号中的年份为 ${issued} 年；${year} 年的安排通常由 ${year - 1} 年的通知公布，请核对。`,
          messageEn: `The document number is of ${issued}; the ${year} schedule is normally published in ${year - 1}. Please check.`,
          path: "documentNumber",
        });
      }
    }
  }

  refusals.push(...dateRefusals(entry));
  entry.adjustedWorkingDays.forEach((date, index) => {
    if (isIsoDate(date) && !isWeekend(date)) {
      warnings.push({
        code: "holiday-year-weekday-working-day",
        messageZh: `${date} 是星期${weekdayZh[dayOfWeek(date)]}，本就是工作日；调休上班日通常是周六或周日，请核对。`,
        messageEn: `${date} is a weekday and a working day anyway; adjusted working days are normally Saturdays or Sundays.`,
        path: `adjustedWorkingDays.${index}`,
      });
    }
  });
  if (entry.holidays.length > 0 && !entry.holidays.includes(`${year}-01-01`)) {
    warnings.push({
      code: "holiday-year-no-new-year",
      messageZh: `放假日期中没有元旦（${year}-01-01），请核对。`,
      messageEn: `New Year's Day (${year}-01-01) is not among the holidays; please check.`,
      path: "holidays",
    });
  }

  if (refusals.length > 0) return { ok: false, refusals, warnings };
  const tidy = (dates: readonly IsoDate[]) => [...new Set(dates)].sort();
  return {
    ok: true,
    value: {
      ...entry,
      documentNumber: demo ? null : (entry.documentNumber?.trim() ?? null),
      note: entry.note?.trim() || null,
      holidays: tidy(entry.holidays),
      adjustedWorkingDays: tidy(entry.adjustedWorkingDays),
    },
    warnings,
  };
}

/**
 * The refusal for a count that reaches a year the calendar does not know. It tells the officer what to do: enter or
 * import that year's schedule from the State Council's notice, in 基础数据 › 节假日安排.
 */
function uncovered(year: number, calendar: WorkingDayCalendar): Outcome<never> {
  const { from, to } = packagedYears;
  if (year < from) {
    return refuse({
      code: "holiday-calendar-not-covered",
      messageZh: `${year} 年早于平台节假日数据的起始年份（${from} 年），无法按工作日计算，请核对日期。`,
      messageEn: `${year} is before the holiday calendar starts (${from}), so working days cannot be counted; check the date.`,
    });
  }
  const entered = [...calendar.coveredYears].filter((y) => !isPackagedYear(y)).sort((a, b) => a - b);
  const coveredZh = `平台内置 ${from}–${to} 年${entered.length > 0 ? `，已录入 ${entered.join("、")} 年` : ""}`;
  const coveredEn = `built in: ${from}–${to}${entered.length > 0 ? `; entered: ${entered.join(", ")}` : ""}`;
  return refuse({
    code: "holiday-calendar-not-covered",
    messageZh: `${year} 年的节假日安排尚未录入（${coveredZh}），无法按工作日计算期限。请省科技厅业务处室在「基础数据 › 节假日安排」中按国务院办公厅通知（填写文号）录入或导入 ${year} 年的放假与调休日期后重试。`,
    messageEn: `The public-holiday schedule for ${year} has not been entered (${coveredEn}), so working days cannot be counted. An officer of the department should enter or import the ${year} holidays and adjusted working days from the State Council's notice (with its document number) under "Reference data › Public holidays", then try again.`,
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
