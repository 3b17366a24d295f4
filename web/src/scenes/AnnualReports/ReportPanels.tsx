import { CheckCircleOutlined, ExclamationCircleOutlined } from "@ant-design/icons";
import { Card, List, Progress, Table, Timeline, Typography } from "antd";
import type { AnnualReportDetail } from "../../api/annual-reports";
import { useServerTime } from "../../api/server-time";
import { useI18n } from "../../i18n/I18nProvider";
import { reportEventKey } from "./report-labels";
import { sectionAnchor } from "./report-spec";

const dayMs = 86_400_000;

/** The report deadline in the office form, with the days left (by the platform's clock) while the unit still writes. */
export function DeadlineText({ deadline, counting }: { deadline: string; counting: boolean }) {
  const { t, date } = useI18n();
  const today = useServerTime().today().format("YYYY-MM-DD");
  const shown = date(deadline);
  if (!counting) return <span data-testid="report-deadline">{t("report.deadlineOn", { date: shown })}</span>;
  const left = Math.round((Date.parse(deadline) - Date.parse(today)) / dayMs);
  const text =
    left > 0
      ? t("report.deadlineLeft", { date: shown, n: left })
      : left === 0
        ? t("report.deadlineToday", { date: shown })
        : t("report.deadlineOver", { date: shown, n: -left });
  return (
    <Typography.Text type={left < 0 ? "danger" : left <= 7 ? "warning" : undefined} data-testid="report-deadline">
      {text}
    </Typography.Text>
  );
}

/** What the server says a submission still needs; each item scrolls to its section. */
export function MissingPanel({ missing }: { missing: AnnualReportDetail["missing"] }) {
  const { t, pick } = useI18n();
  const go = (path: string) => {
    const section = document.getElementById(sectionAnchor(path));
    section?.scrollIntoView({ behavior: "smooth", block: "start" });
    section?.querySelector<HTMLElement>("textarea, input")?.focus({ preventScroll: true });
  };
  return (
    <Card size="small" title={t("report.missing.title")} style={{ marginBottom: 16 }} data-testid="report-missing">
      {missing.length === 0 ? (
        <Typography.Text type="success" data-testid="report-complete">
          <CheckCircleOutlined /> {t("report.missing.none")}
        </Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 13 }}>
            {t("report.missing.hint")}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={missing}
            renderItem={(item) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Typography.Link onClick={() => go(item.path)} data-testid={`missing-${item.path}`}>
                  <ExclamationCircleOutlined style={{ color: "#faad14", marginRight: 6 }} />
                  {pick(item.messageZh, item.messageEn)}
                </Typography.Link>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

/** The year's work plan targets beside what the report shows (server: planProgress). */
export function ProgressPanel({ progress }: { progress: AnnualReportDetail["progress"] }) {
  const { t, pick, number } = useI18n();
  if (progress.length === 0) return null;
  return (
    <Card size="small" title={t("report.progress.title")} style={{ marginBottom: 16 }} data-testid="progress-panel">
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={progress}
        columns={[
          { title: t("report.progress.item"), render: (_, row) => pick(row.labelZh, row.labelEn) },
          { title: t("report.progress.planned"), align: "right", render: (_, row) => number(row.planned) },
          { title: t("report.progress.done"), align: "right", render: (_, row) => number(row.done) },
          {
            title: "",
            width: 90,
            render: (_, row) => (
              <Progress
                size="small"
                showInfo={false}
                percent={row.planned > 0 ? Math.min(100, (row.done / row.planned) * 100) : 100}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Who moved the report, when, and why. */
export function HistoryPanel({ events }: { events: AnnualReportDetail["events"] }) {
  const { t, dateTime } = useI18n();
  if (events.length === 0) return null;
  return (
    <Card size="small" title={t("history.title")} data-testid="report-history">
      <Timeline
        items={events.map((entry) => {
          const key = reportEventKey(entry.event);
          return {
            children: (
              <>
                <div>
                  <Typography.Text strong>{key ? t(key) : entry.event}</Typography.Text>
                  {entry.actorName ? <Typography.Text type="secondary"> · {entry.actorName}</Typography.Text> : null}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dateTime(entry.at)}
                </Typography.Text>
                {entry.reason ? (
                  <div>
                    {t("decision.reason")}
                    {t("punct.colon")}
                    {entry.reason}
                  </div>
                ) : null}
              </>
            ),
          };
        })}
      />
    </Card>
  );
}
