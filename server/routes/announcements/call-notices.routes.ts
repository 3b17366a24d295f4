import {
  callNoticeFileParams,
  callNoticeInput,
  callNoticePublish,
  callNoticeSchema,
  callNoticeUnpublish,
} from "../../../contracts/announcements";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { authorize } from "../../access/scope";
import { chinaDate } from "../../clock";
import { errors } from "../../http/errors";
import { invocationOf } from "../../http/request-context";
import {
  addCallNoticeFile,
  publishCallNotice,
  removeCallNoticeFile,
  saveCallNotice,
  unpublishCallNotice,
} from "../../recognition/call-notices";
import { isNoticeAttachment, loadCallNotice } from "../../recognition/call-notices.repository";
import { loadCall } from "../../recognition/calls";
import type { FileStore } from "../../storage/files";
import { readUpload, sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["calls"];
const maxUploadBytes = 20 * 1024 * 1024;

/** The notice of a call (通知公告): the department writes it, attaches files and publishes it on the public site. */
export async function callNoticeRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;
  const today = () => chinaDate(deps.clock.now());
  const reply200 = { 200: callNoticeSchema, ...errorResponses };
  /** The officer's read: call.manage, and the call must exist (404 otherwise). */
  const readable = async (request: Parameters<typeof invocationOf>[1], callId: string) => {
    const { caller } = invocationOf(deps, request);
    await authorize(db, caller, "call.manage");
    await loadCall(db, caller, callId);
  };

  app.get(
    "/api/calls/:id/notice",
    {
      config: { ability: "call.manage" },
      schema: { tags, summary: "批次的通知（公告）/ a call's notice", params: idParams, response: reply200 },
    },
    async (request) => {
      await readable(request, request.params.id);
      return loadCallNotice(db, request.params.id, today());
    },
  );

  app.put(
    "/api/calls/:id/notice",
    {
      config: { ability: "call.manage" },
      schema: {
        tags,
        summary: "撰写批次通知 / write a call's notice",
        params: idParams,
        body: callNoticeInput,
        response: reply200,
      },
    },
    async (request) => {
      await saveCallNotice(invocationOf(deps, request), request.params.id, request.body);
      return loadCallNotice(db, request.params.id, today());
    },
  );

  app.post(
    "/api/calls/:id/notice/publish",
    {
      config: { ability: "call.manage" },
      schema: {
        tags,
        summary: "在门户网站发布通知 / publish the notice on the public site",
        params: idParams,
        body: callNoticePublish,
        response: reply200,
      },
    },
    async (request) => {
      await publishCallNotice(invocationOf(deps, request), request.params.id, request.body);
      return loadCallNotice(db, request.params.id, today());
    },
  );

  app.post(
    "/api/calls/:id/notice/unpublish",
    {
      config: { ability: "call.manage" },
      schema: {
        tags,
        summary: "撤下通知 / withdraw the notice from the public site",
        params: idParams,
        body: callNoticeUnpublish,
        response: reply200,
      },
    },
    async (request) => {
      await unpublishCallNotice(invocationOf(deps, request), request.params.id, request.body.version);
      return loadCallNotice(db, request.params.id, today());
    },
  );

  app.post(
    "/api/calls/:id/notice/files",
    {
      config: { ability: "call.manage" },
      schema: {
        tags,
        summary: "上传通知附件（PDF/Word/Excel，≤ 20 MB）/ attach a file to the notice",
        params: idParams,
        response: { 201: callNoticeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await readable(request, request.params.id);
      const upload = await readUpload(request, store, maxUploadBytes);
      await addCallNoticeFile(invocationOf(deps, request), store, request.params.id, upload);
      return reply.code(201).send(await loadCallNotice(db, request.params.id, today()));
    },
  );

  app.delete(
    "/api/calls/:id/notice/files/:fileId",
    {
      config: { ability: "call.manage" },
      schema: {
        tags,
        summary: "删除通知附件 / remove an attachment",
        params: callNoticeFileParams,
        response: reply200,
      },
    },
    async (request) => {
      await removeCallNoticeFile(invocationOf(deps, request), request.params.id, request.params.fileId);
      return loadCallNotice(db, request.params.id, today());
    },
  );

  app.get(
    "/api/calls/:id/notice/files/:fileId",
    {
      config: { ability: "call.manage" },
      schema: {
        tags,
        summary: "下载通知附件 / download an attachment",
        params: callNoticeFileParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      await readable(request, request.params.id);
      if (!(await isNoticeAttachment(db, request.params.id, request.params.fileId)))
        throw errors.notFound("File", "文件");
      const file = await store.open(db, request.params.fileId);
      if (!file) throw errors.notFound("File", "文件");
      return sendDownload(reply, file);
    },
  );
}
