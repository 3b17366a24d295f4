import { errorResponses } from "../../../contracts/errors";
import { feedPage, feedQuery } from "../../../contracts/feed";
import { authorize } from "../../access/scope";
import { readBaseFeed } from "../../feed/base-feed";
import { callerOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["feed"];

/**
 * The registry's change feed for outside systems (issue 18; docs/integration.md): recognitions, revocations, grade
 * publications, name and director changes of bases, in commit order, with an opaque cursor. The department and
 * service accounts read it (`base-feed.read`).
 */
export async function feedRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/feed/bases",
    {
      config: { ability: "base-feed.read" },
      schema: {
        tags,
        summary: "基地变更订阅（认定、取消、考核结果、名称与负责人变更）/ the registry's change feed",
        querystring: feedQuery,
        response: { 200: feedPage, ...errorResponses },
      },
    },
    async (request) => {
      const scope = await authorize(db, callerOf(request), "base-feed.read");
      return readBaseFeed(db, scope, request.query);
    },
  );
}
