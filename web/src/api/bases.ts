import type { BaseDetail, BaseListQuery, BaseSummary } from "../../../contracts/bases";
import { http } from "./client";

export type { BaseDetail, BaseSummary };
export type BaseTimelineEntry = BaseDetail["timeline"][number];
export type BaseReport = BaseDetail["annualReports"][number];
export type BaseQuery = Partial<BaseListQuery>;

const enc = encodeURIComponent;

/** 基地管理 (server/routes/bases): the bases in the caller's scope and one base's page. */
export const basesApi = {
  list: (query: BaseQuery) => http.get<{ items: BaseSummary[]; total: number }>("/api/bases", query),
  get: (id: string) => http.get<BaseDetail>(`/api/bases/${enc(id)}`),
};
