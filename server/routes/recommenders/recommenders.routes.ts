import { asc } from "drizzle-orm";
import { z } from "zod";
import { errorResponses } from "../../../contracts/errors";
import { recommenderSchema } from "../../../contracts/organisations";
import { authorize, recommenderRows } from "../../access/scope";
import { recommenders } from "../../db/schema";
import { callerOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["recommenders"];
const columns = {
  id: recommenders.id,
  code: recommenders.code,
  nameZh: recommenders.nameZh,
  nameEn: recommenders.nameEn,
  kind: recommenders.kind,
  divisionCode: recommenders.divisionCode,
  parentId: recommenders.parentId,
};

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
    async () => db.select(columns).from(recommenders).orderBy(asc(recommenders.code)),
  );

  app.get(
    "/api/recommenders",
    {
      schema: {
        tags,
        summary: "推荐部门（本辖区）/ recommenders in scope",
        response: { 200: z.array(recommenderSchema), ...errorResponses },
      },
    },
    async (request) => {
      const scope = await authorize(db, callerOf(request), "recommender.read");
      return db
        .select(columns)
        .from(recommenders)
        .where(recommenderRows(scope, recommenders.id))
        .orderBy(asc(recommenders.code));
    },
  );
}
