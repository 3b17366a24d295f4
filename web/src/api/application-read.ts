import { api, type Schema } from "./client";

export type ApplicationReadView = Schema<"ApplicationReadView">;
export type ReadFile = ApplicationReadView["files"][number];

const enc = encodeURIComponent;

/** 阅览: the application as one page, and the recommender's 推荐意见 on it. */
export const applicationReadApi = {
  get: (id: string) => api.get("/api/applications/{id}/read", { path: { id } }),
  saveOpinion: (id: string, opinion: string) =>
    api.put("/api/applications/{id}/opinion", { path: { id }, body: { opinion } }),
  /** The page's own address, for links from the editor, the workbench, the lists and the expert portal. */
  pagePath: (id: string) => `/applications/${enc(id)}/read`,
};
