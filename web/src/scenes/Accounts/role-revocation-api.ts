import { http } from "../../api/client";
import type * as T from "../../api/types";

const enc = encodeURIComponent;

/** The system administrator asks to revoke an approved role; the security administrator decides it (三员). */
export const roleRevocationApi = {
  request: (grantId: string, reason: string) =>
    http.post<T.Created>(`/api/role-grants/${enc(grantId)}/revoke`, { reason }),
};
