import type {
  PasswordResetResponse,
  PasswordRules,
  SecurityPolicyInput,
  SecurityPolicyResponse,
} from "../../../contracts/security-policy";
import { http } from "./client";

export type { PasswordResetResponse, PasswordRules, SecurityPolicyInput, SecurityPolicyResponse };

const enc = encodeURIComponent;

/** The 安全策略 (security administrator), the password rules every password form shows, and password resets. */
export const securityApi = {
  policy: () => http.get<SecurityPolicyResponse>("/api/security-policy"),
  savePolicy: (input: SecurityPolicyInput) => http.put<SecurityPolicyResponse>("/api/security-policy", input),
  passwordRules: () => http.get<PasswordRules>("/api/auth/password-rules"),
  resetPassword: (accountId: string) =>
    http.post<PasswordResetResponse>(`/api/accounts/${enc(accountId)}/reset-password`),
  resetUnitPassword: (unitId: string, accountId: string) =>
    http.post<PasswordResetResponse>(`/api/units/${enc(unitId)}/accounts/${enc(accountId)}/reset-password`),
};
