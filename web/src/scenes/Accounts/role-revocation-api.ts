import { api } from "../../api/client";

/** The system administrator asks to revoke an approved role; the security administrator decides it (三员). */
export const roleRevocationApi = {
  request: (grantId: string, reason: string) =>
    api.post("/api/role-grants/{id}/revoke", { path: { id: grantId }, body: { reason } }),
};
