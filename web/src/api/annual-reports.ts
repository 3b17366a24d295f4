import type { z } from "zod";
import type {
  annualReportContent,
  annualReportDetail,
  annualReportSummary,
  evaluationRoundInput,
  evaluationRoundSchema,
  evaluationStarted,
  reportEventRequest,
} from "../../../contracts/annual-report";
import type { EvaluationState } from "../../../policy/lifecycles/evaluation.transitions";
import { http } from "./client";

// Types only: the schemas stay on the server side of the bundle.
export type EvaluationRound = z.infer<typeof evaluationRoundSchema>;
export type EvaluationRoundInput = z.input<typeof evaluationRoundInput>;
export type AnnualReportSummary = z.infer<typeof annualReportSummary>;
export type AnnualReportDetail = z.infer<typeof annualReportDetail>;
export type AnnualReportContent = z.infer<typeof annualReportContent>;
export type ReportEventInput = z.input<typeof reportEventRequest>;
export type ReportEvent = ReportEventInput["event"];
export type EvaluationStarted = z.infer<typeof evaluationStarted>;
export type ReportQuery = { year?: number; state?: EvaluationState; baseId?: string };

const enc = encodeURIComponent;

/** 年度考核 and 年度工作报告 (server/routes/annual-reports). */
export const evaluationApi = {
  rounds: () => http.get<{ items: EvaluationRound[] }>("/api/evaluation-rounds"),
  openRound: (input: EvaluationRoundInput) =>
    http.post<{ id: string; reports: number }>("/api/evaluation-rounds", input),
  /** 开始考核评审: every submitted report of the round goes under evaluation. */
  startEvaluation: (roundId: string) =>
    http.post<EvaluationStarted>(`/api/evaluation-rounds/${enc(roundId)}/start-evaluation`),
  reports: (query: ReportQuery) => http.get<{ items: AnnualReportSummary[] }>("/api/annual-reports", query),
  report: (id: string) => http.get<AnnualReportDetail>(`/api/annual-reports/${enc(id)}`),
  /** The report as Word or PDF, with its verification code (a plain link: the browser downloads it). */
  documentUrl: (id: string, format: "docx" | "pdf") => `/api/annual-reports/${enc(id)}/document?format=${format}`,
  save: (id: string, content: AnnualReportContent, version: number) =>
    http.put<{ version: number }>(`/api/annual-reports/${enc(id)}`, { content, version }),
  fire: (id: string, input: ReportEventInput) =>
    http.post<AnnualReportDetail>(`/api/annual-reports/${enc(id)}/events`, input),
};
