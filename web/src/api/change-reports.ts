import { api, type Body, type Query, type Schema } from "./client";

export type ChangeReportSummary = Schema<"ChangeReportSummary">;
export type ChangeReportDetail = Schema<"ChangeReportDetail">;
export type ChangeReportCreateInput = Body<"/api/change-reports", "post">;
export type ChangeReportUpdateInput = Body<"/api/change-reports/{id}", "patch">;
export type ChangeValuesInput = Schema<"ChangeValuesBody">;
export type ChangeReportEventInput = Body<"/api/change-reports/{id}/events", "post">;
export type ChangeReportEvent = ChangeReportEventInput["event"];
export type ChangeReportQuery = Query<"/api/change-reports">;

/** 重大事项变化 (Art. 18.5), server/routes/change-reports. */
export const changeReportsApi = {
  list: (query: ChangeReportQuery) => api.get("/api/change-reports", { query }),
  ofBase: (baseId: string) => api.get("/api/bases/{id}/change-reports", { path: { id: baseId } }),
  get: (id: string) => api.get("/api/change-reports/{id}", { path: { id } }),
  create: (input: ChangeReportCreateInput) => api.post("/api/change-reports", { body: input }),
  save: (id: string, input: ChangeReportUpdateInput) =>
    api.patch("/api/change-reports/{id}", { path: { id }, body: input }),
  fire: (id: string, input: ChangeReportEventInput) =>
    api.post("/api/change-reports/{id}/events", { path: { id }, body: input }),
};
