import type { CallNotice, CallNoticeInput } from "../../../contracts/announcements";
import { http } from "./client";

export type { CallNotice };

const enc = encodeURIComponent;
const base = (callId: string) => `/api/calls/${enc(callId)}/notice`;

/** The department's side of 通知公告: a call's notice, its attachments and its publication. */
export const callNoticesApi = {
  get: (callId: string) => http.get<CallNotice>(base(callId)),
  save: (callId: string, input: CallNoticeInput) => http.put<CallNotice>(base(callId), input),
  publish: (callId: string, publishedOn: string, version: number) =>
    http.post<CallNotice>(`${base(callId)}/publish`, { publishedOn, version }),
  unpublish: (callId: string, version: number) => http.post<CallNotice>(`${base(callId)}/unpublish`, { version }),
  upload: (callId: string, file: File) => http.upload<CallNotice>(`${base(callId)}/files`, file),
  removeFile: (callId: string, fileId: string) => http.delete<CallNotice>(`${base(callId)}/files/${enc(fileId)}`),
  fileUrl: (callId: string, fileId: string) => `${base(callId)}/files/${enc(fileId)}`,
};
