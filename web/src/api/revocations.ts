import { api, type Body, href, type Query, type Schema } from "./client";

export type RevocationSummary = Schema<"RevocationCaseSummary">;
export type RevocationDetail = Schema<"RevocationCaseDetail">;
export type BaseRevocations = Schema<"BaseRevocationCases">;
export type RevocationOpenInput = Body<"/api/revocations", "post">;
export type WithdrawalInput = Body<"/api/revocations/withdrawal-requests", "post">;
export type RevocationEventInput = Body<"/api/revocations/{id}/events", "post">;
export type RevocationEvent = RevocationEventInput["event"];
export type RevocationQuery = Query<"/api/revocations">;

/** 取消资格 (Art. 20) and 主动申请撤销 (Art. 20.7), server/routes/revocations. */
export const revocationsApi = {
  list: (query: RevocationQuery) => api.get("/api/revocations", { query }),
  ofBase: (baseId: string) => api.get("/api/bases/{id}/revocation-cases", { path: { id: baseId } }),
  get: (id: string) => api.get("/api/revocations/{id}", { path: { id } }),
  open: (input: RevocationOpenInput) => api.post("/api/revocations", { body: input }),
  requestWithdrawal: (input: WithdrawalInput) => api.post("/api/revocations/withdrawal-requests", { body: input }),
  fire: (id: string, input: RevocationEventInput) =>
    api.post("/api/revocations/{id}/events", { path: { id }, body: input }),
  noticeUrl: (id: string) => href("/api/revocations/{id}/notice.pdf", { path: { id } }),
};
