import type { z } from "zod";
import type { WorkPlanContent, workPlanSchema } from "../../../contracts/annual-report";
import type { BaseDetail, BaseListQuery, BaseSummary } from "../../../contracts/bases";
import { http } from "./client";

export type { BaseDetail, BaseSummary };
export type BaseTimelineEntry = BaseDetail["timeline"][number];
export type BaseReport = BaseDetail["annualReports"][number];
export type BaseQuery = Partial<BaseListQuery>;
export type WorkPlan = z.infer<typeof workPlanSchema>;
export type { WorkPlanContent };

const enc = encodeURIComponent;

/** 基地管理 (server/routes/bases): the bases in the caller's scope and one base's page. */
export const basesApi = {
  list: (query: BaseQuery) => http.get<{ items: BaseSummary[]; total: number }>("/api/bases", query),
  get: (id: string) => http.get<BaseDetail>(`/api/bases/${enc(id)}`),
  workPlan: (id: string, year: number) => http.get<WorkPlan>(`/api/bases/${enc(id)}/work-plans/${year}`),
  saveWorkPlan: (id: string, year: number, content: WorkPlanContent, version: number) =>
    http.put<{ version: number }>(`/api/bases/${enc(id)}/work-plans/${year}`, { content, version }),
  fileWorkPlan: (id: string, year: number) => http.post<WorkPlan>(`/api/bases/${enc(id)}/work-plans/${year}/file`, {}),
};
