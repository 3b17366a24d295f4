import { api, type Body, type Schema } from "./client";

export type PasswordResetResponse = Schema<"PasswordResetResponse">;
export type PasswordRules = Schema<"PasswordRulesResponse">;
export type SecurityPolicyInput = Body<"/api/security-policy", "put">;
export type SecurityPolicyResponse = Schema<"SecurityPolicyResponse">;

/** The 安全策略 (security administrator), the password rules every password form shows, and password resets. */
export const securityApi = {
  policy: () => api.get("/api/security-policy"),
  savePolicy: (input: SecurityPolicyInput) => api.put("/api/security-policy", { body: input }),
  passwordRules: () => api.get("/api/auth/password-rules"),
  resetPassword: (accountId: string) => api.post("/api/accounts/{id}/reset-password", { path: { id: accountId } }),
  resetUnitPassword: (unitId: string, accountId: string) =>
    api.post("/api/units/{id}/accounts/{accountId}/reset-password", { path: { id: unitId, accountId } }),
};
