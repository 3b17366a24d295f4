import type { Statistics, StatisticsChart, StatisticsChartKey } from "../../../contracts/statistics";
import { buildUrl, http } from "./client";

export type { Statistics, StatisticsChart, StatisticsChartKey };

/** 统计分析 (server/routes/statistics): the charts in the caller's scope and their Excel export. */
export const statisticsApi = {
  get: () => http.get<Statistics>("/api/statistics"),
  /** One chart's sheet, or every chart's when `chart` is left out. */
  exportUrl: (chart?: StatisticsChartKey) => buildUrl("/api/statistics/export.xlsx", { chart }),
};
