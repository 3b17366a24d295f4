import type { z } from "zod";
import type {
  confirmGradesInput,
  fundingByGrade,
  GradingView,
  onsiteCheckRequest,
} from "../../../contracts/evaluation";
import { http } from "./client";

export type { GradingView };
export type GradingLine = GradingView["lines"][number];
export type FundingByGrade = z.infer<typeof fundingByGrade>;
export type OnsiteCheckInput = z.infer<typeof onsiteCheckRequest>;

const enc = encodeURIComponent;
const base = (roundId: string) => `/api/evaluation-rounds/${enc(roundId)}`;

/** 考核评定 (server/routes/annual-reports/grading.routes.ts). */
export const gradingApi = {
  view: (roundId: string) => http.get<GradingView>(`${base(roundId)}/grading`),
  recordCheck: (roundId: string, input: OnsiteCheckInput) =>
    http.post<{ id: string }>(`${base(roundId)}/onsite-checks`, input),
  confirm: (roundId: string, input: z.input<typeof confirmGradesInput>) =>
    http.post<{ graded: number }>(`${base(roundId)}/grades`, input),
  publish: (roundId: string, version: number) =>
    http.post<{ published: number }>(`${base(roundId)}/publish`, { version }),
  setFunding: (roundId: string, funding: FundingByGrade, version: number) =>
    http.put<{ allocated: number; totalYuan: number }>(`${base(roundId)}/funding`, { funding, version }),
  /** 经费安排表 / 优先推荐名单 as Excel (a plain link: the browser downloads it). */
  exportUrl: (roundId: string, list: "funding" | "excellent") => `${base(roundId)}/exports/${list}`,
};
