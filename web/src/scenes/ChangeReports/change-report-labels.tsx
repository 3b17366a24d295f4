import { Space, Tag, Typography } from "antd";
import type { ChangeReportState } from "../../../../policy/lifecycles/change-report.transitions";
import type { ChangeReportEvent, ChangeReportSummary } from "../../api/change-reports";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";

const colors: Record<ChangeReportState, string> = {
  draft: "default",
  submitted: "blue",
  returned: "orange",
  "recommender-approved": "cyan",
  filed: "green",
  withdrawn: "default",
};

export const eventKeys: Record<ChangeReportEvent, MessageKey> = {
  submit: "changeReport.event.submit",
  approve: "changeReport.event.approve",
  return: "changeReport.event.return",
  file: "changeReport.event.file",
  withdraw: "changeReport.event.withdraw",
};

/** The state as the server labelled it (stateZh/stateEn), coloured. */
export function ChangeReportStateTag({ row }: { row: Pick<ChangeReportSummary, "state" | "stateZh" | "stateEn"> }) {
  const { pick } = useI18n();
  return (
    <Tag color={colors[row.state]} data-testid="change-report-state">
      {pick(row.stateZh, row.stateEn)}
    </Tag>
  );
}

/**
 * 2026年4月20日 with the days left, or 逾期 (Art. 18.5) while the report is still open and past its date; once
 * filed, the filing date and 逾期备案 when it came late.
 */
export function ChangeReportDue({
  row,
}: {
  row: Pick<ChangeReportSummary, "dueOn" | "daysLeft" | "overdue" | "state" | "filedOn" | "filedLate">;
}) {
  const { t, date } = useI18n();
  const open = row.state !== "filed" && row.state !== "withdrawn";
  return (
    <Space size={4} wrap data-testid="change-report-due">
      <span>{date(row.dueOn)}</span>
      {row.overdue ? (
        <Tag color="red" data-testid="change-report-overdue">
          {t("changeReport.overdue")}
        </Tag>
      ) : null}
      {open && !row.overdue ? (
        <Typography.Text type={row.daysLeft <= 14 ? "warning" : "secondary"}>
          {row.daysLeft === 0 ? t("changeReport.dueToday") : t("changeReport.daysLeft", { n: row.daysLeft })}
        </Typography.Text>
      ) : null}
      {open && row.overdue ? (
        <Typography.Text type="danger">{t("changeReport.daysOver", { n: -row.daysLeft })}</Typography.Text>
      ) : null}
      {row.filedLate ? (
        <Tag color="volcano" data-testid="change-report-filed-late">
          {t("changeReport.filedLate")}
        </Tag>
      ) : null}
    </Space>
  );
}
