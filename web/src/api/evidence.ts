import type { EvidenceFile, EvidenceFileList } from "../../../contracts/evidence";
import { http } from "./client";
import { uploadWith } from "./recognition";

export type { EvidenceFile, EvidenceFileList };

/** Whose evidence: an annual report or a rectification case (server/routes/*\/evidence.routes.ts). */
export type EvidenceOwner = "annual-reports" | "rectifications" | "change-reports" | "revocations";

const enc = encodeURIComponent;
const base = (owner: EvidenceOwner, id: string) => `/api/${owner}/${enc(id)}/files`;

/** Evidence files: the list says whether the caller may add files now; the download is a plain link. */
export const evidenceApi = {
  list: (owner: EvidenceOwner, id: string) => http.get<EvidenceFileList>(base(owner, id)),
  upload: (owner: EvidenceOwner, id: string, file: File) => uploadWith<EvidenceFileList>(base(owner, id), file),
  remove: (owner: EvidenceOwner, id: string, fileId: string) =>
    http.delete<EvidenceFileList>(`${base(owner, id)}/${enc(fileId)}`),
  fileUrl: (owner: EvidenceOwner, id: string, fileId: string) => `${base(owner, id)}/${enc(fileId)}`,
};
