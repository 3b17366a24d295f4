import { errorResponses } from "../../../contracts/errors";
import { dashboardSchema } from "../../../contracts/home";
import { can } from "../../../policy/access/abilities";
import { editionExpiryWarning } from "../../../policy/measures/expiry";
import { chinaDate } from "../../clock";
import { dashboardCards } from "../../db/dashboard.repository";
import { callerOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

/** Real counts per role, each computed through the same row scope as the lists they link to. */
export async function dashboardRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/dashboard",
    {
      config: { ability: "dashboard.read" },
      schema: {
        tags: ["home"],
        summary: "首页统计 / home page counts",
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const now = deps.clock.now();
      // Art. 31: the department (who would start the revision) is warned before the measures lapse.
      const editionWarning = can(caller.roles, "call.manage") ? editionExpiryWarning(chinaDate(now)) : null;
      return { cards: await dashboardCards(db, caller, now), editionWarning };
    },
  );
}
