import { api, type Body, type Schema } from "./client";

export type BaseNationalStatus = Schema<"BaseNationalStatus">;
export type NationalRevocationInput = Body<"/api/bases/{id}/national-revocation", "post">;
export type UpgradeExitInput = Body<"/api/bases/{id}/upgrade-exit", "post">;

/** A base's national side (Art. 21, 23, 24; server/routes/national-platforms). */
export const nationalApi = {
  status: (baseId: string) => api.get("/api/bases/{id}/national-status", { path: { id: baseId } }),
  upgradeExit: (baseId: string, input: UpgradeExitInput) =>
    api.post("/api/bases/{id}/upgrade-exit", { path: { id: baseId }, body: input }),
  revokeBase: (baseId: string, input: NationalRevocationInput) =>
    api.post("/api/bases/{id}/national-revocation", { path: { id: baseId }, body: input }),
  revokePlatform: (platformId: string, input: NationalRevocationInput) =>
    api.post("/api/registry-facts/national-platforms/{id}/revocation", { path: { id: platformId }, body: input }),
};
