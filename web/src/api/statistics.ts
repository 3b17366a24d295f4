import { api, href, type Query, type Schema } from "./client";

export type Statistics = Schema<"Statistics">;
export type StatisticsChart = Schema<"StatisticsChart">;
export type StatisticsChartKey = NonNullable<Query<"/api/statistics/export.xlsx">["chart"]>;

/** 统计分析 (server/routes/statistics): the charts in the caller's scope and their Excel export. */
export const statisticsApi = {
  get: () => api.get("/api/statistics"),
  /** One chart's sheet, or every chart's when `chart` is left out. */
  exportUrl: (chart?: StatisticsChartKey) => href("/api/statistics/export.xlsx", { query: { chart } }),
};
