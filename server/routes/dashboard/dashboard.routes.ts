import { errorResponses } from "../../../contracts/errors";
import { dashboardSchema } from "../../../contracts/home";
import { dashboardCards } from "../../db/dashboard.repository";
import { callerOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

/** Real counts per role, each computed through the same row scope as the lists they link to. */
export async function dashboardRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/dashboard",
    {
      schema: {
        tags: ["home"],
        summary: "首页统计 / home page counts",
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) => ({ cards: await dashboardCards(db, callerOf(request), deps.clock.now()) }),
  );
}
