import { api, type Body, href, type Query, type Schema } from "./client";

export type EvaluationRound = Schema<"EvaluationRound">;
export type EvaluationRoundInput = Body<"/api/evaluation-rounds", "post">;
export type AnnualReportSummary = Schema<"AnnualReportSummary">;
export type AnnualReportDetail = Schema<"AnnualReportDetail">;
export type AnnualReportContent = Schema<"AnnualReportContent">;
export type ReportEventInput = Body<"/api/annual-reports/{id}/events", "post">;
export type ReportEvent = ReportEventInput["event"];
export type EvaluationStarted = Schema<"EvaluationStarted">;
export type ReportQuery = Query<"/api/annual-reports">;

/** 年度考核 and 年度工作报告 (server/routes/annual-reports). */
export const evaluationApi = {
  rounds: () => api.get("/api/evaluation-rounds"),
  openRound: (input: EvaluationRoundInput) => api.post("/api/evaluation-rounds", { body: input }),
  /** 开始考核评审: every submitted report of the round goes under evaluation. */
  startEvaluation: (roundId: string) =>
    api.post("/api/evaluation-rounds/{id}/start-evaluation", { path: { id: roundId } }),
  reports: (query: ReportQuery) => api.get("/api/annual-reports", { query }),
  report: (id: string) => api.get("/api/annual-reports/{id}", { path: { id } }),
  /** The report as Word or PDF, with its verification code (a plain link: the browser downloads it). */
  documentUrl: (id: string, format: "docx" | "pdf") =>
    href("/api/annual-reports/{id}/document", { path: { id }, query: { format } }),
  save: (id: string, content: AnnualReportContent, version: number) =>
    api.put("/api/annual-reports/{id}", { path: { id }, body: { content, version } }),
  fire: (id: string, input: ReportEventInput) =>
    api.post("/api/annual-reports/{id}/events", { path: { id }, body: input }),
};
