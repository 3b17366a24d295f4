import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  publicBaseFacets,
  publicBasePage,
  publicBaseQuery,
  publicBaseSchema,
} from "../../../contracts/public-registry";
import { readKey } from "../../db/read-cache";
import { publicBaseFacets as facetsOf, listPublicBases, loadPublicBase } from "../../decision/public-bases.repository";
import { sendCachedPage } from "../../http/cached-page";
import { errors } from "../../http/errors";
import { publicRead } from "../../http/public-reads";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["public"];
const config = publicRead;

/** The public registry of recognized bases: no sign-in, read-only, rate-limited per IP (open data). */
export async function publicRegistryRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/public/bases",
    {
      config,
      schema: {
        tags,
        summary: "省国合基地名录（公开）/ the public registry of recognized bases",
        querystring: publicBaseQuery,
        response: { 200: publicBasePage, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendCachedPage(reply, db, readKey("public-base-list-page", request.query), () =>
        listPublicBases(db, request.query),
      ),
  );

  app.get(
    "/api/public/bases/facets",
    {
      config,
      schema: {
        tags,
        summary: "名录筛选项（类型、领域、地区、国家）/ filter values present in the registry",
        response: { 200: publicBaseFacets, ...errorResponses },
      },
    },
    async () => facetsOf(db),
  );

  app.get(
    "/api/public/bases/:id",
    {
      config,
      schema: {
        tags,
        summary: "基地简介（公开）/ one base's public profile",
        params: idParams,
        response: { 200: publicBaseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const base = await loadPublicBase(db, request.params.id);
      if (!base) throw errors.notFound("Base", "基地");
      return base;
    },
  );
}
