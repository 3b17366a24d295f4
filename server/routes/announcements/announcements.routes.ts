import { announcementDetail, announcementList, callNoticeFileParams } from "../../../contracts/announcements";
import { idParams } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { chinaDate } from "../../clock";
import { errors } from "../../http/errors";
import { publicRead } from "../../http/public-reads";
import { isNoticeAttachment, listAnnouncements, loadAnnouncement } from "../../recognition/call-notices.repository";
import type { FileStore } from "../../storage/files";
import { sendDownload } from "../applications/transfer";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["public"];
const config = publicRead;

/**
 * 通知公告 for everyone, no sign-in, rate-limited per IP like the other public reads: the published notices of calls
 * with their attachments, and the 公示 — running or ended — newest first. A notice not yet published is not found.
 */
export async function announcementRoutes(app: TypedApp, deps: RouteDeps, store: FileStore) {
  const db = deps.database.db;
  const today = () => chinaDate(deps.clock.now());

  app.get(
    "/api/public/announcements",
    {
      config,
      schema: {
        tags,
        summary: "通知公告（公开）/ published call notices and public notices",
        response: { 200: announcementList, ...errorResponses },
      },
    },
    async () => {
      const on = today();
      return { today: on, items: await listAnnouncements(db, on) };
    },
  );

  app.get(
    "/api/public/announcements/:id",
    {
      config,
      schema: {
        tags,
        summary: "一则通知（公开）/ one published call notice",
        params: idParams,
        response: { 200: announcementDetail, ...errorResponses },
      },
    },
    async (request) => {
      const found = await loadAnnouncement(db, request.params.id, today());
      if (!found) throw errors.notFound("Notice", "通知");
      return found;
    },
  );

  app.get(
    "/api/public/announcements/:id/files/:fileId",
    {
      config,
      schema: {
        tags,
        summary: "下载通知附件（公开）/ download an attachment of a published notice",
        params: callNoticeFileParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      const published = await loadAnnouncement(db, id, today());
      if (!published || !(await isNoticeAttachment(db, id, fileId))) throw errors.notFound("File", "文件");
      const file = await store.open(db, fileId);
      if (!file) throw errors.notFound("File", "文件");
      return sendDownload(reply, file);
    },
  );
}
