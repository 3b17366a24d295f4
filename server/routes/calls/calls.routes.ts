import { idParams, okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  callInput,
  callList,
  callSchema,
  callUpdate,
  documentFormat,
  recommendationParams,
  recommendationSchema,
  tableFormat,
} from "../../../contracts/recognition";
import type { Ability } from "../../../policy/access/abilities";
import type { Caller } from "../../access/caller";
import { authorize, type ResolvedScope, resolveScope } from "../../access/scope";
import { chinaDate } from "../../clock";
import type { Actor } from "../../commands/command";
import type { Executor } from "../../db/client";
import { recordPrintedDocument } from "../../documents/printed-register";
import {
  letterTitle,
  renderLetterDocx,
  renderLetterPdf,
  renderSummaryPdf,
  renderSummaryXlsx,
} from "../../documents/recommendation";
import { verificationOf } from "../../documents/verification";
import { errors } from "../../http/errors";
import { actorOf, callerOf } from "../../http/request-context";
import { actionsOn, presentSummary } from "../../recognition/applications.repository";
import {
  type CallRow,
  createCall,
  listCalls,
  loadCall,
  moveCall,
  presentCall,
  updateCall,
} from "../../recognition/calls";
import { recommendationData } from "../../recognition/document-data";
import { loadRecommendation, saveStampedLetter } from "../../recognition/recommendations";
import { callAccepting } from "../../recognition/save-application";
import type { FileStore } from "../../storage/files";
import { mediaTypes } from "../applications/application-documents.routes";
import { readUpload, sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["calls"];

async function callAbilities(executor: Executor, caller: Caller, row: CallRow, now: Date): Promise<Ability[]> {
  const result: Ability[] = ["call.read"];
  if (await resolveScope(executor, caller, "call.manage")) result.push("call.manage");
  const canCreate = await resolveScope(executor, caller, "application.create");
  const invited = row.kind === "annual" || (caller.unitId !== null && row.invitedUnitIds.includes(caller.unitId));
  if (canCreate && caller.unitId && invited && callAccepting(row, now)) result.push("application.create");
  return result;
}

/** Calls (年度认定通知, targeted calls) and each recommender's list, letter and 汇总表 for a call. */
export async function callRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;
  const present = async (caller: Caller, row: CallRow) => {
    const now = deps.clock.now();
    return presentCall(row, now, await callAbilities(db, caller, row, now));
  };

  app.get(
    "/api/calls",
    {
      config: { ability: "call.read" },
      schema: { tags, summary: "认定批次 / calls the caller may see", response: { 200: callList, ...errorResponses } },
    },
    async (request) => {
      const caller = callerOf(request);
      const items = [];
      for (const row of await listCalls(db, caller)) items.push(await present(caller, row));
      return { items };
    },
  );

  app.get(
    "/api/calls/:id",
    {
      config: { ability: "call.read" },
      schema: {
        tags,
        summary: "一个批次 / one call",
        params: idParams,
        response: { 200: callSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return present(caller, await loadCall(db, caller, request.params.id));
    },
  );

  app.post(
    "/api/calls",
    {
      config: { ability: "call.manage" },
      schema: {
        tags,
        summary: "新建批次（草稿）/ draft a call (officer)",
        body: callInput,
        response: { 201: callSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await authorize(db, caller, "call.manage");
      const id = await createCall(deps, actorOf(request), request.body);
      return reply.code(201).send(await present(caller, await loadCall(db, caller, id)));
    },
  );

  app.patch(
    "/api/calls/:id",
    {
      config: { ability: "call.manage" },
      schema: {
        tags,
        summary: "修改批次 / edit a call at a version",
        params: idParams,
        body: callUpdate,
        response: { 200: callSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await authorize(db, caller, "call.manage");
      await updateCall(deps, actorOf(request), request.params.id, request.body);
      return present(caller, await loadCall(db, caller, request.params.id));
    },
  );

  for (const move of ["open", "close"] as const) {
    app.post(
      `/api/calls/:id/${move}`,
      {
        config: { ability: "call.manage" },
        schema: {
          tags,
          summary: move === "open" ? "发布批次 / open a call" : "关闭批次 / close a call",
          params: idParams,
          response: { 200: callSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await authorize(db, caller, "call.manage");
        await moveCall(deps, actorOf(request), request.params.id, move);
        return present(caller, await loadCall(db, caller, request.params.id));
      },
    );
  }

  app.get(
    "/api/calls/:id/recommendations/:recommenderId",
    {
      config: { ability: "application.read" },
      schema: {
        tags,
        summary: "推荐部门的推荐名单（按优先顺序）/ a recommender's ranked list",
        params: recommendationParams,
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const loaded = await loadRecommendation(db, caller, request.params.id, request.params.recommenderId);
      const cache = new Map<Ability, ResolvedScope | null>([["application.read", loaded.scope]]);
      const items = [];
      for (const row of loaded.items)
        items.push(presentSummary(row, await actionsOn(db, caller, row, cache, deps.clock.now())));
      const own = caller.recommenderId === request.params.recommenderId;
      const rank = own ? await resolveScope(db, caller, "application.rank") : null;
      return {
        callId: loaded.call.id,
        recommenderId: loaded.recommender.id,
        recommenderName: loaded.recommender.nameZh,
        quota: loaded.quota,
        items,
        stampedCopy: loaded.stamped ? { ...loaded.stamped, createdAt: loaded.stamped.createdAt.toISOString() } : null,
        abilities: rank ? ["application.rank"] : [],
      };
    },
  );

  const documentOf = async (caller: Caller, params: { id: string; recommenderId: string }, actor: Actor) => {
    const loaded = await loadRecommendation(db, caller, params.id, params.recommenderId);
    if (loaded.items.length === 0) throw errors.notFound("Recommendation", "推荐名单");
    const data = recommendationData(loaded, chinaDate(deps.clock.now()));
    const verification = verificationOf(
      "recommendation",
      {
        callId: params.id,
        recommenderId: params.recommenderId,
        items: loaded.items.map((row) => ({
          id: row.application.id,
          priority: row.application.priority,
          opinion: loaded.opinions.get(row.application.id) ?? "",
        })),
      },
      deps.config.publicBaseUrl,
    );
    await recordPrintedDocument(deps, actor, {
      verification,
      subject: { type: "recommendation", id: `${params.id}/${params.recommenderId}` },
      title: letterTitle(data),
      issuer: data.recommenderName,
    });
    return { data, verification };
  };

  app.get(
    "/api/calls/:id/recommendations/:recommenderId/letter/:format",
    {
      config: { ability: "application.read" },
      schema: {
        tags,
        summary: "推荐函（Word/PDF）/ the recommendation letter",
        params: recommendationParams.extend(documentFormat.shape),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { data, verification } = await documentOf(callerOf(request), request.params, actorOf(request));
      const format = request.params.format;
      const content =
        format === "docx" ? await renderLetterDocx(data, verification) : await renderLetterPdf(data, verification);
      reply.header("x-verification-code", verification.code);
      return sendDownload(reply, {
        name: `${data.recommenderName}-推荐函.${format}`,
        mediaType: mediaTypes[format],
        content,
      });
    },
  );

  app.get(
    "/api/calls/:id/recommendations/:recommenderId/summary/:format",
    {
      config: { ability: "application.read" },
      schema: {
        tags,
        summary: "推荐汇总表（Excel/PDF）/ the priority-ranked summary table",
        params: recommendationParams.extend(tableFormat.shape),
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { data, verification } = await documentOf(callerOf(request), request.params, actorOf(request));
      const format = request.params.format;
      const content =
        format === "xlsx" ? await renderSummaryXlsx(data, verification) : await renderSummaryPdf(data, verification);
      reply.header("x-verification-code", verification.code);
      return sendDownload(reply, {
        name: `${data.recommenderName}-推荐汇总表.${format}`,
        mediaType: mediaTypes[format],
        content,
      });
    },
  );

  app.post(
    "/api/calls/:id/recommendations/:recommenderId/stamped",
    {
      config: { ability: "application.rank" },
      schema: {
        tags,
        summary: "上传盖章推荐函及汇总表（PDF）/ upload the stamped copy",
        params: recommendationParams,
        response: { 201: okResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await loadRecommendation(db, caller, request.params.id, request.params.recommenderId);
      const upload = await readUpload(request, store, 50 * 1024 * 1024);
      await saveStampedLetter(deps, store, actorOf(request), caller, {
        callId: request.params.id,
        recommenderId: request.params.recommenderId,
        name: upload.name,
        content: upload.content,
      });
      return reply.code(201).send({ ok: true as const });
    },
  );

  app.get(
    "/api/calls/:id/recommendations/:recommenderId/stamped",
    {
      config: { ability: "application.read" },
      schema: {
        tags,
        summary: "下载盖章推荐函 / download the stamped copy",
        params: recommendationParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const loaded = await loadRecommendation(db, caller, request.params.id, request.params.recommenderId);
      if (!loaded.stamped) throw errors.notFound("File", "文件");
      const file = await store.open(db, loaded.stamped.fileId);
      if (!file) throw errors.notFound("File", "文件");
      return sendDownload(reply, file);
    },
  );
}
