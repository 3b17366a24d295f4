import {
  achievementCandidates,
  achievementInput,
  achievementList,
  achievementListQuery,
  achievementSchema,
  achievementWithdrawInput,
  publicAchievementList,
} from "../../../contracts/achievements";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { publicRead } from "../../http/public-reads";
import { callerOf, invocationOf } from "../../http/request-context";
import { publishAchievement, withdrawAchievement } from "../../yearly/achievements";
import {
  listAchievements,
  listPublicAchievements,
  achievementCandidates as readCandidates,
} from "../../yearly/achievements.repository";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["achievements"];

/**
 * 重大联合研发成果 (Art. 16.4): the department selects achievements from the bases' annual reports and publishes
 * them on the public site; withdrawing one hides it there and keeps the record.
 */
export async function achievementRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/achievements",
    {
      config: { ability: "evaluation.manage" },
      schema: {
        tags,
        summary: "已发布的重大联合研发成果（按年度）/ published achievements, by year",
        querystring: achievementListQuery,
        response: { 200: achievementList, ...errorResponses },
      },
    },
    async (request) => listAchievements(db, callerOf(request), request.query),
  );

  app.post(
    "/api/achievements",
    {
      config: { ability: "evaluation.manage" },
      schema: {
        tags,
        summary: "发布重大联合研发成果 / publish an achievement from an annual report",
        body: achievementInput,
        response: { 201: achievementSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await publishAchievement(invocationOf(deps, request), request.body)),
  );

  app.post(
    "/api/achievements/:id/withdraw",
    {
      config: { ability: "evaluation.manage" },
      schema: {
        tags,
        summary: "撤回已发布的成果 / withdraw a published achievement from the public site",
        params: idParams,
        body: achievementWithdrawInput,
        response: { 200: achievementSchema, ...errorResponses },
      },
    },
    async (request) => withdrawAchievement(invocationOf(deps, request), { id: request.params.id, input: request.body }),
  );

  app.get(
    "/api/annual-reports/:id/achievement-candidates",
    {
      config: { ability: "annual-report.read" },
      schema: {
        tags,
        summary: "报告中可遴选的国际联合研发项目 / the report's joint projects as candidates",
        params: idParams,
        response: { 200: achievementCandidates, ...errorResponses },
      },
    },
    async (request) => readCandidates(db, callerOf(request), request.params.id),
  );

  app.get(
    "/api/public/achievements",
    {
      config: publicRead,
      schema: {
        tags: ["public"],
        summary: "国际科技合作重大成果（公开）/ published major joint R&D achievements",
        querystring: achievementListQuery,
        response: { 200: publicAchievementList, ...errorResponses },
      },
    },
    async (request) => listPublicAchievements(db, request.query),
  );
}
