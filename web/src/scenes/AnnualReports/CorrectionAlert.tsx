import { Alert, Typography } from "antd";
import type { AnnualReportDetail } from "../../api/annual-reports";
import { useServerTime } from "../../api/server-time";
import { useI18n } from "../../i18n/I18nProvider";

const dayMs = 86_400_000;

/**
 * The open 补正 window (Art. 22): what the department asked, and the due date as offices write it with the days left
 * by the platform's clock. What the reader may do (edit, submit, close) is the server's `editable` and events.
 */
export function CorrectionAlert({ detail }: { detail: AnnualReportDetail }) {
  const { t, date } = useI18n();
  const today = useServerTime().today().format("YYYY-MM-DD");
  if (detail.state !== "correction-window" || !detail.correctionDueOn) return null;
  const shown = date(detail.correctionDueOn);
  const left = Math.round((Date.parse(detail.correctionDueOn) - Date.parse(today)) / dayMs);
  const due =
    left > 0
      ? t("report.correction.dueLeft", { date: shown, n: left })
      : left === 0
        ? t("report.correction.dueToday", { date: shown })
        : t("report.correction.dueOver", { date: shown });
  const hint = detail.editable
    ? t("report.correction.unitHint")
    : detail.availableEvents.includes("close-correction")
      ? t("report.correction.closeHint")
      : null;
  return (
    <Alert
      type={left < 0 ? "error" : "warning"}
      showIcon
      style={{ marginBottom: 12 }}
      title={due}
      data-testid="correction-alert"
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: hint ? 4 : 0, whiteSpace: "pre-wrap" }}>
            {t("report.correction.requestIs", { request: detail.correctionRequest ?? "" })}
          </Typography.Paragraph>
          {hint ? <Typography.Text type="secondary">{hint}</Typography.Text> : null}
        </>
      }
    />
  );
}
