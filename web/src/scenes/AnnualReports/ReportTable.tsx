import { Select, Table } from "antd";
import { Link } from "react-router";
import { type EvaluationState, evaluationStates } from "../../../../policy/lifecycles/evaluation.transitions";
import type { AnnualReportSummary } from "../../api/annual-reports";
import { useI18n } from "../../i18n/I18nProvider";
import { ReportStateTag, useStateLabel } from "./report-labels";

/** Annual reports as a table, each base name opening its report; the officer's round and the units' list share it. */
export function ReportTable({
  items,
  loading,
  withYear,
}: {
  items: AnnualReportSummary[] | undefined;
  loading: boolean;
  withYear?: boolean;
}) {
  const { t, date, dateTime } = useI18n();
  return (
    <Table<AnnualReportSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t("table.total", { n: total }) }}
      locale={{ emptyText: t("reports.empty") }}
      columns={[
        ...(withYear
          ? [{ title: t("report.year"), width: 90, render: (_: unknown, r: AnnualReportSummary) => r.year }]
          : []),
        {
          title: t("report.base"),
          render: (_, r) => (
            <Link to={`/annual-reports/${r.id}`} data-testid={`report-link-${r.id}`}>
              {r.baseName}
            </Link>
          ),
        },
        { title: t("report.unit"), dataIndex: "unitName" },
        {
          title: t("report.state"),
          width: 150,
          render: (_, r) => <ReportStateTag state={r.state} testId={`report-state-${r.id}`} />,
        },
        ...(withYear
          ? [
              {
                title: t("report.deadline"),
                width: 150,
                render: (_: unknown, r: AnnualReportSummary) => date(r.reportDeadline),
              },
            ]
          : []),
        { title: t("report.submittedAt"), width: 200, render: (_, r) => dateTime(r.submittedAt) },
      ]}
    />
  );
}

/** The state filter (in the URL): every state of the lifecycle, with its count when the caller has one. */
export function StateFilter({
  value,
  onChange,
  counts,
}: {
  value: EvaluationState | undefined;
  onChange: (state: EvaluationState | undefined) => void;
  counts?: Record<string, number>;
}) {
  const { t } = useI18n();
  const label = useStateLabel();
  return (
    <Select<EvaluationState>
      allowClear
      placeholder={t("reports.allStates")}
      value={value}
      onChange={(state) => onChange(state ?? undefined)}
      style={{ width: 220 }}
      data-testid="report-state-filter"
      options={evaluationStates.map((state) => ({
        value: state,
        label: counts ? `${label(state)}（${counts[state] ?? 0}）` : label(state),
      }))}
    />
  );
}

/** A state from the URL, if it is one of the lifecycle's. */
export function stateParam(value: string | null): EvaluationState | undefined {
  return (evaluationStates as readonly string[]).includes(value ?? "") ? (value as EvaluationState) : undefined;
}
