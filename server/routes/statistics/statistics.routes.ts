import { errorResponses } from "../../../contracts/errors";
import { statisticsExportQuery, statisticsSchema } from "../../../contracts/statistics";
import { callerOf } from "../../http/request-context";
import { statisticsFor } from "../../statistics/statistics";
import { statisticsWorkbook } from "../../statistics/statistics-workbook";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["statistics"];
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * 统计分析 (issue 13 item 2): the department's charts of the province, a recommender's of its jurisdiction — bases by
 * type, prefecture, field, partner country and year; applications by call and stage; grades; deadlines — and each
 * chart's data as Excel.
 */
export async function statisticsRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/statistics",
    {
      config: { ability: "statistics.read" },
      schema: {
        tags,
        summary: "统计分析 / statistics in the caller's scope",
        response: { 200: statisticsSchema, ...errorResponses },
      },
    },
    async (request) => statisticsFor(db, callerOf(request), deps.clock.now()),
  );

  app.get(
    "/api/statistics/export.xlsx",
    {
      config: { ability: "statistics.read" },
      schema: {
        tags,
        summary: "统计数据导出（Excel，每图一表）/ the statistics as .xlsx, a sheet per chart",
        querystring: statisticsExportQuery,
      },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const statistics = await statisticsFor(db, callerOf(request), now);
      const chart = request.query.chart;
      const charts = chart ? statistics.charts.filter((entry) => entry.key === chart) : statistics.charts;
      const name = chart ? `${charts[0]?.titleZh ?? "统计"}.xlsx` : "统计分析.xlsx";
      return reply
        .type(xlsxType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await statisticsWorkbook(statistics, charts, now));
    },
  );
}
