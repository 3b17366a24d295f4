import { z } from "zod";
import { workPlanParams, workPlanSchema, workPlanUpdate } from "../../../contracts/annual-report";
import { errorResponses } from "../../../contracts/errors";
import { callerOf, invocationOf } from "../../http/request-context";
import { fileWorkPlan, readWorkPlan, saveWorkPlan } from "../../yearly/work-plans";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["annual-reports"];
const url = "/api/bases/:id/work-plans/:year";

/** 年度工作计划 (Art. 18.1): the host unit drafts and files each year's plan; whoever sees the base reads it. */
export async function workPlanRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    url,
    {
      config: { ability: "base.read" },
      schema: {
        tags,
        summary: "基地年度工作计划 / a base's work plan for a year",
        params: workPlanParams,
        response: { 200: workPlanSchema, ...errorResponses },
      },
    },
    async (request) => readWorkPlan(db, callerOf(request), request.params.id, request.params.year),
  );

  app.put(
    url,
    {
      config: { ability: "annual-report.submit" },
      schema: {
        tags,
        summary: "保存年度工作计划 / save the plan's draft",
        params: workPlanParams,
        body: workPlanUpdate,
        response: { 200: z.object({ version: z.number().int() }), ...errorResponses },
      },
    },
    async (request) =>
      saveWorkPlan(invocationOf(deps, request), {
        baseId: request.params.id,
        year: request.params.year,
        content: request.body.content,
        version: request.body.version,
      }),
  );

  app.post(
    `${url}/file`,
    {
      config: { ability: "annual-report.submit" },
      schema: {
        tags,
        summary: "报备年度工作计划 / file the plan",
        params: workPlanParams,
        response: { 200: workPlanSchema, ...errorResponses },
      },
    },
    async (request) => {
      await fileWorkPlan(invocationOf(deps, request), { baseId: request.params.id, year: request.params.year });
      return readWorkPlan(db, callerOf(request), request.params.id, request.params.year);
    },
  );
}
