import chineseDays from "chinese-days";
import { addDays, formatIsoDate, type IsoDate } from "../../policy/calendar/dates";
import { demoHolidayNote } from "../../policy/calendar/holiday-sources";
import { buildWorkingDayCalendar } from "../../policy/calendar/working-days";
import type { Invocation } from "../commands/command";
import { saveHolidayYear } from "../commands/holiday-years";
import { officerHolidayYears } from "../decision/holiday-years";

/** The solar date of a lunar month and day in a Gregorian year's lunar year (the non-leap month). */
function lunarToSolar(year: number, month: number, day: number): IsoDate {
  // chinese-days reads a string as UTC midnight but its parts in local time, which is a day early west of UTC;
  // a local Date is read the same way in every time zone.
  return chineseDays.getSolarDateFromLunar(new Date(year, month - 1, day)).date;
}

/** 清明 (the solar term's day, April 4 or 5 this century), by the usual formula ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋. */
function qingming(year: number): IsoDate {
  const y = year % 100;
  return formatIsoDate({ year, month: 4, day: Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4) });
}

const span = (from: IsoDate, days: number) => Array.from({ length: days }, (_, index) => addDays(from, index));

/**
 * An estimate of a year's public holidays for the demo, from the usual pattern — never the State Council's schedule:
 * 元旦 01-01; 春节 from lunar new year's eve through the 7th day (8 days, as in 2025); 清明 the solar term's day;
 * 劳动节 05-01–05-05; 端午 lunar 5-5; 中秋 lunar 8-15; 国庆 10-01–10-07. The rest days bridged to weekends and the
 * adjusted working days (调休) are not guessed: the list of those is left empty.
 */
export function estimateHolidaySchedule(year: number): { holidays: IsoDate[]; adjustedWorkingDays: IsoDate[] } {
  const newYear = lunarToSolar(year, 1, 1);
  const holidays = new Set<IsoDate>([
    `${year}-01-01`,
    ...span(addDays(newYear, -1), 8),
    qingming(year),
    ...span(`${year}-05-01`, 5),
    lunarToSolar(year, 5, 5),
    lunarToSolar(year, 8, 15),
    ...span(`${year}-10-01`, 7),
  ]);
  return { holidays: [...holidays].sort(), adjustedWorkingDays: [] };
}

/**
 * For the demo only: records an estimated schedule (kind `demo`, no 文号, the demo note) for each of `years` the
 * calendar does not cover — neither packaged nor entered — through the same command officers use, so the demo's
 * working-day counts can run. Returns the years it recorded. Never shipped as data; created when the demo loads.
 */
export async function recordDemoHolidayYears(officer: Invocation, years: readonly number[]): Promise<number[]> {
  const covered = buildWorkingDayCalendar(await officerHolidayYears(officer.deps.database.db)).coveredYears;
  const missing = [...new Set(years)].filter((year) => !covered.has(year)).sort((a, b) => a - b);
  const recorded: number[] = [];
  for (const year of missing) {
    await saveHolidayYear(officer, {
      year,
      sourceKind: "demo",
      documentNumber: null,
      note: demoHolidayNote,
      ...estimateHolidaySchedule(year),
    });
    recorded.push(year);
  }
  return recorded;
}
