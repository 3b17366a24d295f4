import { Flex, Tag } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { isWeekend } from "../../../../policy/calendar/holiday-sources";
import { useI18n } from "../../i18n/I18nProvider";

interface DateRun {
  from: string;
  to: string;
  days: number;
}

/** Consecutive days folded into runs, as the State Council's notice lists them (1月25日至31日，共7天). */
function dateRuns(dates: readonly string[]): DateRun[] {
  const runs: DateRun[] = [];
  for (const date of [...new Set(dates)].sort()) {
    const last = runs.at(-1);
    if (last && dayjs(last.to).add(1, "day").format("YYYY-MM-DD") === date) {
      last.to = date;
      last.days += 1;
    } else runs.push({ from: date, to: date, days: 1 });
  }
  return runs;
}

/**
 * The days of a holiday schedule as tags, in the UI's date form (2028年1月25日至31日（7 天）): holidays folded into
 * runs; adjusted working days one by one with their weekday, one that is not a Saturday or Sunday in orange.
 */
export function HolidayDateTags({
  dates,
  working = false,
  before,
}: {
  dates: readonly string[];
  working?: boolean;
  /** Shown first, on the same line (the preview's count). */
  before?: ReactNode;
}) {
  const { t, date, language } = useI18n();
  const runText = ({ from, to, days }: DateRun) => {
    if (from === to) return date(from);
    const start = dayjs(from);
    const end = dayjs(to);
    // 1月25日至31日, 1月28日至2月4日 — the year once, as the notice writes it.
    const toText =
      language === "zh" && start.year() === end.year()
        ? end.format(start.month() === end.month() ? "D日" : "M月D日")
        : date(to);
    return t("holidays.range", { from: date(from), to: toText, n: days });
  };
  return (
    <Flex wrap gap={4} align="center">
      {before}
      {working
        ? dates.map((day) => {
            const label = t("holidays.withWeekday", { date: date(day), weekday: dayjs(day).format("ddd") });
            return isWeekend(day) ? (
              <Tag key={day}>{label}</Tag>
            ) : (
              <Tag key={day} color="orange" title={t("holidays.notWeekend", { date: date(day) })}>
                {label}
              </Tag>
            );
          })
        : dateRuns(dates).map((run) => <Tag key={run.from}>{runText(run)}</Tag>)}
    </Flex>
  );
}
