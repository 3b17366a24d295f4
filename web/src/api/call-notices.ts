import { api, type Body, href, type Schema } from "./client";

export type CallNotice = Schema<"CallNotice">;
export type CallNoticeInput = Body<"/api/calls/{id}/notice", "put">;

/** The department's side of 通知公告: a call's notice, its attachments and its publication. */
export const callNoticesApi = {
  get: (callId: string) => api.get("/api/calls/{id}/notice", { path: { id: callId } }),
  save: (callId: string, input: CallNoticeInput) =>
    api.put("/api/calls/{id}/notice", { path: { id: callId }, body: input }),
  publish: (callId: string, publishedOn: string, version: number) =>
    api.post("/api/calls/{id}/notice/publish", { path: { id: callId }, body: { publishedOn, version } }),
  unpublish: (callId: string, version: number) =>
    api.post("/api/calls/{id}/notice/unpublish", { path: { id: callId }, body: { version } }),
  upload: (callId: string, file: File) => api.upload("/api/calls/{id}/notice/files", file, { path: { id: callId } }),
  removeFile: (callId: string, fileId: string) =>
    api.delete("/api/calls/{id}/notice/files/{fileId}", { path: { id: callId, fileId } }),
  fileUrl: (callId: string, fileId: string) =>
    href("/api/calls/{id}/notice/files/{fileId}", { path: { id: callId, fileId } }),
};
