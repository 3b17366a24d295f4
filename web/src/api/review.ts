import type { z } from "zod";
import type {
  aggregationSchema,
  assignmentSchema,
  createReviewRequest,
  drawList,
  expertHistory,
  expertInput,
  expertPage,
  expertSchema,
  expertStatus,
  expertUpdate,
  importReport,
  materialsSchema,
  rankingSchema,
  reviewTargetList,
  roundPage,
  roundSchema,
  scoresRequest,
} from "../../../contracts/review";
import { buildUrl, http } from "./client";

export type Expert = z.infer<typeof expertSchema>;
export type ExpertPage = z.infer<typeof expertPage>;
export type ExpertStatus = z.infer<typeof expertStatus>;
export type ExpertInput = z.input<typeof expertInput>;
export type ExpertUpdate = z.input<typeof expertUpdate>;
export type ExpertHistory = z.infer<typeof expertHistory>;
export type ExpertQuery = { q?: string; field?: string; status?: ExpertStatus; page?: number; pageSize?: number };
export type ImportReport = z.infer<typeof importReport>;
export type Round = z.infer<typeof roundSchema>;
export type RoundPage = z.infer<typeof roundPage>;
export type Draw = z.infer<typeof drawList>["items"][number];
export type Aggregation = z.infer<typeof aggregationSchema>;
export type Ranking = z.infer<typeof rankingSchema>;
export type Materials = z.infer<typeof materialsSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type PortalItem = Assignment & {
  targetKind: string;
  targetId: string;
  targetTitle: string;
  unitName: string;
  roundStatus: string;
  rubric: Round["rubric"];
  panelOpinion: string | null;
};
export type ScoresInput = z.input<typeof scoresRequest>;
export type ReviewTargetList = z.infer<typeof reviewTargetList>;
export type ReviewTarget = ReviewTargetList["items"][number];
export type CreateReviewInput = z.input<typeof createReviewRequest>;

const enc = encodeURIComponent;

/** Expert pool, review rounds, draws and the expert portal (issue 5). One line each; no logic here. */
export const expertsApi = {
  list: (query: ExpertQuery) => http.get<ExpertPage>("/api/experts", query),
  get: (id: string) => http.get<Expert>(`/api/experts/${enc(id)}`),
  create: (input: ExpertInput) => http.post<Expert>("/api/experts", input),
  update: (id: string, input: ExpertUpdate) => http.patch<Expert>(`/api/experts/${enc(id)}`, input),
  history: (id: string) => http.get<ExpertHistory>(`/api/experts/${enc(id)}/history`),
  import: (file: File) => http.upload<ImportReport>("/api/experts/import", file),
  templateUrl: "/api/experts/import-template.xlsx",
};

export const reviewsApi = {
  list: (query: { page?: number; pageSize?: number }) => http.get<RoundPage>("/api/reviews", query),
  targets: (query: { kind: ReviewTarget["kind"]; includeOpen?: boolean }) =>
    http.get<ReviewTargetList>("/api/reviews/targets", query),
  create: (input: CreateReviewInput) => http.post<Round>("/api/reviews", input),
  cancel: (id: string, reason: string) => http.post<Round>(`/api/reviews/${enc(id)}/cancel`, { reason }),
  get: (id: string) => http.get<Round>(`/api/reviews/${enc(id)}`),
  draws: (id: string) => http.get<{ items: Draw[] }>(`/api/reviews/${enc(id)}/draws`),
  draw: (id: string, reason?: string) => http.post<Draw>(`/api/reviews/${enc(id)}/draws`, { reason }),
  aggregation: (id: string) => http.get<Aggregation>(`/api/reviews/${enc(id)}/aggregation`),
  panelOpinion: (id: string, opinion: string) => http.post<Round>(`/api/reviews/${enc(id)}/panel-opinion`, { opinion }),
  reopen: (assignmentId: string, reason: string) =>
    http.post<Assignment>(`/api/reviews/assignments/${enc(assignmentId)}/reopen`, { reason }),
  recordUrl: (drawId: string) => `/api/draws/${enc(drawId)}/record`,
  rankingUrl: (groupId: string, format: "xlsx" | "pdf") => buildUrl(`/api/reviews/ranking.${format}`, { groupId }),
};

export const portalApi = {
  list: (query: { status?: string; open?: "true" } = {}) =>
    http.get<{ items: PortalItem[] }>("/api/reviews/assignments", query),
  get: (id: string) => http.get<PortalItem>(`/api/reviews/assignments/${enc(id)}`),
  accept: (id: string) => http.post<PortalItem>(`/api/reviews/assignments/${enc(id)}/accept`, {}),
  decline: (id: string, reason: string) =>
    http.post<PortalItem>(`/api/reviews/assignments/${enc(id)}/decline`, { reason }),
  declare: (id: string, conflict: boolean, statement: string) =>
    http.post<PortalItem>(`/api/reviews/assignments/${enc(id)}/declaration`, { conflict, statement }),
  materials: (id: string) => http.get<Materials>(`/api/reviews/assignments/${enc(id)}/materials`),
  /** One file of the materials: a PDF opens in the browser, others download; each opening is audited. */
  fileUrl: (id: string, fileId: string) => `/api/reviews/assignments/${enc(id)}/files/${enc(fileId)}`,
  saveScores: (id: string, input: ScoresInput) =>
    http.post<PortalItem>(`/api/reviews/assignments/${enc(id)}/scores`, input),
  submit: (id: string) => http.post<PortalItem>(`/api/reviews/assignments/${enc(id)}/submit`, {}),
};
