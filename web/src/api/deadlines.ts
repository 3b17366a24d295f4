import { api, type Query, type Schema } from "./client";

export type DeadlineItem = Schema<"DeadlineItem">;
export type DeadlineListResponse = Schema<"DeadlineListResponse">;
export type DeadlineQuery = Query<"/api/deadlines">;
export type DeadlineKind = NonNullable<DeadlineQuery["kind"]>;

/** 期限提醒 (server/routes/deadlines, SPEC §6). */
export const deadlinesApi = {
  list: (query: DeadlineQuery) => api.get("/api/deadlines", { query }),
};
