import type { z } from "zod";
import type {
  baseRevocationCases,
  revocationCaseDetail,
  revocationCaseSummary,
  revocationEventRequest,
  revocationOpenRequest,
  withdrawalRequest,
} from "../../../contracts/revocations";
import type { RevocationCaseState } from "../../../policy/lifecycles/revocation-case.transitions";
import { http } from "./client";

// Types only: the schemas stay on the server side of the bundle.
export type RevocationSummary = z.infer<typeof revocationCaseSummary>;
export type RevocationDetail = z.infer<typeof revocationCaseDetail>;
export type BaseRevocations = z.infer<typeof baseRevocationCases>;
export type RevocationOpenInput = z.input<typeof revocationOpenRequest>;
export type WithdrawalInput = z.input<typeof withdrawalRequest>;
export type RevocationEventInput = z.input<typeof revocationEventRequest>;
export type RevocationEvent = RevocationEventInput["event"];
export type RevocationQuery = { state?: RevocationCaseState; open?: "true" | "false"; baseId?: string };

const enc = encodeURIComponent;

/** 取消资格 (Art. 20) and 主动申请撤销 (Art. 20.7), server/routes/revocations. */
export const revocationsApi = {
  list: (query: RevocationQuery) => http.get<{ items: RevocationSummary[] }>("/api/revocations", query),
  ofBase: (baseId: string) => http.get<BaseRevocations>(`/api/bases/${enc(baseId)}/revocation-cases`),
  get: (id: string) => http.get<RevocationDetail>(`/api/revocations/${enc(id)}`),
  open: (input: RevocationOpenInput) => http.post<RevocationDetail>("/api/revocations", input),
  requestWithdrawal: (input: WithdrawalInput) =>
    http.post<RevocationDetail>("/api/revocations/withdrawal-requests", input),
  fire: (id: string, input: RevocationEventInput) =>
    http.post<RevocationDetail>(`/api/revocations/${enc(id)}/events`, input),
  noticeUrl: (id: string) => `/api/revocations/${enc(id)}/notice.pdf`,
};
