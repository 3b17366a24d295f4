/**
 * Plain calendar dates as ISO `YYYY-MM-DD` strings. policy/ has no clock: every "today" is an argument.
 * Arithmetic goes through a day number (days since 1970-01-01, UTC) so no time zone can shift a date.
 */
export type IsoDate = string;

const isoShape = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a real calendar date (1000–9999), or null for anything else ("2025-02-30", "2025-2-1"). */
export function parseIsoDate(value: string): DateParts | null {
  const match = isoShape.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && parseIsoDate(value) !== null;
}

function partsOf(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not an ISO date: ${date}`);
  return parts;
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  return Math.round(Date.UTC(year, month - 1, day) / dayMs);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const date = new Date(dayNumber * dayMs);
  return formatIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return partsOf(date).year;
}

/** ISO strings of the same shape compare as dates. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * A date as Chinese letters and forms write it, in Arabic numerals without leading zeros: 2027-03-31 → 2027年3月31日.
 * (The recognition notice's 成文日期 uses Chinese numerals instead: server/documents/recognition-notice.ts.)
 */
export function officeDate(isoDate: IsoDate): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
