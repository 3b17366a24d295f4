import { api, type Body, href, type Query, type Reply, type Schema } from "./client";

export type Expert = Schema<"Expert">;
export type ExpertPage = Schema<"ExpertPage">;
export type ExpertStatus = Schema<"ExpertStatus">;
export type ExpertInput = Body<"/api/experts", "post">;
export type ExpertUpdate = Body<"/api/experts/{id}", "patch">;
export type ExpertHistory = Schema<"ExpertHistory">;
export type ExpertQuery = Query<"/api/experts">;
export type ImportReport = Schema<"ReviewImportReport">;
export type Round = Schema<"Round">;
export type RoundPage = Schema<"RoundPage">;
export type Draw = Schema<"DrawList">["items"][number];
export type Aggregation = Schema<"Aggregation">;
export type Ranking = Schema<"Ranking">;
export type Materials = Schema<"Materials">;
export type Assignment = Schema<"Assignment">;
/** An expert's assignment as the portal shows it: the assignment, its target and the round's rubric. */
export type PortalItem = Reply<"/api/reviews/assignments/{id}">;
export type ScoresInput = Body<"/api/reviews/assignments/{id}/scores", "post">;
export type ReviewTargetList = Schema<"ReviewTargetList">;
export type ReviewTarget = ReviewTargetList["items"][number];
export type CreateReviewInput = Body<"/api/reviews", "post">;

/** Expert pool, review rounds, draws and the expert portal (issue 5). One line each; no logic here. */
export const expertsApi = {
  list: (query: ExpertQuery) => api.get("/api/experts", { query }),
  get: (id: string) => api.get("/api/experts/{id}", { path: { id } }),
  create: (input: ExpertInput) => api.post("/api/experts", { body: input }),
  update: (id: string, input: ExpertUpdate) => api.patch("/api/experts/{id}", { path: { id }, body: input }),
  history: (id: string) => api.get("/api/experts/{id}/history", { path: { id } }),
  import: (file: File) => api.upload("/api/experts/import", file),
  templateUrl: href("/api/experts/import-template.xlsx"),
};

export const reviewsApi = {
  list: (query: Query<"/api/reviews">) => api.get("/api/reviews", { query }),
  targets: (query: Query<"/api/reviews/targets">) => api.get("/api/reviews/targets", { query }),
  create: (input: CreateReviewInput) => api.post("/api/reviews", { body: input }),
  cancel: (id: string, reason: string) => api.post("/api/reviews/{id}/cancel", { path: { id }, body: { reason } }),
  get: (id: string) => api.get("/api/reviews/{id}", { path: { id } }),
  draws: (id: string) => api.get("/api/reviews/{id}/draws", { path: { id } }),
  draw: (id: string, reason?: string) => api.post("/api/reviews/{id}/draws", { path: { id }, body: { reason } }),
  aggregation: (id: string) => api.get("/api/reviews/{id}/aggregation", { path: { id } }),
  panelOpinion: (id: string, opinion: string) =>
    api.post("/api/reviews/{id}/panel-opinion", { path: { id }, body: { opinion } }),
  reopen: (assignmentId: string, reason: string) =>
    api.post("/api/reviews/assignments/{id}/reopen", { path: { id: assignmentId }, body: { reason } }),
  recordUrl: (drawId: string) => href("/api/draws/{id}/record", { path: { id: drawId } }),
  rankingUrl: (groupId: string, format: "xlsx" | "pdf") =>
    href(`/api/reviews/ranking.${format}` as const, { query: { groupId } }),
};

export const portalApi = {
  list: (query: Query<"/api/reviews/assignments"> = {}) => api.get("/api/reviews/assignments", { query }),
  get: (id: string) => api.get("/api/reviews/assignments/{id}", { path: { id } }),
  accept: (id: string) => api.post("/api/reviews/assignments/{id}/accept", { path: { id }, body: {} }),
  decline: (id: string, reason: string) =>
    api.post("/api/reviews/assignments/{id}/decline", { path: { id }, body: { reason } }),
  declare: (id: string, conflict: boolean, statement: string) =>
    api.post("/api/reviews/assignments/{id}/declaration", { path: { id }, body: { conflict, statement } }),
  materials: (id: string) => api.get("/api/reviews/assignments/{id}/materials", { path: { id } }),
  /** One file of the materials: a PDF opens in the browser, others download; each opening is audited. */
  fileUrl: (id: string, fileId: string) =>
    href("/api/reviews/assignments/{id}/files/{fileId}", { path: { id, fileId } }),
  saveScores: (id: string, input: ScoresInput) =>
    api.post("/api/reviews/assignments/{id}/scores", { path: { id }, body: input }),
  submit: (id: string) => api.post("/api/reviews/assignments/{id}/submit", { path: { id }, body: {} }),
};
