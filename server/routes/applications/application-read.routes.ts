import { applicationReadView, opinionRequest } from "../../../contracts/application-read";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { actorOf, callerOf } from "../../http/request-context";
import { readApplication } from "../../recognition/application-read";
import { saveRecommendationOpinion } from "../../recognition/recommendation-opinions";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["applications"];

/** 阅览: one application as one printable page, and the recommender's 推荐意见 written on it. */
export async function applicationReadRoutes(app: TypedApp, deps: RouteDeps) {
  app.get(
    "/api/applications/:id/read",
    {
      config: { ability: "application.read" },
      schema: {
        tags,
        summary: "申报阅览（全部内容、材料预览、资格自查、办理过程、推荐意见）/ one application as one page",
        params: idParams,
        response: { 200: applicationReadView, ...errorResponses },
      },
    },
    async (request) => readApplication(deps, actorOf(request), callerOf(request), request.params.id),
  );

  app.put(
    "/api/applications/:id/opinion",
    {
      config: { ability: "application.recommend" },
      schema: {
        tags,
        summary:
          "填写推荐意见（推荐部门，形式审查前可修改，写入推荐函）/ the recommender's opinion, printed in its letter",
        params: idParams,
        body: opinionRequest,
        response: { 200: applicationReadView, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await saveRecommendationOpinion(deps, actorOf(request), caller, {
        applicationId: request.params.id,
        opinion: request.body.opinion,
      });
      return readApplication(deps, actorOf(request), caller, request.params.id);
    },
  );
}
