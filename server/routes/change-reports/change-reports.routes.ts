import { z } from "zod";
import {
  changeReportCreate,
  changeReportDetail,
  changeReportEventRequest,
  changeReportListQuery,
  changeReportSummary,
  changeReportUpdate,
} from "../../../contracts/change-reports";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { abilitiesOn, authorize } from "../../access/scope";
import {
  createChangeReport,
  fireChangeReportEvent,
  reportableStatuses,
  saveChangeReport,
} from "../../changes/change-commands";
import { listChangeReports, presentChangeReport, requireChangeReport } from "../../changes/change-reports.repository";
import { errors } from "../../http/errors";
import { callerOf, invocationOf } from "../../http/request-context";
import { loadBase } from "../../registry/bases.repository";
import type { FileStore } from "../../storage/files";
import { evidenceRoutes } from "../annual-reports/evidence.routes";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["change-reports"];
const items = z.object({ items: z.array(changeReportSummary) });
const baseItems = items.extend({ canCreate: z.boolean() });

/**
 * 重大事项变化 (Art. 18.5): the host unit reports a change of work plan, director, name or key/main countries within
 * 3 months; the recommender approves or returns it; the department files it, which updates the registry. Another
 * unit's or jurisdiction's report is a 404.
 */
export async function changeReportRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;

  const detail = async (request: Parameters<typeof callerOf>[0], id: string) => {
    const caller = callerOf(request);
    return presentChangeReport(db, caller, await requireChangeReport(db, caller, id), deps.clock.now());
  };

  app.get(
    "/api/change-reports",
    {
      config: { ability: "change-report.read" },
      schema: {
        tags,
        summary: "重大事项变化报告 / major change reports in scope",
        querystring: changeReportListQuery,
        response: { 200: items, ...errorResponses },
      },
    },
    async (request) => ({
      items: await listChangeReports(db, callerOf(request), request.query, deps.clock.now()),
    }),
  );

  app.get(
    "/api/bases/:id/change-reports",
    {
      config: { ability: "change-report.read" },
      schema: {
        tags,
        summary: "基地的重大事项变化 / one base's change reports",
        params: idParams,
        response: { 200: baseItems, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      // The base through the caller's base scope first: another unit's base is a 404, not an empty list.
      const loaded = await loadBase(db, await authorize(db, caller, "base.read"), request.params.id);
      if (!loaded) throw errors.notFound("Base", "基地");
      const abilities = await abilitiesOn(db, caller, "change-report", {
        unitId: loaded.base.unitId,
        recommenderId: loaded.unitRecommenderId,
      });
      return {
        items: await listChangeReports(db, caller, { baseId: request.params.id }, deps.clock.now()),
        // 报告重大事项变化 is offered to the host unit of a base in the series (Art. 18.5).
        canCreate: abilities.includes("change-report.create") && reportableStatuses.includes(loaded.base.status),
      };
    },
  );

  app.post(
    "/api/change-reports",
    {
      config: { ability: "change-report.create" },
      schema: {
        tags,
        summary: "新建重大事项变化报告 / start a change report (draft)",
        body: changeReportCreate,
        response: { 201: changeReportDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await createChangeReport(invocationOf(deps, request), request.body);
      return reply.code(201).send(await detail(request, id));
    },
  );

  app.get(
    "/api/change-reports/:id",
    {
      config: { ability: "change-report.read" },
      schema: {
        tags,
        summary: "重大事项变化报告详情 / one change report",
        params: idParams,
        response: { 200: changeReportDetail, ...errorResponses },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    "/api/change-reports/:id",
    {
      config: { ability: "change-report.submit" },
      schema: {
        tags,
        summary: "保存草稿 / save the draft (draft or returned)",
        params: idParams,
        body: changeReportUpdate,
        response: { 200: changeReportDetail, ...errorResponses },
      },
    },
    async (request) => {
      await saveChangeReport(invocationOf(deps, request), { id: request.params.id, update: request.body });
      return detail(request, request.params.id);
    },
  );

  app.post(
    "/api/change-reports/:id/events",
    {
      config: { ability: "change-report.read" },
      schema: {
        tags,
        summary: "流转（提交、同意、退回、备案、撤回）/ submit, approve, return, file or withdraw",
        params: idParams,
        body: changeReportEventRequest,
        response: { 200: changeReportDetail, ...errorResponses },
      },
    },
    async (request) => {
      await fireChangeReportEvent(invocationOf(deps, request), {
        id: request.params.id,
        event: request.body.event,
        expectedVersion: request.body.expectedVersion,
        ...(request.body.reason === undefined ? {} : { reason: request.body.reason }),
      });
      return detail(request, request.params.id);
    },
  );

  await evidenceRoutes(app, deps, store, {
    subject: "change-report",
    prefix: "/api/change-reports",
    read: "change-report.read",
    submit: "change-report.submit",
    tags,
    nameZh: "重大事项变化报告",
    nameEn: "change report",
  });
}
