import type { StatisticsChart } from "../../contracts/statistics";
import { computeDeadlines, deadlineKinds } from "../../policy/deadlines/deadlines";
import type { ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { loadDeadlineFacts } from "../deadlines/deadline-facts";
import { CountMatrix } from "./matrix";

/** The next 90 days, as the 期限提醒 page shows by default. */
const horizonDays = 90;
const severities = [
  { key: "overdue", labelZh: "已逾期", labelEn: "Overdue" },
  { key: "urgent", labelZh: "7日内到期", labelEn: "Due within 7 days" },
  { key: "upcoming", labelZh: "90日内到期", labelEn: "Due within 90 days" },
  { key: "info", labelZh: "提示", labelEn: "For information" },
];

/**
 * 期限提醒 at a glance: the deadlines of server/deadlines in the same scope (SPEC §6), counted by kind and urgency.
 */
export async function deadlineStatistics(
  executor: Executor,
  scope: ResolvedScope,
  today: string,
): Promise<StatisticsChart> {
  const facts = await loadDeadlineFacts(executor, { scope }, today);
  const matrix = new CountMatrix(
    severities,
    deadlineKinds.map((kind) => ({ key: kind.code, labelZh: kind.labelZh, labelEn: kind.labelEn })),
  );
  for (const item of computeDeadlines(facts, { horizonDays })) {
    matrix.add(item.kind, item.severity, () => ({ key: item.kind, labelZh: item.kind, labelEn: item.kind }));
  }
  return matrix.toChart("deadlines", {
    dropEmpty: true,
    note: {
      zh: "未来90天内到期及已逾期的事项，明细见“期限提醒”。",
      en: "What falls due in the next 90 days or is overdue; the Deadlines page lists each.",
    },
  });
}
