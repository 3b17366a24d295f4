import type { DeadlineItem, DeadlineListResponse } from "../../../contracts/deadlines";
import type { DeadlineKind } from "../../../policy/deadlines/deadlines";
import { http } from "./client";

export type { DeadlineItem, DeadlineKind, DeadlineListResponse };

export interface DeadlineQuery {
  kind?: DeadlineKind;
  overdue?: "true" | "false";
  horizon?: number;
  page?: number;
  pageSize?: number;
}

/** 期限提醒 (server/routes/deadlines, SPEC §6). */
export const deadlinesApi = {
  list: (query: DeadlineQuery) => http.get<DeadlineListResponse>("/api/deadlines", { ...query }),
};
