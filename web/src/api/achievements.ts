import type {
  Achievement,
  AchievementCandidates,
  AchievementInput,
  PublicAchievement,
  PublicAchievementList,
} from "../../../contracts/achievements";
import { http } from "./client";

export type { Achievement, AchievementCandidates, AchievementInput, PublicAchievement, PublicAchievementList };
export type AchievementProject = AchievementCandidates["projects"][number];

const enc = encodeURIComponent;

/** 重大联合研发成果 (Art. 16.4; server/routes/annual-reports/achievements.routes.ts). */
export const achievementsApi = {
  /** The department's list of one year (published and withdrawn). */
  list: (year?: number) => http.get<{ items: Achievement[] }>("/api/achievements", { year }),
  /** A report's joint projects to prefill from, with `publish` when the server offers it. */
  candidates: (reportId: string) =>
    http.get<AchievementCandidates>(`/api/annual-reports/${enc(reportId)}/achievement-candidates`),
  publish: (input: AchievementInput) => http.post<Achievement>("/api/achievements", input),
  withdraw: (id: string, version: number, reason: string) =>
    http.post<Achievement>(`/api/achievements/${enc(id)}/withdraw`, { version, reason }),
  /** The public list (no sign-in). */
  published: (year?: number) => http.get<PublicAchievementList>("/api/public/achievements", { year }),
};
