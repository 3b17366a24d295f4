import { addDays, dayOfWeek, formatIsoDate, type IsoDate, isIsoDate, parseIsoDate } from "./dates";

/**
 * Where an entered holiday year comes from (SPEC §2). The one list: the database column, the API, the web and the
 * demo all take the kinds and their labels from here.
 * - state-council: typed in by an officer from the 国务院办公厅 notice (its 文号 required);
 * - file-import: imported from an Excel or CSV file made from that notice (文号 required);
 * - demo: estimated by the demo loader for a year nobody has published yet — never real data.
 */
export const holidaySourceKinds = ["state-council", "file-import", "demo"] as const;
export type HolidaySourceKind = (typeof holidaySourceKinds)[number];

export const holidaySourceLabels = {
  "state-council": { zh: "国务院办公厅通知（录入）", en: "State Council notice (entered)" },
  "file-import": { zh: "国务院办公厅通知（文件导入）", en: "State Council notice (imported file)" },
  demo: { zh: "演示数据（估算）", en: "Demo data (estimate)" },
} as const satisfies Record<HolidaySourceKind, { zh: string; en: string }>;

export function isHolidaySourceKind(value: unknown): value is HolidaySourceKind {
  return typeof value === "string" && (holidaySourceKinds as readonly string[]).includes(value);
}

/** The note every demo year carries, so nobody mistakes the estimate for the State Council's schedule. */
export const demoHolidayNote = "演示数据：按往年规律估算，并非国务院办公厅公布的放假安排";

/** The two columns of the import file (Excel or CSV), as the officer sees them. */
export const holidayImportColumns = { date: "日期", kind: "类型" } as const;

/** The words the 类型 column accepts: a day off, or an adjusted working day (调休上班). */
export const holidayDayKindWords = {
  放假: "holiday",
  休: "holiday",
  休息: "holiday",
  假: "holiday",
  上班: "working",
  班: "working",
  调休上班: "working",
  补班: "working",
} as const satisfies Record<string, "holiday" | "working">;

export type HolidayDayKind = "holiday" | "working";

export function holidayDayKindOf(word: string): HolidayDayKind | null {
  const key = word.trim();
  return Object.hasOwn(holidayDayKindWords, key) ? holidayDayKindWords[key as keyof typeof holidayDayKindWords] : null;
}

/** Problems of a typed date list, by token; the web shows them under the field as the officer types. */
export interface DateListProblem {
  token: string;
  reason: "unreadable" | "other-year" | "reversed-range" | "range-too-long";
}

const rangeSeparator = /\s*(?:~|～|至|到|—|–)\s*/g;
const longest = 31;

/** A date typed as 2027-01-01, 2027/1/1, 2027年1月1日, or — with the year known — 1-1, 01-01, 1月1日. */
function readDate(token: string, year: number): IsoDate | null {
  const text = token.trim().replace(/日$/, "");
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})$/.exec(text);
  const short = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})$/.exec(text);
  const parts = full
    ? { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) }
    : short
      ? { year, month: Number(short[1]), day: Number(short[2]) }
      : null;
  if (!parts) return null;
  const iso = formatIsoDate(parts);
  return isIsoDate(iso) ? iso : null;
}

/**
 * Reads the dates an officer types or pastes: items separated by commas, 、, semicolons or line breaks, each a date
 * or a range `2027-02-05~2027-02-11` (also ～, 至). Returns the dates sorted and without repeats, and what it could
 * not read — so ~30 dates of a year are typed as a handful of ranges.
 */
export function parseDateList(text: string, year: number): { dates: IsoDate[]; problems: DateListProblem[] } {
  const dates = new Set<IsoDate>();
  const problems: DateListProblem[] = [];
  const tokens = text
    .replace(rangeSeparator, "~")
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
  for (const token of tokens) {
    const [fromText, toText, ...rest] = token.split("~");
    const from = fromText ? readDate(fromText, year) : null;
    const to = toText === undefined ? from : readDate(toText, from ? (parseIsoDate(from)?.year ?? year) : year);
    if (!from || !to || rest.length > 0) {
      problems.push({ token, reason: "unreadable" });
      continue;
    }
    if (to < from) {
      problems.push({ token, reason: "reversed-range" });
      continue;
    }
    const span: IsoDate[] = [];
    for (let date = from; date <= to && span.length <= longest; date = addDays(date, 1)) span.push(date);
    if (span.length > longest) {
      problems.push({ token, reason: "range-too-long" });
      continue;
    }
    if (span.some((date) => parseIsoDate(date)?.year !== year)) {
      problems.push({ token, reason: "other-year" });
      continue;
    }
    for (const date of span) dates.add(date);
  }
  return { dates: [...dates].sort(), problems };
}

/** The reverse of `parseDateList`: consecutive days folded into ranges (2027-02-05~2027-02-11). */
export function formatDateList(dates: readonly IsoDate[]): string {
  const sorted = [...new Set(dates)].sort();
  const items: string[] = [];
  let start: IsoDate | undefined;
  let end: IsoDate | undefined;
  const flush = () => {
    if (start && end) items.push(start === end ? start : `${start}~${end}`);
  };
  for (const date of sorted) {
    if (end && addDays(end, 1) === date) {
      end = date;
      continue;
    }
    flush();
    start = date;
    end = date;
  }
  flush();
  return items.join(", ");
}

/** Saturday or Sunday: the days an adjusted working day (调休上班) normally falls on. */
export function isWeekend(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}
