import type {
  BaseNationalStatus,
  NationalRevocationInput,
  UpgradeExitInput,
} from "../../../contracts/national-platforms";
import { http } from "./client";

export type { BaseNationalStatus, NationalRevocationInput, UpgradeExitInput };

const enc = encodeURIComponent;

/** A base's national side (Art. 21, 23, 24; server/routes/national-platforms). */
export const nationalApi = {
  status: (baseId: string) => http.get<BaseNationalStatus>(`/api/bases/${enc(baseId)}/national-status`),
  upgradeExit: (baseId: string, input: UpgradeExitInput) =>
    http.post<BaseNationalStatus>(`/api/bases/${enc(baseId)}/upgrade-exit`, input),
  revokeBase: (baseId: string, input: NationalRevocationInput) =>
    http.post<BaseNationalStatus>(`/api/bases/${enc(baseId)}/national-revocation`, input),
  revokePlatform: (platformId: string, input: NationalRevocationInput) =>
    http.post<{ ok: true }>(`/api/registry-facts/national-platforms/${enc(platformId)}/revocation`, input),
};
