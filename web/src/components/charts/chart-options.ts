import type { ChartOption } from "./EChart";

/** A chart's data as the page has it, labels already in the reader's language. */
export interface MatrixData {
  categories: string[];
  series: string[];
  /** values[category][series] */
  values: number[][];
}

const axisLabel = { width: 110, overflow: "truncate" as const, interval: 0 };
const legend = { type: "scroll" as const, top: 0 };

/**
 * Bars: one per series, stacked when the series split a whole (types of the bases of a prefecture, stages of a
 * call's applications). Horizontal when category names are long, first category on top.
 */
export function barOption(data: MatrixData, options: { horizontal?: boolean; stacked?: boolean } = {}): ChartOption {
  const categoryAxis = {
    type: "category" as const,
    data: data.categories,
    axisLabel: options.horizontal
      ? axisLabel
      : { ...axisLabel, width: 80, rotate: data.categories.length > 6 ? 30 : 0 },
    inverse: Boolean(options.horizontal),
  };
  const valueAxis = { type: "value" as const, minInterval: 1 };
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, confine: true },
    legend: data.series.length > 1 ? legend : undefined,
    grid: { left: 8, right: 24, top: data.series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? categoryAxis : valueAxis,
    series: data.series.map((name, column) => ({
      name,
      type: "bar",
      stack: options.stacked ? "total" : undefined,
      barMaxWidth: 28,
      emphasis: { focus: "series" },
      data: data.values.map((row) => row[column] ?? 0),
    })),
  };
}

/** A treemap of the categories' totals; the tooltip lists each series. */
export function treemapOption(data: MatrixData): ChartOption {
  return {
    tooltip: {
      confine: true,
      formatter: (info: { name: string; value: number; dataIndex: number; data: { parts?: string } }) =>
        `${info.name}：${info.value}${info.data?.parts ? `<br/>${info.data.parts}` : ""}`,
    },
    series: [
      {
        type: "treemap",
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        top: 0,
        left: 0,
        right: 0,
        bottom: 0,
        label: { show: true, formatter: "{b}\n{c}" },
        data: data.categories
          .map((name, row) => {
            const values = data.values[row] ?? [];
            return {
              name,
              value: values.reduce((sum, value) => sum + value, 0),
              parts: data.series
                .map((series, column) => `${series} ${values[column] ?? 0}`)
                .filter((_, column) => (values[column] ?? 0) > 0)
                .join("<br/>"),
            };
          })
          .filter((node) => node.value > 0),
      },
    ],
  };
}

/**
 * A heat-map matrix: categories down, series across, each cell's count written in it. `marks` puts a "+n" after the
 * count of cells a candidate would add to.
 */
export function heatmapOption(data: MatrixData, marks?: number[][]): ChartOption {
  const cells: Array<[number, number, number]> = [];
  let max = 1;
  data.values.forEach((row, y) => {
    row.forEach((value, x) => {
      const added = marks?.[y]?.[x] ?? 0;
      cells.push([x, y, value + added]);
      max = Math.max(max, value + added);
    });
  });
  return {
    tooltip: {
      confine: true,
      formatter: (info: { value: [number, number, number] }) => {
        const [x, y, value] = info.value;
        return `${data.categories[y]} · ${data.series[x]}：${value}`;
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: {
      type: "category",
      data: data.series,
      axisLabel: { ...axisLabel, width: 90, rotate: 30 },
      splitArea: { show: true },
    },
    yAxis: { type: "category", data: data.categories, axisLabel, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ["#f0f5ff", "#1d39c4"] },
    },
    series: [
      {
        type: "heatmap",
        data: cells,
        label: {
          show: true,
          formatter: (info: { value: [number, number, number] }) => {
            const [x, y, value] = info.value;
            const added = marks?.[y]?.[x] ?? 0;
            return added > 0 ? `${value - added}+${added}` : value === 0 ? "" : String(value);
          },
        },
        emphasis: { itemStyle: { borderColor: "#333", borderWidth: 1 } },
      },
    ],
  };
}

/** Height for a chart of `rows` categories drawn horizontally (or a matrix of that many rows). */
export function heightFor(rows: number, minimum = 260): number {
  return Math.max(minimum, rows * 30 + 80);
}
