import { deadlineListQuery, deadlineListResponse } from "../../../contracts/deadlines";
import { errorResponses } from "../../../contracts/errors";
import { listDeadlines } from "../../deadlines/list-deadlines";
import { callerOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

/**
 * 期限提醒 (SPEC §6): every deadline across the bases in the caller's scope — change reports due (Art. 18.5), annual
 * reports (22), rectification end (24), ban end (20), agreements expiring below Art. 7.2's minimum, call closing
 * (14), the measures' lapse (31) — sorted by due date.
 */
export async function deadlineRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;
  app.get(
    "/api/deadlines",
    {
      config: { ability: "deadline.read" },
      schema: {
        tags: ["deadlines"],
        summary: "期限提醒 / deadlines in scope, by due date",
        querystring: deadlineListQuery,
        response: { 200: deadlineListResponse, ...errorResponses },
      },
    },
    async (request) => listDeadlines(db, callerOf(request), request.query, deps.clock.now()),
  );
}
