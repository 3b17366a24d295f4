import { z } from "zod";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  rectificationDetail,
  rectificationEventRequest,
  rectificationListQuery,
  rectificationPlanUpdate,
  rectificationReportUpdate,
  rectificationSummary,
} from "../../../contracts/rectification";
import { callerOf, invocationOf } from "../../http/request-context";
import { listRectifications, presentRectification, requireRectification } from "../../yearly/rectification.repository";
import { fireRectificationEvent, saveRectificationText } from "../../yearly/rectification-commands";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["rectifications"];

/**
 * 整改 (Art. 24): a base graded 不合格 has one year; its host unit files a plan and a final report, the department
 * re-checks: passed, or still 不合格 and revocation is proposed (Art. 20.6). Another unit's case is a 404.
 */
export async function rectificationRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  const detail = async (request: Parameters<typeof callerOf>[0], id: string) => {
    const caller = callerOf(request);
    return presentRectification(db, caller, await requireRectification(db, caller, id), deps.clock.now());
  };

  app.get(
    "/api/rectifications",
    {
      config: { ability: "rectification.read" },
      schema: {
        tags,
        summary: "整改事项 / rectification cases",
        querystring: rectificationListQuery,
        response: { 200: z.object({ items: z.array(rectificationSummary) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listRectifications(db, callerOf(request), request.query, deps.clock.now()),
    }),
  );

  app.get(
    "/api/rectifications/:id",
    {
      config: { ability: "rectification.read" },
      schema: {
        tags,
        summary: "整改事项详情 / a rectification case",
        params: idParams,
        response: { 200: rectificationDetail, ...errorResponses },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.put(
    "/api/rectifications/:id/plan",
    {
      config: { ability: "rectification.submit" },
      schema: {
        tags,
        summary: "保存整改方案 / save the rectification plan's draft",
        params: idParams,
        body: rectificationPlanUpdate,
        response: { 200: rectificationDetail, ...errorResponses },
      },
    },
    async (request) => {
      await saveRectificationText(invocationOf(deps, request), {
        caseId: request.params.id,
        field: "plan",
        text: request.body.plan,
        expectedVersion: request.body.expectedVersion,
      });
      return detail(request, request.params.id);
    },
  );

  app.put(
    "/api/rectifications/:id/report",
    {
      config: { ability: "rectification.submit" },
      schema: {
        tags,
        summary: "保存整改报告 / save the final report's draft (measures, results, evidence)",
        params: idParams,
        body: rectificationReportUpdate,
        response: { 200: rectificationDetail, ...errorResponses },
      },
    },
    async (request) => {
      await saveRectificationText(invocationOf(deps, request), {
        caseId: request.params.id,
        field: "finalReport",
        text: request.body.finalReport,
        expectedVersion: request.body.expectedVersion,
      });
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/rectifications/:id/events",
    {
      config: { ability: "rectification.read" },
      schema: {
        tags,
        summary: "整改流转（提交方案、提交报告、复核）/ file the plan or report, or decide the re-check",
        params: idParams,
        body: rectificationEventRequest,
        response: { 200: rectificationDetail, ...errorResponses },
      },
    },
    async (request) => {
      await fireRectificationEvent(invocationOf(deps, request), {
        caseId: request.params.id,
        event: request.body.event,
        expectedVersion: request.body.expectedVersion,
        ...(request.body.reason === undefined ? {} : { reason: request.body.reason }),
      });
      return detail(request, request.params.id);
    },
  );
}
