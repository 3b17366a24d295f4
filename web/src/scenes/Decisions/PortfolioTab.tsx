import { Card, Col, Empty, Row, Segmented, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { barOption, heatmapOption, heightFor } from "../../components/charts/chart-options";
import { LazyChart } from "../../components/charts/LazyChart";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import type { Portfolio } from "./decision-api";

const dimensions = ["country", "field", "division", "type"] as const;
type Bucket = Portfolio["dimensions"]["country"][number];
type CandidateRow = Portfolio["candidates"][number];
/** Which candidates count on top of the current bases: none, all of them, or one. */
type Selection = "none" | "all" | string;

/** 综合评议 (Art. 14.3): the layout by country, field, division and type, with and without each candidate. */
export function PortfolioTab({ portfolio }: { portfolio: Portfolio | undefined }) {
  const { t, pick } = useI18n();
  const [selection, setSelection] = useState<Selection>("all");
  if (!portfolio) return null;
  const chosen = portfolio.candidates.find((candidate) => candidate.applicationId === selection);
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t("portfolio.candidate")}</span>
        <Select<Selection>
          value={selection}
          onChange={setSelection}
          style={{ minWidth: 280, maxWidth: "100%" }}
          data-testid="portfolio-candidate-select"
          options={[
            { value: "none", label: t("portfolio.noCandidate") },
            { value: "all", label: t("portfolio.allCandidates") },
            ...portfolio.candidates.map((candidate) => ({
              value: candidate.applicationId,
              label: candidate.standardName,
            })),
          ]}
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <CountryFieldMatrix portfolio={portfolio} selection={selection} chosen={chosen} />
        </Col>
        <Col xs={24} xl={10}>
          <DivisionChart portfolio={portfolio} selection={selection} chosen={chosen} />
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {dimensions.map((dimension) => (
          <Col key={dimension} xs={24} lg={12}>
            <Card size="small" title={t(`decisions.portfolio.${dimension}` as MessageKey)}>
              <Table<Bucket>
                rowKey="key"
                size="small"
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                dataSource={portfolio.dimensions[dimension]}
                data-testid={`portfolio-${dimension}`}
                columns={[
                  {
                    title: t(`decisions.portfolio.${dimension}` as MessageKey),
                    render: (_, b) => pick(b.labelZh, b.labelEn),
                  },
                  { title: t("decisions.portfolio.bases"), dataIndex: "bases", width: 90 },
                  { title: t("decisions.portfolio.candidates"), dataIndex: "candidates", width: 90 },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginTop: 16 }} title={t("decisions.tab.candidates")}>
        <Table<CandidateRow>
          rowKey="applicationId"
          size="small"
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={portfolio.candidates}
          data-testid="portfolio-candidates"
          columns={[
            { title: t("decisions.name"), dataIndex: "standardName", width: 300 },
            { title: t("decisions.score"), key: "mean", width: 90, render: (_, r) => r.mean?.toFixed(2) ?? "—" },
            {
              title: `${t("decisions.portfolio.without")} → ${t("decisions.portfolio.with")}`,
              key: "deltas",
              render: (_, r) =>
                r.deltas.map((d) => (
                  <Tag key={`${d.dimension}:${d.key}`} color={d.fillsGap ? "green" : undefined}>
                    {pick(d.labelZh, d.labelEn)} {d.without} → {d.with}
                    {d.fillsGap ? `（${t("decisions.portfolio.gap")}）` : ""}
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
    </>
  );
}

interface ViewProps {
  portfolio: Portfolio;
  selection: Selection;
  chosen: CandidateRow | undefined;
}

/** What the selection adds to a cell: every candidate in it, the chosen one's 1, or nothing. */
function addedTo(props: ViewProps, cell: { country: string; field: string; candidates: number } | undefined): number {
  if (!cell || props.selection === "none") return 0;
  if (props.selection === "all") return cell.candidates;
  return props.chosen?.cells.some((own) => own.country === cell.country && own.field === cell.field) ? 1 : 0;
}

function ViewToggle({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (v: "chart" | "table") => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Segmented<"chart" | "table">
      size="small"
      value={value as "chart" | "table"}
      onChange={onChange}
      data-testid={testId}
      options={[
        { value: "chart", label: t("statistics.view.chart") },
        { value: "table", label: t("statistics.view.table") },
      ]}
    />
  );
}

/** Key partner country × field (issue 13 item 2): current bases per cell, "+n" where the selection adds. */
function CountryFieldMatrix(props: ViewProps) {
  const { t, pick } = useI18n();
  const [view, setView] = useState<"chart" | "table">("chart");
  const { matrix } = props.portfolio;
  const cellOf = (country: string, field: string) =>
    matrix.cells.find((cell) => cell.country === country && cell.field === field);
  const countryLabel = (country: Portfolio["matrix"]["countries"][number]) =>
    `${pick(country.labelZh, country.labelEn)}${country.beltAndRoad ? " ★" : ""}`;
  const values = matrix.countries.map((country) =>
    matrix.fields.map((field) => cellOf(country.key, field.key)?.bases ?? 0),
  );
  const marks = matrix.countries.map((country) =>
    matrix.fields.map((field) => addedTo(props, cellOf(country.key, field.key))),
  );
  const data = {
    categories: matrix.countries.map(countryLabel),
    series: matrix.fields.map((field) => pick(field.labelZh, field.labelEn)),
    values,
  };
  type Row = { key: string; label: string; cells: Array<{ bases: number; added: number }> };
  const rows: Row[] = matrix.countries.map((country, y) => ({
    key: country.key,
    label: countryLabel(country),
    cells: matrix.fields.map((_, x) => ({ bases: values[y]?.[x] ?? 0, added: marks[y]?.[x] ?? 0 })),
  }));
  return (
    <Card
      size="small"
      title={t("portfolio.matrix.title")}
      data-testid="portfolio-matrix"
      extra={<ViewToggle value={view} onChange={setView} testId="portfolio-matrix-view" />}
    >
      <p style={{ marginTop: 0, fontSize: 12, color: "rgba(0,0,0,0.55)" }}>{t("portfolio.matrix.intro")}</p>
      {matrix.countries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("portfolio.emptyMatrix")} />
      ) : view === "chart" ? (
        <LazyChart
          option={heatmapOption(data, marks)}
          height={heightFor(matrix.countries.length, 300) + 40}
          testId="portfolio-matrix-chart"
        />
      ) : (
        <Table<Row>
          rowKey="key"
          size="small"
          data-testid="portfolio-matrix-table"
          dataSource={rows}
          scroll={{ x: "max-content" }}
          pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t("portfolio.country"), key: "country", fixed: "left", render: (_, row) => row.label },
            ...matrix.fields.map((field, x) => ({
              title: pick(field.labelZh, field.labelEn),
              key: field.key,
              align: "right" as const,
              render: (_: unknown, row: Row) => {
                const cell = row.cells[x]!;
                if (cell.added === 0) return cell.bases || "";
                return (
                  <Tag color={cell.bases === 0 ? "green" : "blue"} style={{ marginInlineEnd: 0 }}>
                    {cell.bases}+{cell.added}
                  </Tag>
                );
              },
            })),
          ]}
        />
      )}
    </Card>
  );
}

/** Bases per prefecture, without and with the selection (two series side by side). */
function DivisionChart(props: ViewProps) {
  const { t, pick } = useI18n();
  const [view, setView] = useState<"chart" | "table">("chart");
  const buckets = props.portfolio.dimensions.division;
  const withOf = (bucket: Bucket) => {
    if (props.selection === "none") return bucket.bases;
    if (props.selection === "all") return bucket.bases + bucket.candidates;
    const own = props.chosen?.deltas.some((delta) => delta.dimension === "division" && delta.key === bucket.key);
    return bucket.bases + (own ? 1 : 0);
  };
  const rows = buckets.map((bucket) => ({
    key: bucket.key,
    label: pick(bucket.labelZh, bucket.labelEn),
    bases: bucket.bases,
    with: withOf(bucket),
  }));
  const series = [t("portfolio.series.existing"), t("portfolio.series.with")];
  return (
    <Card
      size="small"
      title={t("portfolio.division.title")}
      data-testid="portfolio-divisions"
      extra={<ViewToggle value={view} onChange={setView} testId="portfolio-divisions-view" />}
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("statistics.empty")} />
      ) : view === "chart" ? (
        <LazyChart
          option={barOption(
            {
              categories: rows.map((row) => row.label),
              series: props.selection === "none" ? series.slice(0, 1) : series,
              values: rows.map((row) => (props.selection === "none" ? [row.bases] : [row.bases, row.with])),
            },
            { horizontal: true },
          )}
          height={heightFor(rows.length)}
          testId="portfolio-divisions-chart"
        />
      ) : (
        <Table
          rowKey="key"
          size="small"
          data-testid="portfolio-divisions-table"
          dataSource={rows}
          pagination={{ pageSize: 17, hideOnSinglePage: true }}
          columns={[
            { title: t("decisions.portfolio.division"), dataIndex: "label" },
            { title: series[0], dataIndex: "bases", align: "right" },
            { title: series[1], dataIndex: "with", align: "right" },
          ]}
        />
      )}
    </Card>
  );
}
