import { api, href, type Schema } from "../../api/client";

export type AnnouncementDetail = Schema<"AnnouncementDetail">;
export type AnnouncementItem = Schema<"AnnouncementItem">;

/** 通知公告 for everyone (no sign-in): the list, one notice, and its attachments' download links. */
export const announcementsApi = {
  list: () => api.get("/api/public/announcements"),
  get: (id: string) => api.get("/api/public/announcements/{id}", { path: { id } }),
  fileUrl: (id: string, fileId: string) =>
    href("/api/public/announcements/{id}/files/{fileId}", { path: { id, fileId } }),
};
