import { z } from "zod";
import { fileDownloadQuery, inlineSafe } from "../../../contracts/application-read";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import {
  applicationCreate,
  applicationDetail,
  applicationListQuery,
  applicationPage,
  applicationUpdate,
  eventRequest,
  fileParams,
  fileSlots,
  rankingRequest,
} from "../../../contracts/recognition";
import type { Ability } from "../../../policy/access/abilities";
import { applicationLifecycle } from "../../../policy/lifecycles/application.transitions";
import { transitionRule } from "../../../policy/lifecycles/transition";
import { abilityKey, type Caller } from "../../access/caller";
import { authorize, type ResolvedScope } from "../../access/scope";
import { readKey } from "../../db/read-cache";
import { sendCachedPage } from "../../http/cached-page";
import { apiError, errors } from "../../http/errors";
import { actorOf, callerOf } from "../../http/request-context";
import { clockFactsKey } from "../../recognition/application-facts";
import { attachApplicationFile, detachApplicationFile, filesOf } from "../../recognition/application-files";
import { actionsOn, listApplications, presentSummary } from "../../recognition/applications.repository";
import { maxUploadBytes } from "../../recognition/materials";
import { joinedOf, presentDetail } from "../../recognition/present-application";
import { rankApplications } from "../../recognition/recommendations";
import { createApplication, updateApplicationForm } from "../../recognition/save-application";
import { fireApplicationEvent } from "../../recognition/transition-application";
import type { FileStore } from "../../storage/files";
import type { RouteDeps, TypedApp } from "../types";
import { applicationDocumentRoutes } from "./application-documents.routes";
import { applicationReadRoutes } from "./application-read.routes";
import { loadScopedApplication } from "./scoped";
import { readUpload, sendDownload } from "./transfer";

const tags = ["applications"];

/**
 * What `POST /api/applications/:id/events` needs: one of the abilities of the events its body accepts, in any state
 * of the lifecycle (policy/lifecycles/application.transitions.ts); the decision then checks the event's own on the row.
 */
const applicationEventAbilities: readonly Ability[] = [
  ...new Set(
    applicationLifecycle.states.flatMap((state) =>
      eventRequest.shape.event.options.flatMap((event) => {
        const rule = transitionRule(applicationLifecycle, state, event);
        return rule ? [rule.ability] : [];
      }),
    ),
  ),
];

/** Applications (SPEC §5.1 steps 2–4): editor, files, transitions, the recommender's ranking. */
export async function applicationRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;
  const detail = async (caller: Caller, id: string, after: { justRecomputed?: boolean } = {}) =>
    presentDetail(db, caller, await loadScopedApplication(db, caller, id), deps.clock.now(), after);
  /** The detail after a command whose transaction recomputed the findings (create, save, upload, removal). */
  const detailAfterRecompute = (caller: Caller, id: string) => detail(caller, id, { justRecomputed: true });

  app.get(
    "/api/applications",
    {
      config: { ability: "application.read" },
      schema: {
        tags,
        summary: "申报列表 / applications in scope (the recommender's queue with held=true)",
        querystring: applicationListQuery,
        response: { 200: applicationPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const scope = await authorize(db, caller, "application.read");
      const { held, ...filter } = request.query;
      if (held && !caller.recommenderId) throw errors.forbidden("application.recommend");
      const { rows, total } = await listApplications(db, scope, {
        ...filter,
        heldBy: held ? (caller.recommenderId ?? undefined) : undefined,
      });
      const now = deps.clock.now();
      // The page as sent, serialized once for the caller's abilities, the filter and the clock's facts on the rows'
      // calls (db/read-cache.ts): the summaries and the actions on them are the same for all three until a write.
      const key = readKey(
        "application-list-page",
        abilityKey(caller),
        request.query,
        clockFactsKey(
          rows.map((row) => row.call),
          now,
        ),
      );
      return sendCachedPage(reply, db, key, async () => {
        const cache = new Map<Ability, ResolvedScope | null>([["application.read", scope]]);
        const items = [];
        for (const row of rows) items.push(presentSummary(row, await actionsOn(db, caller, row, cache, now)));
        return { items, total };
      });
    },
  );

  app.post(
    "/api/applications",
    {
      config: { ability: "application.create" },
      schema: {
        tags,
        summary: "新建申报 / start an application to an open call",
        body: applicationCreate,
        response: { 201: applicationDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const id = await createApplication(deps, actorOf(request), caller, request.body);
      return reply.code(201).send(await detailAfterRecompute(caller, id));
    },
  );

  app.get(
    "/api/applications/:id",
    {
      config: { ability: "application.read" },
      schema: {
        tags,
        summary: "申报详情（含资格自查与材料清单）/ one application with findings and materials",
        params: idParams,
        response: { 200: applicationDetail, ...errorResponses },
      },
    },
    async (request) => detail(callerOf(request), request.params.id),
  );

  app.patch(
    "/api/applications/:id",
    {
      config: { ability: "application.update" },
      schema: {
        tags,
        summary: "保存申报（自动保存，版本冲突 409）/ save the form at a version",
        params: idParams,
        body: applicationUpdate,
        response: { 200: applicationDetail, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await updateApplicationForm(deps, actorOf(request), caller, request.params.id, request.body);
      return detailAfterRecompute(caller, request.params.id);
    },
  );

  app.post(
    "/api/applications/:id/events",
    {
      config: { ability: applicationEventAbilities },
      schema: {
        tags,
        summary: "提交、上报、推荐、退回、不予推荐、形式审查、送审 / fire a recognition event",
        params: idParams,
        body: eventRequest,
        response: { 200: applicationDetail, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const written = await fireApplicationEvent(
        { deps, actor: actorOf(request), caller },
        { applicationId: request.params.id, request: request.body },
      );
      // The application as written: after a pass-up the district sees the outcome of its own act, with no actions.
      return presentDetail(db, caller, joinedOf(written), deps.clock.now());
    },
  );

  app.put(
    "/api/applications/ranking",
    {
      config: { ability: "application.rank" },
      schema: {
        tags,
        summary: "推荐排序（限额内）/ rank the recommended applications within the quota",
        body: rankingRequest,
        response: { 200: applicationPage, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await rankApplications(deps, actorOf(request), caller, request.body);
      const scope = await authorize(db, caller, "application.read");
      const { rows } = await listApplications(db, scope, {
        callId: request.body.callId,
        heldBy: request.body.recommenderId,
        page: 1,
        pageSize: 200,
      });
      const cache = new Map<Ability, ResolvedScope | null>();
      const items = [];
      for (const row of rows.filter((r) => r.application.priority !== null)) {
        items.push(presentSummary(row, await actionsOn(db, caller, row, cache, deps.clock.now())));
      }
      return { items, total: items.length };
    },
  );

  app.post(
    "/api/applications/:id/files",
    {
      config: { ability: "application.update" },
      schema: {
        tags,
        summary: "上传申报材料（multipart：slot + file，≤ 50 MB，按内容判断类型）/ upload a material",
        params: idParams,
        querystring: z.object({ slot: z.enum(fileSlots).optional() }),
        response: { 201: applicationDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await loadScopedApplication(db, caller, request.params.id);
      const upload = await readUpload(request, store, maxUploadBytes);
      const slot = z.enum(fileSlots).safeParse(upload.fields.slot ?? request.query.slot);
      if (!slot.success) {
        throw apiError(400, "invalid-input", "请选择材料类别。", "Choose the material's slot.", [
          { path: "slot", messageZh: "材料类别无效", messageEn: "Unknown slot" },
        ]);
      }
      await attachApplicationFile(deps, store, actorOf(request), caller, {
        applicationId: request.params.id,
        slot: slot.data,
        name: upload.name,
        content: upload.content,
      });
      return reply.code(201).send(await detailAfterRecompute(caller, request.params.id));
    },
  );

  app.delete(
    "/api/applications/:id/files/:fileId",
    {
      config: { ability: "application.update" },
      schema: {
        tags,
        summary: "删除申报材料 / remove a material",
        params: fileParams,
        response: { 200: applicationDetail, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await loadScopedApplication(db, caller, request.params.id);
      await detachApplicationFile(deps, actorOf(request), caller, {
        applicationId: request.params.id,
        attachmentId: request.params.fileId,
      });
      return detailAfterRecompute(caller, request.params.id);
    },
  );

  app.get(
    "/api/applications/:id/files/:fileId",
    {
      config: { ability: "application.read" },
      schema: {
        tags,
        summary: "下载申报材料（仅限可查看该申报者；inline=1 在线预览 PDF、图片）/ download or preview a material",
        params: fileParams,
        querystring: fileDownloadQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await loadScopedApplication(db, caller, request.params.id);
      const file = (await filesOf(db, request.params.id)).find((f) => f.id === request.params.fileId);
      if (!file) throw errors.notFound("File", "文件");
      return sendDownload(
        reply,
        { name: file.name, mediaType: file.mediaType, content: await store.read(file.storageKey) },
        { inline: request.query.inline === "1" && inlineSafe(file.mediaType) },
      );
    },
  );

  await applicationDocumentRoutes(app, deps);
  await applicationReadRoutes(app, deps);
}
