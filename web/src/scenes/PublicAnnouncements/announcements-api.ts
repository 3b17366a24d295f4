import type { AnnouncementDetail, AnnouncementItem, AnnouncementList } from "../../../../contracts/announcements";
import { http } from "../../api/client";

export type { AnnouncementDetail, AnnouncementItem };

const enc = encodeURIComponent;

/** 通知公告 for everyone (no sign-in): the list, one notice, and its attachments' download links. */
export const announcementsApi = {
  list: () => http.get<AnnouncementList>("/api/public/announcements"),
  get: (id: string) => http.get<AnnouncementDetail>(`/api/public/announcements/${enc(id)}`),
  fileUrl: (id: string, fileId: string) => `/api/public/announcements/${enc(id)}/files/${enc(fileId)}`,
};
