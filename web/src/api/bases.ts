import { api, type Query, type Schema } from "./client";

export type BaseDetail = Schema<"BaseDetail">;
export type BaseSummary = Schema<"BaseSummary">;
export type BaseTimelineEntry = BaseDetail["timeline"][number];
export type BaseReport = BaseDetail["annualReports"][number];
export type BaseQuery = Query<"/api/bases">;
export type WorkPlan = Schema<"WorkPlan">;
export type WorkPlanContent = Schema<"WorkPlanContent">;

/** 基地管理 (server/routes/bases): the bases in the caller's scope and one base's page. */
export const basesApi = {
  list: (query: BaseQuery) => api.get("/api/bases", { query }),
  get: (id: string) => api.get("/api/bases/{id}", { path: { id } }),
  workPlan: (id: string, year: number) => api.get("/api/bases/{id}/work-plans/{year}", { path: { id, year } }),
  saveWorkPlan: (id: string, year: number, content: WorkPlanContent, version: number) =>
    api.put("/api/bases/{id}/work-plans/{year}", { path: { id, year }, body: { content, version } }),
  fileWorkPlan: (id: string, year: number) =>
    api.post("/api/bases/{id}/work-plans/{year}/file", { path: { id, year } }),
};
