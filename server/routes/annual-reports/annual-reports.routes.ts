import { z } from "zod";
import {
  annualReportDetail,
  annualReportSummary,
  evaluationRoundInput,
  evaluationRoundSchema,
  evaluationStarted,
  reportEventRequest,
  reportListQuery,
  reportUpdate,
} from "../../../contracts/annual-report";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { documentFormat } from "../../../contracts/recognition";
import { errors } from "../../http/errors";
import { callerOf, invocationOf } from "../../http/request-context";
import { openEvaluationRound } from "../../yearly/open-round";
import { printAnnualReport } from "../../yearly/print-report";
import { fireReportEvent } from "../../yearly/report-events";
import { readReport, reportActor } from "../../yearly/report-facts";
import { listReports, listRounds, presentReport } from "../../yearly/reports.repository";
import { saveReport } from "../../yearly/save-report";
import { startEvaluation } from "../../yearly/start-evaluation";
import { mediaTypes } from "../applications/application-documents.routes";
import { sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["annual-reports"];

/**
 * 年度考核 (Art. 22): the department opens a year's evaluation; each base's host unit drafts and submits its annual
 * work report (Art. 16.4, 18), reviewed by the unit's administrator, then the recommender, then the department.
 */
export async function annualReportRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  /** A report through the caller's read scope: another unit's or jurisdiction's is a 404, never a 403. */
  async function visibleReport(request: Parameters<typeof callerOf>[0], id: string) {
    const loaded = await readReport(db, id);
    if (!loaded || !(await reportActor(db, callerOf(request), loaded.report)).canRead) {
      throw errors.notFound("Annual report", "年度工作报告");
    }
    return loaded;
  }

  app.get(
    "/api/evaluation-rounds",
    {
      config: { ability: "evaluation.read" },
      schema: {
        tags,
        summary: "年度考核批次 / the years' evaluation rounds",
        response: { 200: z.object({ items: z.array(evaluationRoundSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listRounds(db, callerOf(request)) }),
  );

  app.post(
    "/api/evaluation-rounds",
    {
      config: { ability: "evaluation.manage" },
      schema: {
        tags,
        summary: "发起年度考核 / open a year's evaluation",
        body: evaluationRoundInput,
        response: { 201: z.object({ id: z.string(), reports: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const opened = await openEvaluationRound(invocationOf(deps, request), request.body);
      return reply.code(201).send(opened);
    },
  );

  app.post(
    "/api/evaluation-rounds/:id/start-evaluation",
    {
      config: { ability: "evaluation.manage" },
      schema: {
        tags,
        summary: "开始考核评审（已报省科技厅的报告进入考核评审）/ put the submitted reports under evaluation",
        params: idParams,
        response: { 200: evaluationStarted, ...errorResponses },
      },
    },
    async (request) => startEvaluation(invocationOf(deps, request), request.params.id),
  );

  app.get(
    "/api/annual-reports",
    {
      config: { ability: "annual-report.read" },
      schema: {
        tags,
        summary: "年度工作报告列表 / annual reports the caller can see",
        querystring: reportListQuery,
        response: { 200: z.object({ items: z.array(annualReportSummary) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listReports(db, callerOf(request), request.query) }),
  );

  app.get(
    "/api/annual-reports/:id",
    {
      config: { ability: "annual-report.read" },
      schema: {
        tags,
        summary: "年度工作报告 / one annual report",
        params: idParams,
        response: { 200: annualReportDetail, ...errorResponses },
      },
    },
    async (request) => {
      const loaded = await visibleReport(request, request.params.id);
      return presentReport(db, callerOf(request), loaded, deps.clock.now());
    },
  );

  app.get(
    "/api/annual-reports/:id/document",
    {
      config: { ability: "annual-report.read" },
      schema: {
        tags,
        summary: "生成年度工作报告（Word/PDF，带验证码）/ the report as a printable document",
        params: idParams,
        querystring: documentFormat,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const loaded = await visibleReport(request, request.params.id);
      const { format } = request.query;
      const printed = await printAnnualReport(invocationOf(deps, request), {
        loaded,
        format,
        publicBaseUrl: deps.config.publicBaseUrl,
      });
      reply.header("x-verification-code", printed.code);
      return sendDownload(reply, { name: printed.fileName, mediaType: mediaTypes[format], content: printed.content });
    },
  );

  app.put(
    "/api/annual-reports/:id",
    {
      config: { ability: "annual-report.submit" },
      schema: {
        tags,
        summary: "保存年度工作报告草稿 / save the report's draft",
        params: idParams,
        body: reportUpdate,
        response: { 200: z.object({ version: z.number().int() }), ...errorResponses },
      },
    },
    async (request) =>
      saveReport(invocationOf(deps, request), {
        reportId: request.params.id,
        content: request.body.content,
        version: request.body.version,
      }),
  );

  app.post(
    "/api/annual-reports/:id/events",
    {
      config: { ability: "annual-report.read" },
      schema: {
        tags,
        summary: "年度工作报告流转（提交、审核、退回）/ submit, approve or return a report",
        params: idParams,
        body: reportEventRequest,
        response: { 200: annualReportDetail, ...errorResponses },
      },
    },
    async (request) => {
      await fireReportEvent(invocationOf(deps, request), { reportId: request.params.id, request: request.body });
      const loaded = await visibleReport(request, request.params.id);
      return presentReport(db, callerOf(request), loaded, deps.clock.now());
    },
  );
}
