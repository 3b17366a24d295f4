import { daysInMonth, formatIsoDate, type IsoDate, parseIsoDate } from "./dates";

/**
 * Calendar-month arithmetic, as offices count "3个月内" and "1年": the same day-of-month `months` later;
 * when that month is shorter, its last day (2025-11-30 + 3 months = 2026-02-28; 2024-02-29 + 1 year = 2025-02-28).
 * Month-end clamping means the result never spills into the next month, so a window never grows by a few days.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not an ISO date: ${date}`);
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatIsoDate({ year, month, day: Math.min(parts.day, daysInMonth(year, month)) });
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}
