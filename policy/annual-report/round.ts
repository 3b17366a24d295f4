import { type IsoDate, yearOf } from "../calendar/dates";
import type { FieldIssue } from "../refusal";

/** Base states that take part in a year's evaluation: every base still in the series (Art. 22, 24). */
export const evaluatedBaseStates = ["active", "rectifying", "revocation-proposed"] as const;

/**
 * Which bases report on a year (Art. 22): those still in the series and recognized by the year's last day. A base
 * recognized late in the year reports on that part of it (docs/interpretations.md).
 */
export function reportsOnYear(base: { status: string; recognizedOn: string }, year: number): boolean {
  return (evaluatedBaseStates as readonly string[]).includes(base.status) && base.recognizedOn <= `${year}-12-31`;
}

/**
 * A round's dates (Art. 22): it reports on a complete calendar year, so the report deadline falls after that year,
 * and not before today (a deadline already past would mark every base 不合格 at once).
 */
export function roundDateIssues(year: number, reportDeadline: IsoDate, today: IsoDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (year > yearOf(today)) {
    issues.push({
      path: "year",
      article: "22",
      messageZh: `${year} 年尚未开始，不能开展该年度考核。`,
      messageEn: `The year ${year} has not begun.`,
    });
  }
  if (reportDeadline <= `${year}-12-31`) {
    issues.push({
      path: "reportDeadline",
      article: "22",
      messageZh: `报告截止日期应在 ${year} 年结束之后。`,
      messageEn: `The report deadline must fall after the end of ${year}.`,
    });
  } else if (reportDeadline < today) {
    issues.push({
      path: "reportDeadline",
      article: "22",
      messageZh: "报告截止日期不能早于今天。",
      messageEn: "The report deadline cannot be in the past.",
    });
  }
  return issues;
}
