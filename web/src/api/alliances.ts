import { api, type Body, href, type Schema } from "./client";

export type AllianceDetail = Schema<"AllianceDetail">;
export type AllianceInput = Body<"/api/alliances", "post">;
export type AllianceSummary = Schema<"AllianceSummary">;
export type AllianceUpdate = Body<"/api/alliances/{id}", "patch">;
export type PublicAlliance = Schema<"PublicAlliance">;
export type AllianceMember = AllianceDetail["members"][number];
export type BaseAlliance = Schema<"BaseAlliance">;
export type ActivityInput = Body<"/api/alliances/{id}/activities", "post">;

/** 联盟 (Art. 27; server/routes/alliances/alliances.routes.ts). */
export const alliancesApi = {
  list: () => api.get("/api/alliances"),
  get: (id: string) => api.get("/api/alliances/{id}", { path: { id } }),
  create: (input: AllianceInput) => api.post("/api/alliances", { body: input }),
  update: (id: string, input: AllianceUpdate) => api.patch("/api/alliances/{id}", { path: { id }, body: input }),
  addMember: (id: string, baseId: string, joinedOn: string) =>
    api.post("/api/alliances/{id}/members", { path: { id }, body: { baseId, joinedOn } }),
  endMembership: (id: string, memberId: string, leftOn: string) =>
    api.post("/api/alliances/{id}/members/{memberId}/leave", { path: { id, memberId }, body: { leftOn } }),
  recordActivity: (id: string, input: ActivityInput) =>
    api.post("/api/alliances/{id}/activities", { path: { id }, body: input }),
  dissolve: (id: string, dissolvedOn: string) =>
    api.post("/api/alliances/{id}/dissolve", { path: { id }, body: { dissolvedOn } }),
  uploadCharter: (id: string, file: File) => api.upload("/api/alliances/{id}/charter", file, { path: { id } }),
  charterUrl: (id: string) => href("/api/alliances/{id}/charter", { path: { id } }),
  ofBase: (baseId: string) => api.get("/api/bases/{id}/alliances", { path: { id: baseId } }),
  /** The public list (no sign-in). */
  published: () => api.get("/api/public/alliances"),
};
