import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  aggregationSchema,
  createReviewRequest,
  drawList,
  drawRequest,
  panelOpinionRequest,
  rankingQuery,
  rankingSchema,
  reasonRequest,
  reviewTargetList,
  reviewTargetsQuery,
  roundListQuery,
  roundPage,
  roundSchema,
} from "../../../contracts/review";
import { abilitiesOf } from "../../../policy/access/abilities";
import type { Caller } from "../../access/caller";
import { authorize } from "../../access/scope";
import { apiError, errors } from "../../http/errors";
import { actorOf, callerOf } from "../../http/request-context";
import { loadRound } from "../../review/assigned";
import { cancelReviewRound } from "../../review/cancel-review-round";
import { createReviewRound } from "../../review/create-review-round";
import { drawExperts } from "../../review/draw-experts";
import { drawsOfRound, findDraw } from "../../review/draws.repository";
import { rankingPdf, rankingWorkbook } from "../../review/export-ranking";
import { listReviewTargets, reviewSettingsDefaultsOf } from "../../review/list-review-targets";
import { buildRanking } from "../../review/ranking";
import {
  listRounds,
  presentDraws,
  presentRound,
  roundAssignments,
  summariseRound,
  targetLabels,
} from "../../review/reviews.repository";
import { roundAggregation } from "../../review/round-aggregation";
import { writePanelOpinion } from "../../review/write-panel-opinion";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["reviews"];

/**
 * Review rounds (officers: all; experts: only rounds they are assigned to, through server/review/assigned.ts).
 * Applicants and recommenders hold no review ability: every route here is 403 for them.
 */
export async function reviewRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  const scopedRound = async (caller: Caller, id: string) => {
    const scope = await authorize(db, caller, "review.read");
    const round = await loadRound(db, scope, id);
    if (!round) throw errors.notFound("Review round", "评审");
    return { scope, round };
  };
  const ranking = async (caller: Caller, groupId: string) => {
    const scope = await authorize(db, caller, "review.read");
    if (scope.scope !== "all") throw errors.forbidden("review.read");
    const result = await buildRanking(db, groupId);
    if (!result) throw errors.notFound("Ranking", "评审排序");
    return result;
  };

  app.get(
    "/api/reviews",
    {
      config: { ability: "review.read" },
      schema: {
        tags,
        summary: "评审轮次 / review rounds in scope",
        querystring: roundListQuery,
        response: { 200: roundPage, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "review.read");
      const { rows, total } = await listRounds(db, scope, request.query);
      const labels = await targetLabels(db, rows);
      const items = rows.map((round) => ({
        ...summariseRound(round, labels.get(round.targetId)!),
        abilities: [],
      }));
      return { items, total };
    },
  );

  app.get(
    "/api/reviews/targets",
    {
      config: { ability: "draw.run" },
      schema: {
        tags,
        summary: "待发起专家评审的对象 / targets awaiting an expert review round (officer)",
        querystring: reviewTargetsQuery,
        response: { 200: reviewTargetList, ...errorResponses },
      },
    },
    async (request) => {
      const scope = await authorize(db, callerOf(request), "draw.run");
      if (scope.scope !== "all") throw errors.forbidden("draw.run");
      const { kind, includeOpen } = request.query;
      return {
        items: await listReviewTargets(db, kind, { includeOpen }),
        defaults: reviewSettingsDefaultsOf(),
      };
    },
  );

  app.post(
    "/api/reviews",
    {
      config: { ability: "draw.run" },
      schema: {
        tags,
        summary: "发起专家评审 / open the expert review of a target (officer)",
        body: createReviewRequest,
        response: { 201: roundSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await authorize(db, caller, "draw.run");
      const id = await createReviewRound(deps, actorOf(request), request.body);
      const { scope, round } = await scopedRound(caller, id);
      return reply.code(201).send(await presentRound(db, scope, round, abilitiesOf(caller.roles)));
    },
  );

  app.get(
    "/api/reviews/ranking",
    {
      config: { ability: "review.read" },
      schema: {
        tags,
        summary: "评审排序 / the ranking of a call",
        querystring: rankingQuery,
        response: { 200: rankingSchema, ...errorResponses },
      },
    },
    async (request) => ranking(callerOf(request), request.query.groupId),
  );

  app.get(
    "/api/reviews/ranking.xlsx",
    {
      config: { ability: "review.read" },
      schema: { tags, summary: "评审排序表（Excel）/ ranking as .xlsx", querystring: rankingQuery },
    },
    async (request, reply) => {
      const result = await ranking(callerOf(request), request.query.groupId);
      const content = await rankingWorkbook(result, deps.clock.now());
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent("专家评审排序表.xlsx")}`)
        .send(content);
    },
  );

  app.get(
    "/api/reviews/ranking.pdf",
    {
      config: { ability: "review.read" },
      schema: { tags, summary: "评审排序表（PDF）/ ranking as PDF", querystring: rankingQuery },
    },
    async (request, reply) => {
      const result = await ranking(callerOf(request), request.query.groupId);
      const content = await rankingPdf(result, deps.clock.now());
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent("专家评审排序表.pdf")}`)
        .send(content);
    },
  );

  app.get(
    "/api/reviews/:id",
    {
      config: { ability: "review.read" },
      schema: {
        tags,
        summary: "评审轮次 / one review round",
        params: idParams,
        response: { 200: roundSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { scope, round } = await scopedRound(caller, request.params.id);
      return presentRound(db, scope, round, abilitiesOf(caller.roles));
    },
  );

  app.get(
    "/api/reviews/:id/draws",
    {
      config: { ability: "draw.read" },
      schema: {
        tags,
        summary: "本轮的抽取记录 / the round's draw attempts",
        params: idParams,
        response: { 200: drawList, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(db, callerOf(request), "draw.read");
      return { items: await presentDraws(db, await drawsOfRound(db, request.params.id)) };
    },
  );

  app.post(
    "/api/reviews/:id/draws",
    {
      config: { ability: "draw.run" },
      schema: {
        tags,
        summary: "抽取专家（每次均留存记录）/ run a recorded draw attempt",
        params: idParams,
        body: drawRequest,
        response: { 201: drawList.shape.items.element, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await authorize(db, caller, "draw.run");
      await scopedRound(caller, request.params.id);
      const { drawId } = await drawExperts(deps, actorOf(request), request.params.id, request.body);
      const drawn = await findDraw(db, drawId);
      const [summary] = await presentDraws(db, drawn ? [drawn] : []);
      return reply.code(201).send(summary!);
    },
  );

  app.post(
    "/api/reviews/:id/cancel",
    {
      config: { ability: "draw.run" },
      schema: {
        tags,
        summary: "撤销本轮评审（须写明原因；已有专家提交则不可撤销）/ cancel a round that cannot go on",
        params: idParams,
        body: reasonRequest,
        response: { 200: roundSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await authorize(db, caller, "draw.run");
      await scopedRound(caller, request.params.id);
      await cancelReviewRound(deps, actorOf(request), { roundId: request.params.id, reason: request.body.reason });
      const { scope, round } = await scopedRound(caller, request.params.id);
      return presentRound(db, scope, round, abilitiesOf(caller.roles));
    },
  );

  app.get(
    "/api/reviews/:id/aggregation",
    {
      config: { ability: "review.read" },
      schema: {
        tags,
        summary: "评分汇总 / the panel's aggregation (officer, or the panel leader)",
        params: idParams,
        response: { 200: aggregationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { scope, round } = await scopedRound(caller, request.params.id);
      if (scope.scope !== "all") {
        const own = await roundAssignments(db, scope, round.id);
        if (!own.some((row) => row.assignment.role === "leader")) throw errors.forbidden("review.read");
      }
      return roundAggregation(db, round);
    },
  );

  app.post(
    "/api/reviews/:id/panel-opinion",
    {
      config: { ability: "review.score" },
      schema: {
        tags,
        summary: "专家组意见（组长）/ the panel leader's consolidated opinion; completes the round",
        params: idParams,
        body: panelOpinionRequest,
        response: { 200: roundSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "review.score");
      const round = await loadRound(db, scope, request.params.id);
      if (!round) throw errors.notFound("Review round", "评审");
      const leader = (await roundAssignments(db, scope, round.id)).find(
        (row) => row.assignment.role === "leader" && scope.scope === "assigned",
      );
      if (!leader) {
        throw apiError(
          403,
          "forbidden",
          "只有专家组组长可以填写专家组意见。",
          "Only the panel leader writes the panel opinion.",
        );
      }
      await writePanelOpinion(deps, actorOf(request), {
        roundId: round.id,
        leaderAssignmentId: leader.assignment.id,
        opinion: request.body.opinion,
      });
      const reloaded = await scopedRound(caller, round.id);
      return presentRound(db, reloaded.scope, reloaded.round, abilitiesOf(caller.roles));
    },
  );
}
