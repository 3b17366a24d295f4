import { z } from "zod";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { confirmGradesInput, fundingInput, gradingView, onsiteCheckRequest } from "../../../contracts/evaluation";
import { callerOf, invocationOf } from "../../http/request-context";
import { confirmGrades } from "../../yearly/confirm-grades";
import { setFunding } from "../../yearly/funding";
import { confirmedGrading, gradingView as readGradingView } from "../../yearly/grading.repository";
import { excellentWorkbook, fundingWorkbook } from "../../yearly/grading-workbooks";
import { recordOnsiteCheck } from "../../yearly/onsite-checks";
import { publishGrades } from "../../yearly/publish-grades";
import { mediaTypes } from "../applications/application-documents.routes";
import { sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["evaluation"];
const versionBody = z.strictObject({ version: z.number().int() });

/**
 * 考核评定 (Art. 22–25): the officer's grading of a year — on-site checks, the proposed grades with ties, the
 * confirmation, publication to the units, funding by grade and the two lists the finance office and the national
 * recommendation need.
 */
export async function gradingRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/evaluation-rounds/:id/grading",
    {
      config: { ability: "evaluation.grade" },
      schema: {
        tags,
        summary: "年度考核评定 / the year's grading (proposed or confirmed)",
        params: idParams,
        response: { 200: gradingView, ...errorResponses },
      },
    },
    async (request) => readGradingView(db, callerOf(request), request.params.id),
  );

  app.post(
    "/api/evaluation-rounds/:id/onsite-checks",
    {
      config: { ability: "evaluation.onsite-check" },
      schema: {
        tags,
        summary: "登记实地核查 / record an on-site check",
        params: idParams,
        body: onsiteCheckRequest,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const recorded = await recordOnsiteCheck(invocationOf(deps, request), {
        roundId: request.params.id,
        input: request.body,
      });
      return reply.code(201).send(recorded);
    },
  );

  app.post(
    "/api/evaluation-rounds/:id/grades",
    {
      config: { ability: "evaluation.grade" },
      schema: {
        tags,
        summary: "确认考核结果 / confirm the year's grades",
        params: idParams,
        body: confirmGradesInput,
        response: { 200: z.object({ graded: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => confirmGrades(invocationOf(deps, request), { roundId: request.params.id, input: request.body }),
  );

  app.post(
    "/api/evaluation-rounds/:id/publish",
    {
      config: { ability: "evaluation.grade" },
      schema: {
        tags,
        summary: "通知考核结果 / publish the grades to the host units",
        params: idParams,
        body: versionBody,
        response: { 200: z.object({ published: z.number().int() }), ...errorResponses },
      },
    },
    async (request) =>
      publishGrades(invocationOf(deps, request), { roundId: request.params.id, version: request.body.version }),
  );

  app.put(
    "/api/evaluation-rounds/:id/funding",
    {
      config: { ability: "evaluation.grade" },
      schema: {
        tags,
        summary: "按考核结果安排经费 / funding by grade",
        params: idParams,
        body: fundingInput,
        response: { 200: z.object({ allocated: z.number().int(), totalYuan: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => setFunding(invocationOf(deps, request), { roundId: request.params.id, input: request.body }),
  );

  app.get(
    "/api/evaluation-rounds/:id/exports/:list",
    {
      config: { ability: "evaluation.grade" },
      schema: {
        tags,
        summary: "导出经费安排表或优先推荐名单（Excel）/ funding table or excellent list as Excel",
        params: idParams.extend({ list: z.enum(["funding", "excellent"]) }),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const view = await confirmedGrading(db, callerOf(request), request.params.id);
      const now = deps.clock.now();
      const funding = request.params.list === "funding";
      const content = funding ? await fundingWorkbook(view, now) : await excellentWorkbook(view, now);
      const name = `${view.year}年度${funding ? "经费安排表" : "优秀基地优先推荐名单"}.xlsx`;
      return sendDownload(reply, { name, mediaType: mediaTypes.xlsx, content });
    },
  );
}
