import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { StatisticsChart } from "../../api/statistics";
import { statisticsApi } from "../../api/statistics";
import {
  barOption,
  heatmapOption,
  heightFor,
  type MatrixData,
  treemapOption,
} from "../../components/charts/chart-options";
import { LazyChart } from "../../components/charts/LazyChart";
import { useI18n } from "../../i18n/I18nProvider";

/** How each chart is drawn: bars, stacked bars, a treemap or a heat-map matrix (no maps, map compliance). */
const drawings: Record<StatisticsChart["key"], "bar" | "hbar" | "stacked" | "hstacked" | "treemap" | "heatmap"> = {
  "bases-by-type": "bar",
  "bases-by-division": "hstacked",
  "bases-by-field": "treemap",
  "bases-by-country": "hbar",
  "bases-by-year": "stacked",
  "applications-by-call": "hstacked",
  "grades-by-year": "stacked",
  deadlines: "heatmap",
};
/** The country chart draws the first 20; its table and export have every country. */
const chartRows = 20;

type Row = { key: string; label: string; beltAndRoad?: boolean; values: number[]; total: number };

/** One chart of the statistics page: the chart or its table (a toggle), and its data as Excel. */
export function ChartCard({ chart }: { chart: StatisticsChart }) {
  const { t, pick } = useI18n();
  const [view, setView] = useState<"chart" | "table">("chart");
  const countries = chart.key === "bases-by-country";
  const label = (category: StatisticsChart["categories"][number]) =>
    `${pick(category.labelZh, category.labelEn)}${category.beltAndRoad ? " ★" : ""}`;
  const rows: Row[] = chart.categories.map((category, index) => {
    const values = chart.values[index] ?? [];
    return {
      key: category.key,
      label: label(category),
      beltAndRoad: category.beltAndRoad,
      values,
      total: values.reduce((sum, value) => sum + value, 0),
    };
  });
  const empty = rows.every((row) => row.total === 0);
  const drawing = drawings[chart.key];
  const shown = countries ? rows.slice(0, chartRows) : rows;
  const data: MatrixData = {
    categories: shown.map((row) => row.label),
    series: chart.series.map((series) => pick(series.labelZh, series.labelEn)),
    values: shown.map((row) => row.values),
  };
  const horizontal = drawing === "hbar" || drawing === "hstacked" || drawing === "heatmap";
  const option =
    drawing === "treemap"
      ? treemapOption(data)
      : drawing === "heatmap"
        ? heatmapOption(data)
        : barOption(data, { horizontal, stacked: drawing === "stacked" || drawing === "hstacked" });
  const height = horizontal ? heightFor(shown.length) : 300;
  const withTotal = chart.series.length > 1 && !countries;

  return (
    <Card
      size="small"
      title={pick(chart.titleZh, chart.titleEn)}
      data-testid={`chart-${chart.key}`}
      // On a phone the title wraps above its controls instead of being cut short.
      styles={{ header: { flexWrap: "wrap", rowGap: 4, paddingBlock: 6 }, title: { whiteSpace: "normal" } }}
      extra={
        <Space size={8} wrap>
          <Segmented<"chart" | "table">
            size="small"
            value={view}
            onChange={setView}
            data-testid={`chart-${chart.key}-view`}
            options={[
              { value: "chart", label: t("statistics.view.chart") },
              { value: "table", label: t("statistics.view.table") },
            ]}
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={statisticsApi.exportUrl(chart.key)}
            data-testid={`chart-${chart.key}-export`}
            aria-label={`${t("statistics.export")} · ${pick(chart.titleZh, chart.titleEn)}`}
          >
            Excel
          </Button>
        </Space>
      }
    >
      {empty && view === "chart" ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={chart.key === "grades-by-year" ? t("statistics.emptyGrades") : t("statistics.empty")}
        />
      ) : view === "chart" ? (
        <LazyChart option={option} height={height} testId={`chart-${chart.key}-canvas`} />
      ) : (
        <Table<Row>
          rowKey="key"
          size="small"
          data-testid={`chart-${chart.key}-table`}
          dataSource={rows}
          scroll={{ x: "max-content" }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t("statistics.empty") }}
          columns={[
            {
              title: pick(chart.categoryZh, chart.categoryEn),
              key: "label",
              fixed: "left",
              render: (_, row) => row.label,
            },
            ...(countries
              ? [
                  {
                    title: t("statistics.beltAndRoad"),
                    key: "beltAndRoad",
                    render: (_: unknown, row: Row) =>
                      row.beltAndRoad ? <Tag color="red">{t("statistics.yes")}</Tag> : t("statistics.no"),
                  },
                ]
              : []),
            ...chart.series.map((series, column) => ({
              title: pick(series.labelZh, series.labelEn),
              key: series.key,
              align: "right" as const,
              render: (_: unknown, row: Row) => row.values[column] ?? 0,
            })),
            ...(withTotal
              ? [
                  {
                    title: t("statistics.total"),
                    key: "total",
                    align: "right" as const,
                    render: (_: unknown, row: Row) => row.total,
                  },
                ]
              : []),
          ]}
        />
      )}
      {chart.noteZh || (countries && rows.length > chartRows && view === "chart") ? (
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0", fontSize: 12 }}>
          {chart.noteZh ? pick(chart.noteZh, chart.noteEn ?? chart.noteZh) : null}
          {countries && rows.length > chartRows && view === "chart"
            ? ` ${t("statistics.topN", { n: chartRows })}`
            : null}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
