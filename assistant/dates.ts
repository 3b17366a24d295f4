import { formatIsoDate, type IsoDate, isIsoDate } from "../policy/calendar/dates";
import { numeralValue } from "./text";

/**
 * Dates as people write them in a question: 2026年3月15日, 3月15日 (this year), 三月十五日, 2026-03-15, 2026/3/15,
 * 2026.3.15, and in English 31 March 2026, March 31, 2026, 31 Mar (this year). The year, when left out, is the
 * year of `today` — the server's clock passed in, never the machine's. Impossible dates (2月30日) are dropped.
 */
export interface FoundDate {
  date: IsoDate;
  /** The text it was read from. */
  text: string;
  /** Where in the question. */
  index: number;
  /** The year was not written and was taken from today. */
  yearAssumed: boolean;
}

const months = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

function monthOf(name: string): number | null {
  const lower = name.toLowerCase();
  const index = months.findIndex((month) => month === lower || (lower.length >= 3 && month.startsWith(lower)));
  return index < 0 ? null : index + 1;
}

const numeral = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const patterns: { regex: RegExp; read: (match: RegExpExecArray) => [number | null, number | null, number | null] }[] = [
  {
    // 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日, 2026年3月15号
    regex: /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日|号)?/g,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    // 3月15日, 三月十五日, 3月15号
    regex: new RegExp(`${numeral}\\s*月\\s*${numeral}\\s*(?:日|号)`, "g"),
    read: (m) => [null, numeralValue(m[1] ?? ""), numeralValue(m[2] ?? "")],
  },
  {
    // 31 March 2026, 31 Mar 2026, 31st of March
    regex: /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?\b/g,
    read: (m) => [m[3] ? Number(m[3]) : null, monthOf(m[2] ?? ""), Number(m[1])],
  },
  {
    // March 31, 2026; March 31 2026; Mar 31
    regex: /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b/g,
    read: (m) => [m[3] ? Number(m[3]) : null, monthOf(m[1] ?? ""), Number(m[2])],
  },
];

/** Every date written in the text, in the order written; overlapping readings keep the first (the fullest) one. */
export function findDates(text: string, today: IsoDate): FoundDate[] {
  const currentYear = Number(today.slice(0, 4));
  const found: FoundDate[] = [];
  const taken: [number, number][] = [];
  for (const { regex, read } of patterns) {
    for (const match of text.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      const [year, month, day] = read(match);
      if (month === null || day === null) continue;
      const date = formatIsoDate({ year: year ?? currentYear, month, day });
      if (!isIsoDate(date)) continue;
      taken.push([start, end]);
      found.push({ date, text: match[0].trim(), index: start, yearAssumed: year === null });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
