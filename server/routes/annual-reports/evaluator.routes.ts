import { z } from "zod";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  entrustInput,
  entrustmentView,
  evaluatorScoreInput,
  evaluatorSubmitInput,
  evaluatorTaskList,
  evaluatorTaskQuery,
  evaluatorTaskView,
} from "../../../contracts/evaluator";
import { callerOf, invocationOf } from "../../http/request-context";
import { entrustRound } from "../../yearly/evaluator-entrust";
import { saveEvaluatorScore, submitEvaluatorScore } from "../../yearly/evaluator-score";
import {
  listEvaluatorTasks,
  entrustmentView as readEntrustmentView,
  evaluatorTaskView as readTaskView,
} from "../../yearly/evaluator-tasks.repository";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["evaluation"];
const reportParams = z.object({ reportId: z.string().min(1).max(64) });

/**
 * 委托第三方评估机构 (Art. 16.3, 22): the department entrusts a "third-party" round to one evaluator; the evaluator
 * scores the round's reports under evaluation on its rubric, and its submitted totals grade the cohort.
 */
export async function evaluatorRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/evaluation-rounds/:id/entrustment",
    {
      config: { ability: "evaluation.read" },
      schema: {
        tags,
        summary: "第三方评估机构委托 / the round's entrustment",
        params: idParams,
        response: { 200: entrustmentView, ...errorResponses },
      },
    },
    async (request) => readEntrustmentView(db, callerOf(request), request.params.id),
  );

  app.put(
    "/api/evaluation-rounds/:id/entrustment",
    {
      config: { ability: "evaluation.manage" },
      schema: {
        tags,
        summary: "委托第三方评估机构 / entrust the round to an evaluator",
        params: idParams,
        body: entrustInput,
        response: { 200: entrustmentView, ...errorResponses },
      },
    },
    async (request) => {
      await entrustRound(invocationOf(deps, request), { roundId: request.params.id, input: request.body });
      return readEntrustmentView(db, callerOf(request), request.params.id);
    },
  );

  app.get(
    "/api/evaluator/tasks",
    {
      config: { ability: "evaluation.score" },
      schema: {
        tags,
        summary: "评估任务 / the evaluator's reports to score",
        querystring: evaluatorTaskQuery,
        response: { 200: evaluatorTaskList, ...errorResponses },
      },
    },
    async (request) => listEvaluatorTasks(db, callerOf(request), request.query),
  );

  app.get(
    "/api/evaluator/tasks/:reportId",
    {
      config: { ability: "evaluation.score" },
      schema: {
        tags,
        summary: "评估任务详情 / one report to score",
        params: reportParams,
        response: { 200: evaluatorTaskView, ...errorResponses },
      },
    },
    async (request) => readTaskView(db, callerOf(request), request.params.reportId),
  );

  app.put(
    "/api/evaluator/tasks/:reportId",
    {
      config: { ability: "evaluation.score" },
      schema: {
        tags,
        summary: "保存评分草稿 / save the draft score",
        params: reportParams,
        body: evaluatorScoreInput,
        response: { 200: evaluatorTaskView, ...errorResponses },
      },
    },
    async (request) =>
      saveEvaluatorScore(invocationOf(deps, request), { reportId: request.params.reportId, input: request.body }),
  );

  app.post(
    "/api/evaluator/tasks/:reportId/submit",
    {
      config: { ability: "evaluation.score" },
      schema: {
        tags,
        summary: "提交评分 / submit the score",
        params: reportParams,
        body: evaluatorSubmitInput,
        response: { 200: evaluatorTaskView, ...errorResponses },
      },
    },
    async (request) =>
      submitEvaluatorScore(invocationOf(deps, request), { reportId: request.params.reportId, input: request.body }),
  );
}
