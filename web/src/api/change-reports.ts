import type { z } from "zod";
import type {
  changeReportCreate,
  changeReportDetail,
  changeReportEventRequest,
  changeReportSummary,
  changeReportUpdate,
  changeValuesInput,
} from "../../../contracts/change-reports";
import type { ChangeReportState, MajorChangeKind } from "../../../policy/lifecycles/change-report.transitions";
import { http } from "./client";

// Types only: the schemas stay on the server side of the bundle.
export type ChangeReportSummary = z.infer<typeof changeReportSummary>;
export type ChangeReportDetail = z.infer<typeof changeReportDetail>;
export type ChangeReportCreateInput = z.input<typeof changeReportCreate>;
export type ChangeReportUpdateInput = z.input<typeof changeReportUpdate>;
export type ChangeValuesInput = z.input<typeof changeValuesInput>;
export type ChangeReportEventInput = z.input<typeof changeReportEventRequest>;
export type ChangeReportEvent = ChangeReportEventInput["event"];
export type ChangeReportQuery = { state?: ChangeReportState; kind?: MajorChangeKind; overdue?: "true" | "false" };

const enc = encodeURIComponent;

/** 重大事项变化 (Art. 18.5), server/routes/change-reports. */
export const changeReportsApi = {
  list: (query: ChangeReportQuery) => http.get<{ items: ChangeReportSummary[] }>("/api/change-reports", query),
  ofBase: (baseId: string) =>
    http.get<{ items: ChangeReportSummary[]; canCreate: boolean }>(`/api/bases/${enc(baseId)}/change-reports`),
  get: (id: string) => http.get<ChangeReportDetail>(`/api/change-reports/${enc(id)}`),
  create: (input: ChangeReportCreateInput) => http.post<ChangeReportDetail>("/api/change-reports", input),
  save: (id: string, input: ChangeReportUpdateInput) =>
    http.patch<ChangeReportDetail>(`/api/change-reports/${enc(id)}`, input),
  fire: (id: string, input: ChangeReportEventInput) =>
    http.post<ChangeReportDetail>(`/api/change-reports/${enc(id)}/events`, input),
};
