import { api, type Body, href, type Query, type Schema } from "../../api/client";

export type Candidate = Schema<"Candidate">;
export type Portfolio = Schema<"Portfolio">;
export type Approval = Schema<"Approval">;
export type Notice = Schema<"Notice">;
export type Objection = Schema<"Objection">;
export type RecognitionDocument = Schema<"RecognitionDocument">;
export type StoredFile = Schema<"StoredFile">;

/** The officer's decision endpoints (server/routes/decisions/), typed by the generated OpenAPI types. */
export const decisionApi = {
  candidates: (callId?: string) => api.get("/api/decisions/candidates", { query: { callId } }),
  portfolio: (callId?: string) => api.get("/api/decisions/portfolio", { query: { callId } }),
  upload: (file: File) => api.upload("/api/decisions/files", file),
  completeReview: (id: string) => api.post("/api/decisions/applications/{id}/complete-review", { path: { id } }),
  startOnSite: (id: string) =>
    api.post("/api/decisions/applications/{id}/start-on-site-verification", { path: { id } }),
  recordOnSite: (id: string, input: Body<"/api/decisions/applications/{id}/on-site-verifications", "post">) =>
    api.post("/api/decisions/applications/{id}/on-site-verifications", { path: { id }, body: input }),
  evaluate: (id: string, opinion: string) =>
    api.post("/api/decisions/applications/{id}/evaluate", { path: { id }, body: { opinion } }),
  reject: (id: string, reason: string) =>
    api.post("/api/decisions/applications/{id}/reject", { path: { id }, body: { reason } }),
  approvals: () => api.get("/api/decisions/approvals"),
  approve: (input: Body<"/api/decisions/approvals", "post">) => api.post("/api/decisions/approvals", { body: input }),
  notices: (query: Query<"/api/decisions/notices"> = {}) => api.get("/api/decisions/notices", { query }),
  objections: (query: Query<"/api/decisions/objections">) => api.get("/api/decisions/objections", { query }),
  publish: (input: Body<"/api/decisions/notices", "post">) => api.post("/api/decisions/notices", { body: input }),
  receiveObjection: (noticeId: string, input: Body<"/api/decisions/notices/{id}/objections", "post">) =>
    api.post("/api/decisions/notices/{id}/objections", { path: { id: noticeId }, body: input }),
  investigate: (id: string, notes: string) =>
    api.post("/api/decisions/objections/{id}/investigate", { path: { id }, body: { notes } }),
  resolve: (id: string, outcome: "upheld" | "dismissed", resolution: string) =>
    api.post("/api/decisions/objections/{id}/resolve", { path: { id }, body: { outcome, resolution } }),
  sealUrl: (id: string) => href("/api/decisions/objections/{id}/seal", { path: { id } }),
  recognitions: () => api.get("/api/decisions/recognitions"),
  nextNumber: (prefix: string, year: number) =>
    api.get("/api/decisions/recognitions/next-number", { query: { prefix, year } }),
  recognize: (input: Body<"/api/decisions/recognitions", "post">) =>
    api.post("/api/decisions/recognitions", { body: input }),
  noticeUrl: (id: string, format: "docx" | "pdf") =>
    href("/api/decisions/recognitions/{id}/notice/{format}", { path: { id, format } }),
};
