import { api, type Body, type Schema } from "./client";

export type Achievement = Schema<"Achievement">;
export type AchievementCandidates = Schema<"AchievementCandidates">;
export type AchievementInput = Body<"/api/achievements", "post">;
export type PublicAchievement = Schema<"PublicAchievement">;
export type PublicAchievementList = Schema<"PublicAchievementList">;
export type AchievementProject = AchievementCandidates["projects"][number];

/** 重大联合研发成果 (Art. 16.4; server/routes/annual-reports/achievements.routes.ts). */
export const achievementsApi = {
  /** The department's list of one year (published and withdrawn). */
  list: (year?: number) => api.get("/api/achievements", { query: { year } }),
  /** A report's joint projects to prefill from, with `publish` when the server offers it. */
  candidates: (reportId: string) =>
    api.get("/api/annual-reports/{id}/achievement-candidates", { path: { id: reportId } }),
  publish: (input: AchievementInput) => api.post("/api/achievements", { body: input }),
  withdraw: (id: string, version: number, reason: string) =>
    api.post("/api/achievements/{id}/withdraw", { path: { id }, body: { version, reason } }),
  /** The public list (no sign-in). */
  published: (year?: number) => api.get("/api/public/achievements", { query: { year } }),
};
