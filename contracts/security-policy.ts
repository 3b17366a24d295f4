import { z } from "zod";
import { type SecurityPolicyKey, securityPolicyBounds } from "../policy/security/password-policy";
import { bilingual } from "./bilingual";

/** The field labels of the 安全策略, in both languages: the error messages and the page use them. */
export const securityPolicyLabels = {
  minPasswordLength: { zh: "密码最小长度", en: "Minimum password length" },
  requiredCharacterClasses: { zh: "密码须含字符类别数", en: "Character classes required" },
  maxFailedLogins: { zh: "连续登录失败锁定次数", en: "Failed sign-ins before lockout" },
  lockoutMinutes: { zh: "锁定时长（分钟）", en: "Lockout (minutes)" },
  idleTimeoutMinutes: { zh: "会话空闲超时（分钟）", en: "Idle session timeout (minutes)" },
} as const satisfies Record<SecurityPolicyKey, { zh: string; en: string }>;

function bounded(key: SecurityPolicyKey) {
  const { min, max } = securityPolicyBounds[key];
  const label = securityPolicyLabels[key];
  const message = bilingual(
    `${label.zh}须为 ${min}–${max} 之间的整数（等保三级要求）`,
    `${label.en} must be a whole number from ${min} to ${max} (等保 level 3)`,
  );
  return z.number(message).int(message).min(min, message).max(max, message);
}

/** PUT /api/security-policy: every setting, within 等保 level 3 bounds (policy/security/password-policy.ts). */
export const securityPolicyInput = z.object({
  minPasswordLength: bounded("minPasswordLength"),
  requiredCharacterClasses: bounded("requiredCharacterClasses"),
  maxFailedLogins: bounded("maxFailedLogins"),
  lockoutMinutes: bounded("lockoutMinutes"),
  idleTimeoutMinutes: bounded("idleTimeoutMinutes"),
  /** The optimistic version read with the policy (0 before the first save). */
  version: z.number().int().min(0),
});

const range = z.object({ min: z.number(), max: z.number() });

export const securityPolicyResponse = securityPolicyInput.extend({
  bounds: z.object({
    minPasswordLength: range,
    requiredCharacterClasses: range,
    maxFailedLogins: range,
    lockoutMinutes: range,
    idleTimeoutMinutes: range,
  }),
  /** Who saved it last and when; null while the defaults hold. */
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/** GET /api/auth/password-rules: what a new password must meet, for every form that sets one (public). */
export const passwordRulesResponse = z.object({
  minPasswordLength: z.number().int(),
  requiredCharacterClasses: z.number().int(),
});

/** POST …/reset-password: the one-time password, shown once to the administrator who reset it. */
export const passwordResetResponse = z.object({
  username: z.string(),
  displayName: z.string(),
  oneTimePassword: z.string(),
});

export type SecurityPolicyInput = z.infer<typeof securityPolicyInput>;
export type SecurityPolicyResponse = z.infer<typeof securityPolicyResponse>;
export type PasswordRules = z.infer<typeof passwordRulesResponse>;
export type PasswordResetResponse = z.infer<typeof passwordResetResponse>;
