import type { z } from "zod";
import type {
  applicationDetail,
  applicationPage,
  applicationSchema,
  callInput,
  callList,
  callSchema,
  eventRequest,
  recommendationSchema,
} from "../../../contracts/recognition";
import type {
  creditRecordInput,
  creditRecordSchema,
  importReport,
  nationalPlatformInput,
  nationalPlatformSchema,
  registryBaseSchema,
  revocationInput,
  revocationSchema,
} from "../../../contracts/registry";
import { buildUrl, http } from "./client";
import { toApiError } from "./errors";

export type Call = z.infer<typeof callSchema>;
export type CallInput = z.input<typeof callInput>;
export type ApplicationSummary = z.infer<typeof applicationSchema>;
export type ApplicationDetail = z.infer<typeof applicationDetail>;
export type ApplicationPage = z.infer<typeof applicationPage>;
export type EventInput = z.input<typeof eventRequest>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type CreditRecord = z.infer<typeof creditRecordSchema>;
export type NationalPlatform = z.infer<typeof nationalPlatformSchema>;
export type Revocation = z.infer<typeof revocationSchema>;
export type RegistryBase = z.infer<typeof registryBaseSchema>;
export type ImportReport = z.infer<typeof importReport>;
export interface RegistryFacts {
  creditRecords: CreditRecord[];
  nationalPlatforms: NationalPlatform[];
  revocations: Revocation[];
  bases: RegistryBase[];
}

const enc = encodeURIComponent;

/** Multipart upload with extra fields before the file (the server reads `slot` from them). */
export async function uploadWith<T>(path: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append("file", file);
  const token = document.cookie.match(/(?:^|;\s*)csrf=([^;]+)/)?.[1];
  const response = await fetch(path, {
    method: "POST",
    body: form,
    credentials: "same-origin",
    headers: token ? { "x-csrf-token": decodeURIComponent(token) } : {},
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

export const callsApi = {
  list: () => http.get<z.infer<typeof callList>>("/api/calls"),
  get: (id: string) => http.get<Call>(`/api/calls/${enc(id)}`),
  create: (input: CallInput) => http.post<Call>("/api/calls", input),
  move: (id: string, move: "open" | "close") => http.post<Call>(`/api/calls/${enc(id)}/${move}`, {}),
  recommendation: (id: string, recommenderId: string) =>
    http.get<Recommendation>(`/api/calls/${enc(id)}/recommendations/${enc(recommenderId)}`),
  documentUrl: (id: string, recommenderId: string, document: "letter" | "summary", format: string) =>
    `/api/calls/${enc(id)}/recommendations/${enc(recommenderId)}/${document}/${format}`,
  uploadStamped: (id: string, recommenderId: string, file: File) =>
    uploadWith<{ ok: true }>(`/api/calls/${enc(id)}/recommendations/${enc(recommenderId)}/stamped`, file),
};

export const applicationsApi = {
  list: (query: { callId?: string; state?: string; q?: string; held?: boolean; page?: number; pageSize?: number }) =>
    http.get<ApplicationPage>("/api/applications", query),
  get: (id: string) => http.get<ApplicationDetail>(`/api/applications/${enc(id)}`),
  create: (callId: string) => http.post<ApplicationDetail>("/api/applications", { callId }),
  save: (id: string, form: ApplicationDetail["form"], version: number) =>
    http.patch<ApplicationDetail>(`/api/applications/${enc(id)}`, { form, version }),
  fire: (id: string, input: EventInput) => http.post<ApplicationDetail>(`/api/applications/${enc(id)}/events`, input),
  rank: (callId: string, recommenderId: string, order: string[]) =>
    http.put<ApplicationPage>("/api/applications/ranking", { callId, recommenderId, order }),
  upload: (id: string, slot: string, file: File) =>
    uploadWith<ApplicationDetail>(`/api/applications/${enc(id)}/files`, file, { slot }),
  removeFile: (id: string, fileId: string) =>
    http.delete<ApplicationDetail>(`/api/applications/${enc(id)}/files/${enc(fileId)}`),
  fileUrl: (id: string, fileId: string) => `/api/applications/${enc(id)}/files/${enc(fileId)}`,
  formUrl: (id: string, format: "docx" | "pdf") => `/api/applications/${enc(id)}/application-form/${format}`,
};

export const registryApi = {
  facts: (unitId?: string) => http.get<RegistryFacts>(buildUrl("/api/registry-facts", { unitId })),
  addCredit: (input: z.input<typeof creditRecordInput>) =>
    http.post<{ id: string }>("/api/registry-facts/credit-records", input),
  addPlatform: (input: z.input<typeof nationalPlatformInput>) =>
    http.post<{ id: string }>("/api/registry-facts/national-platforms", input),
  addRevocation: (input: z.input<typeof revocationInput>) =>
    http.post<{ id: string }>("/api/registry-facts/revocations", input),
  remove: (kind: "credit-records" | "national-platforms" | "revocations", id: string) =>
    http.delete<{ ok: true }>(`/api/registry-facts/${kind}/${enc(id)}`),
  importBases: (file: File) => uploadWith<ImportReport>("/api/registry-facts/bases/import", file),
  templateUrl: "/api/registry-facts/bases/import-template",
};
