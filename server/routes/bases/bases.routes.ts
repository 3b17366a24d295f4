import { baseDetail, baseListQuery, basePage } from "../../../contracts/bases";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { authorize, scopeKey } from "../../access/scope";
import { readKey } from "../../db/read-cache";
import { sendCachedPage } from "../../http/cached-page";
import { errors } from "../../http/errors";
import { callerOf } from "../../http/request-context";
import { presentBaseDetail } from "../../registry/base-detail";
import { listBases, loadBase } from "../../registry/bases.repository";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["bases"];

/**
 * 基地管理 (Art. 16.3 跟踪监测): every base in the registry, recognized on the platform or imported, in the caller's
 * scope — the host unit its own, the recommender its jurisdiction's, the department all.
 */
export async function baseRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/bases",
    {
      config: { ability: "base.read" },
      schema: {
        tags,
        summary: "基地列表 / bases in scope",
        querystring: baseListQuery,
        response: { 200: basePage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = await authorize(db, callerOf(request), "base.read");
      // Nothing of a base's summary depends on the caller beyond the rows its scope lets it see.
      const key = readKey("base-list-page", scopeKey(scope), request.query);
      return sendCachedPage(reply, db, key, () => listBases(db, scope, request.query));
    },
  );

  app.get(
    "/api/bases/:id",
    {
      config: { ability: "base.read" },
      schema: {
        tags,
        summary: "基地详情与动态 / one base with its timeline",
        params: idParams,
        response: { 200: baseDetail, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "base.read");
      // Another unit's or jurisdiction's base is a 404, never a 403: its existence is not told.
      const loaded = await loadBase(db, scope, request.params.id);
      if (!loaded) throw errors.notFound("Base", "基地");
      return presentBaseDetail(db, caller, loaded);
    },
  );
}
