import { api, type Schema } from "../../api/client";

export type ExpertOption = Schema<"ExpertOption">;

/** Linking expert accounts to the expert pool (系统管理员): the options to choose from, and the link itself. */
export const expertLinkApi = {
  options: (q: string) => api.get("/api/accounts/expert-options", { query: { q } }),
  link: (accountId: string, expertId: string) =>
    api.post("/api/accounts/{id}/expert", { path: { id: accountId }, body: { expertId } }),
};
