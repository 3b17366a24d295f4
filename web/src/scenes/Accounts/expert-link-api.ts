import type { ExpertOption } from "../../../../contracts/accounts";
import { http } from "../../api/client";
import type * as T from "../../api/types";

export type { ExpertOption };

const enc = encodeURIComponent;

/** Linking expert accounts to the expert pool (系统管理员): the options to choose from, and the link itself. */
export const expertLinkApi = {
  options: (q: string) => http.get<ExpertOption[]>("/api/accounts/expert-options", { q }),
  link: (accountId: string, expertId: string) =>
    http.post<T.Ok>(`/api/accounts/${enc(accountId)}/expert`, { expertId }),
};
