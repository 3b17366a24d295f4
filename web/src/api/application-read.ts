import type { ApplicationReadView } from "../../../contracts/application-read";
import { http } from "./client";

export type { ApplicationReadView };
export type ReadFile = ApplicationReadView["files"][number];

const enc = encodeURIComponent;

/** 阅览: the application as one page, and the recommender's 推荐意见 on it. */
export const applicationReadApi = {
  get: (id: string) => http.get<ApplicationReadView>(`/api/applications/${enc(id)}/read`),
  saveOpinion: (id: string, opinion: string) =>
    http.put<ApplicationReadView>(`/api/applications/${enc(id)}/opinion`, { opinion }),
  /** The page's own address, for links from the editor, the workbench, the lists and the expert portal. */
  pagePath: (id: string) => `/applications/${enc(id)}/read`,
};
