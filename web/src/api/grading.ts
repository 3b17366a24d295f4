import { api, type Body, href, type Schema } from "./client";

export type GradingView = Schema<"GradingView">;
export type GradingLine = GradingView["lines"][number];
export type FundingByGrade = Schema<"FundingByGrade">;
export type OnsiteCheckInput = Body<"/api/evaluation-rounds/{id}/onsite-checks", "post">;
export type ConfirmGradesInput = Body<"/api/evaluation-rounds/{id}/grades", "post">;

/** 考核评定 (server/routes/annual-reports/grading.routes.ts). */
export const gradingApi = {
  view: (roundId: string) => api.get("/api/evaluation-rounds/{id}/grading", { path: { id: roundId } }),
  recordCheck: (roundId: string, input: OnsiteCheckInput) =>
    api.post("/api/evaluation-rounds/{id}/onsite-checks", { path: { id: roundId }, body: input }),
  confirm: (roundId: string, input: ConfirmGradesInput) =>
    api.post("/api/evaluation-rounds/{id}/grades", { path: { id: roundId }, body: input }),
  publish: (roundId: string, version: number) =>
    api.post("/api/evaluation-rounds/{id}/publish", { path: { id: roundId }, body: { version } }),
  setFunding: (roundId: string, funding: FundingByGrade, version: number) =>
    api.put("/api/evaluation-rounds/{id}/funding", { path: { id: roundId }, body: { funding, version } }),
  /** 经费安排表 / 优先推荐名单 as Excel (a plain link: the browser downloads it). */
  exportUrl: (roundId: string, list: "funding" | "excellent") =>
    href("/api/evaluation-rounds/{id}/exports/{list}", { path: { id: roundId, list } }),
};
