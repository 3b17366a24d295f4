import type { z } from "zod";
import type {
  AllianceDetail,
  AllianceInput,
  AllianceSummary,
  AllianceUpdate,
  activityInput,
  baseAlliance,
  PublicAlliance,
} from "../../../contracts/alliances";
import { http } from "./client";

export type { AllianceDetail, AllianceInput, AllianceSummary, AllianceUpdate, PublicAlliance };
export type AllianceMember = AllianceDetail["members"][number];
export type BaseAlliance = z.infer<typeof baseAlliance>;
export type ActivityInput = z.input<typeof activityInput>;

const enc = encodeURIComponent;

/** 联盟 (Art. 27; server/routes/alliances/alliances.routes.ts). */
export const alliancesApi = {
  list: () => http.get<{ items: AllianceSummary[] }>("/api/alliances"),
  get: (id: string) => http.get<AllianceDetail>(`/api/alliances/${enc(id)}`),
  create: (input: AllianceInput) => http.post<AllianceDetail>("/api/alliances", input),
  update: (id: string, input: AllianceUpdate) => http.patch<AllianceDetail>(`/api/alliances/${enc(id)}`, input),
  addMember: (id: string, baseId: string, joinedOn: string) =>
    http.post<AllianceDetail>(`/api/alliances/${enc(id)}/members`, { baseId, joinedOn }),
  endMembership: (id: string, memberId: string, leftOn: string) =>
    http.post<AllianceDetail>(`/api/alliances/${enc(id)}/members/${enc(memberId)}/leave`, { leftOn }),
  recordActivity: (id: string, input: ActivityInput) =>
    http.post<AllianceDetail>(`/api/alliances/${enc(id)}/activities`, input),
  dissolve: (id: string, dissolvedOn: string) =>
    http.post<AllianceDetail>(`/api/alliances/${enc(id)}/dissolve`, { dissolvedOn }),
  uploadCharter: (id: string, file: File) => http.upload<AllianceDetail>(`/api/alliances/${enc(id)}/charter`, file),
  charterUrl: (id: string) => `/api/alliances/${enc(id)}/charter`,
  ofBase: (baseId: string) => http.get<{ items: BaseAlliance[] }>(`/api/bases/${enc(baseId)}/alliances`),
  /** The public list (no sign-in). */
  published: () => http.get<{ items: PublicAlliance[] }>("/api/public/alliances"),
};
