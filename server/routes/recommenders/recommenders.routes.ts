import { z } from "zod";
import { errorResponses } from "../../../contracts/errors";
import { recommenderSchema } from "../../../contracts/organisations";
import { authorize } from "../../access/scope";
import { listAllRecommenders, listRecommenders } from "../../db/recommenders.repository";
import { callerOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["recommenders"];

export async function recommenderRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  /** The whole tree is public: a registering unit must choose its recommender. */
  app.get(
    "/api/public/recommenders",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "推荐部门（公开）/ recommenders (public)",
        response: { 200: z.array(recommenderSchema) },
      },
    },
    async () => listAllRecommenders(db),
  );

  app.get(
    "/api/recommenders",
    {
      config: { ability: "recommender.read" },
      schema: {
        tags,
        summary: "推荐部门（本辖区）/ recommenders in scope",
        response: { 200: z.array(recommenderSchema), ...errorResponses },
      },
    },
    async (request) => listRecommenders(db, await authorize(db, callerOf(request), "recommender.read")),
  );
}
