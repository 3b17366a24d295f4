import { api, type Body, href, type Query, type Reply, type Schema } from "./client";

export type Call = Schema<"Call">;
export type CallInput = Body<"/api/calls", "post">;
export type ApplicationSummary = Schema<"Application">;
export type ApplicationDetail = Schema<"ApplicationDetail">;
export type ApplicationPage = Schema<"ApplicationPage">;
export type ApplicationQuery = Query<"/api/applications">;
export type EventInput = Body<"/api/applications/{id}/events", "post">;
export type Recommendation = Schema<"RecognitionRecommendation">;
export type CreditRecord = Schema<"CreditRecord">;
export type NationalPlatform = Schema<"NationalPlatform">;
export type Revocation = Schema<"Revocation">;
export type RegistryBase = Schema<"RegistryBase">;
export type ImportReport = Schema<"RegistryImportReport">;
export type RegistryFacts = Reply<"/api/registry-facts">;
export type RegistryFactKind = "credit-records" | "national-platforms" | "revocations";

export const callsApi = {
  list: () => api.get("/api/calls"),
  get: (id: string) => api.get("/api/calls/{id}", { path: { id } }),
  create: (input: CallInput) => api.post("/api/calls", { body: input }),
  move: (id: string, move: "open" | "close") => api.post(`/api/calls/{id}/${move}` as const, { path: { id } }),
  recommendation: (id: string, recommenderId: string) =>
    api.get("/api/calls/{id}/recommendations/{recommenderId}", { path: { id, recommenderId } }),
  /** 推荐函 as Word or PDF (a plain link: the browser downloads it). */
  letterUrl: (id: string, recommenderId: string, format: "docx" | "pdf") =>
    href("/api/calls/{id}/recommendations/{recommenderId}/letter/{format}", { path: { id, recommenderId, format } }),
  /** 推荐汇总表 as Excel or PDF. */
  summaryUrl: (id: string, recommenderId: string, format: "xlsx" | "pdf") =>
    href("/api/calls/{id}/recommendations/{recommenderId}/summary/{format}", { path: { id, recommenderId, format } }),
  uploadStamped: (id: string, recommenderId: string, file: File) =>
    api.upload("/api/calls/{id}/recommendations/{recommenderId}/stamped", file, { path: { id, recommenderId } }),
};

export const applicationsApi = {
  list: (query: ApplicationQuery) => api.get("/api/applications", { query }),
  get: (id: string) => api.get("/api/applications/{id}", { path: { id } }),
  create: (callId: string) => api.post("/api/applications", { body: { callId } }),
  save: (id: string, form: ApplicationDetail["form"], version: number) =>
    api.patch("/api/applications/{id}", { path: { id }, body: { form, version } }),
  fire: (id: string, input: EventInput) => api.post("/api/applications/{id}/events", { path: { id }, body: input }),
  rank: (callId: string, recommenderId: string, order: string[]) =>
    api.put("/api/applications/ranking", { body: { callId, recommenderId, order } }),
  upload: (id: string, slot: string, file: File) =>
    api.upload("/api/applications/{id}/files", file, { path: { id }, fields: { slot } }),
  removeFile: (id: string, fileId: string) =>
    api.delete("/api/applications/{id}/files/{fileId}", { path: { id, fileId } }),
  fileUrl: (id: string, fileId: string) => href("/api/applications/{id}/files/{fileId}", { path: { id, fileId } }),
  formUrl: (id: string, format: "docx" | "pdf") =>
    href("/api/applications/{id}/application-form/{format}", { path: { id, format } }),
};

export const registryApi = {
  facts: (unitId?: string) => api.get("/api/registry-facts", { query: { unitId } }),
  addCredit: (input: Body<"/api/registry-facts/credit-records", "post">) =>
    api.post("/api/registry-facts/credit-records", { body: input }),
  addPlatform: (input: Body<"/api/registry-facts/national-platforms", "post">) =>
    api.post("/api/registry-facts/national-platforms", { body: input }),
  addRevocation: (input: Body<"/api/registry-facts/revocations", "post">) =>
    api.post("/api/registry-facts/revocations", { body: input }),
  remove: (kind: RegistryFactKind, id: string) =>
    api.delete(`/api/registry-facts/${kind}/{id}` as const, { path: { id } }),
  importBases: (file: File) => api.upload("/api/registry-facts/bases/import", file),
  templateUrl: href("/api/registry-facts/bases/import-template"),
};
