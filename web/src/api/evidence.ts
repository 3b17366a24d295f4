import { api, href, type Schema } from "./client";

export type EvidenceFile = Schema<"EvidenceFile">;
export type EvidenceFileList = Schema<"EvidenceFileList">;

/** Whose evidence: an annual report or a rectification case (server/routes/*\/evidence.routes.ts). */
export type EvidenceOwner = "annual-reports" | "rectifications" | "change-reports" | "revocations";

// Each owner's routes as documented paths (a template literal type: one path per owner, each checked).
const files = (owner: EvidenceOwner) => `/api/${owner}/{id}/files` as const;
const file = (owner: EvidenceOwner) => `/api/${owner}/{id}/files/{fileId}` as const;

/** Evidence files: the list says whether the caller may add files now; the download is a plain link. */
export const evidenceApi = {
  list: (owner: EvidenceOwner, id: string) => api.get(files(owner), { path: { id } }),
  upload: (owner: EvidenceOwner, id: string, upload: File) => api.upload(files(owner), upload, { path: { id } }),
  remove: (owner: EvidenceOwner, id: string, fileId: string) => api.delete(file(owner), { path: { id, fileId } }),
  fileUrl: (owner: EvidenceOwner, id: string, fileId: string) => href(file(owner), { path: { id, fileId } }),
};
