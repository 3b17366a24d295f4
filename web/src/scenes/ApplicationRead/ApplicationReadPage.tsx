import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { type ApplicationReadView, applicationReadApi } from "../../api/application-read";
import { FindingList } from "../../components/FindingList";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { eventLabelKey } from "../Applications/event-label";
import { FilePreview } from "./FilePreview";
import { OpinionSection } from "./OpinionSection";
import "./read-print.css";

const numerals = "一二三四五六七八九十".split("");

/** 一、二 … 十、十一 … 二十 in Chinese office headings; 1. 2. in English. */
function headingNumber(index: number, language: "zh" | "en"): string {
  if (language === "en") return `${index + 1}. `;
  const n = index + 1;
  if (n <= 10) return `${numerals[n - 1]}、`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? numerals[tens - 1] : ""}十${ones ? numerals[ones - 1] : ""}、`;
}

/** A label/value table as the form itself labels its fields. */
function ValueTable({ rows, testId }: { rows: Array<{ label: string; value: ReactNode }>; testId?: string }) {
  return (
    <table className="read-table" data-testid={testId}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The parts of the document after the form's sections, in reading order; an expert's view has no history. */
function trailingParts(
  view: ApplicationReadView,
  render: Record<"files" | "findings" | "opinions" | "history", ReactNode>,
) {
  const parts: Array<{
    key: keyof typeof render;
    title: "read.materials" | "read.findings" | "read.opinions" | "read.history";
  }> = [
    { key: "files", title: "read.materials" },
    { key: "findings", title: "read.findings" },
  ];
  if (view.assignmentId === null) {
    parts.push({ key: "opinions", title: "read.opinions" }, { key: "history", title: "read.history" });
  }
  return parts.map((part) => ({ ...part, body: render[part.key] }));
}

/**
 * 阅览: one application as one document for those who review it — every section of the form under 一、二、三…,
 * every uploaded material with its preview, the eligibility findings, the recommenders' 推荐意见 and the history
 * as sentences. Printable on A4 (the menu, header and buttons are left off the paper). What is shown is what the
 * server decided this reader may see.
 */
export function ApplicationReadPage() {
  const { id = "" } = useParams();
  const { t, pick, language, dateTime } = useI18n();
  const query = useQuery({ queryKey: ["applications", id, "read"], queryFn: () => applicationReadApi.get(id) });
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const view = query.data;
  if (!view) return <Card loading />;

  const empty = <Typography.Text type="secondary">{t("read.empty")}</Typography.Text>;
  const header: Array<{ label: string; value: ReactNode }> = [
    { label: t("read.unit"), value: view.unitName },
    { label: t("read.call"), value: view.callTitleZh },
    ...(view.recommenderName ? [{ label: t("read.recommender"), value: view.recommenderName }] : []),
    { label: t("read.state"), value: pick(view.stateLabelZh, view.stateLabelEn) },
    ...(view.submittedAt ? [{ label: t("read.submittedAt"), value: dateTime(view.submittedAt) }] : []),
  ];
  const parts = trailingParts(view, {
    files:
      view.files.length === 0 ? (
        <Typography.Text type="secondary">{t("read.noFiles")}</Typography.Text>
      ) : (
        <Flex vertical gap={8} data-testid="read-files">
          {view.files.map((file, index) => (
            <FilePreview key={file.url} file={file} index={index} />
          ))}
        </Flex>
      ),
    findings: (
      <div className="read-findings" data-testid="read-findings">
        <FindingList findings={view.findings} empty={t("read.noFindings")} />
      </div>
    ),
    opinions: <OpinionSection view={view} />,
    history:
      view.history.length === 0 ? (
        <Empty description={t("read.noHistory")} />
      ) : (
        <ol className="read-history" data-testid="read-history">
          {view.history.map((entry) => {
            const key = eventLabelKey(entry.event);
            return (
              <li key={`${entry.at}-${entry.event}-${entry.toStateEn}`}>
                {t("read.historyEntry", {
                  when: dateTime(entry.at),
                  who: entry.actorName ?? t("read.system"),
                  what: key ? t(key) : "—",
                  from: pick(entry.fromStateZh, entry.fromStateEn),
                  to: pick(entry.toStateZh, entry.toStateEn),
                })}
                {entry.reason ? (
                  <Typography.Text type="secondary">
                    {" "}
                    {t("read.historyReason", { reason: entry.reason })}
                  </Typography.Text>
                ) : null}
              </li>
            );
          })}
        </ol>
      ),
  });

  return (
    <>
      <Flex className="no-print" justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        {view.applicationLink ? (
          <Link to={view.applicationLink}>
            <Button icon={<ArrowLeftOutlined />}>{t("read.back")}</Button>
          </Link>
        ) : (
          <span />
        )}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="read-print">
          {t("read.print")}
        </Button>
      </Flex>
      {view.assignmentId ? (
        <Alert className="no-print" type="info" showIcon style={{ marginBottom: 12 }} message={t("read.expertNote")} />
      ) : null}
      <article className="read-document" data-testid="read-document">
        <h2 className="read-title">{view.title}</h2>
        <div className="read-subtitle">{t("read.title")}</div>
        <ValueTable rows={header} testId="read-header" />
        {view.sections.map((section, index) => (
          <section key={section.headingZh} data-testid="read-section">
            <h3 className="read-heading">
              {headingNumber(index, language)}
              {pick(section.headingZh, section.headingEn)}
            </h3>
            <ValueTable
              rows={section.items.map((item) => ({
                label: pick(item.labelZh, item.labelEn),
                // valueEn: the English of a labelled code (type, title, countries), where the server gives one.
                value:
                  pick(item.value, "valueEn" in item && typeof item.valueEn === "string" ? item.valueEn : item.value) ||
                  empty,
              }))}
            />
          </section>
        ))}
        {parts.map((part, index) => (
          <section key={part.key} data-testid={`read-part-${part.key}`}>
            <h3 className="read-heading">
              {headingNumber(view.sections.length + index, language)}
              {t(part.title)}
            </h3>
            {part.body}
          </section>
        ))}
      </article>
    </>
  );
}
