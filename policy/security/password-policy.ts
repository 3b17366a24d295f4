import type { Refusal } from "../refusal";

/**
 * The security administrator's policy (安全策略): password rules, lockout and the idle timeout. Stored by the server,
 * edited on the 安全策略 page within `securityPolicyBounds`; `securityDefaults` holds until it is first saved.
 */
export interface SecurityPolicy {
  /** Shortest password accepted. */
  minPasswordLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password must use. */
  requiredCharacterClasses: number;
  /** Consecutive failed sign-ins that lock the account. */
  maxFailedLogins: number;
  /** How long a lock lasts. */
  lockoutMinutes: number;
  /** A session unused this long ends. */
  idleTimeoutMinutes: number;
}

export type SecurityPolicyKey = keyof SecurityPolicy;

/** 等保 level 3 expectations, as settings (SPEC §6). */
export const securityDefaults: SecurityPolicy = {
  minPasswordLength: 8,
  requiredCharacterClasses: 3,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
};

/**
 * What the security administrator may choose, within 等保 level 3 (GB/T 22239-2019 8.1.4.1 a)–d): complex
 * passwords of at least 8 characters from at least 3 classes, a lock after a few failures, sessions ended when idle
 * (at most 30 minutes).
 */
export const securityPolicyBounds = {
  minPasswordLength: { min: 8, max: 32 },
  requiredCharacterClasses: { min: 3, max: 4 },
  maxFailedLogins: { min: 3, max: 10 },
  lockoutMinutes: { min: 10, max: 60 },
  idleTimeoutMinutes: { min: 5, max: 30 },
} as const satisfies Record<SecurityPolicyKey, { min: number; max: number }>;

export const securityPolicyKeys = Object.keys(securityDefaults) as SecurityPolicyKey[];

/**
 * A stored policy read back: each value kept when it is an integer within the bounds, the default otherwise, so a
 * damaged row never weakens the rules.
 */
export function resolveSecurityPolicy(stored: Partial<Record<SecurityPolicyKey, unknown>> | null | undefined) {
  const policy = { ...securityDefaults };
  for (const key of securityPolicyKeys) {
    const value = stored?.[key];
    const { min, max } = securityPolicyBounds[key];
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) policy[key] = value;
  }
  return policy;
}

/** The keys whose value changes, old → new, for the audit entry. */
export function securityPolicyChanges(
  before: SecurityPolicy,
  after: SecurityPolicy,
): Partial<Record<SecurityPolicyKey, { from: number; to: number }>> {
  const changes: Partial<Record<SecurityPolicyKey, { from: number; to: number }>> = {};
  for (const key of securityPolicyKeys) {
    if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

export const characterClasses: ReadonlyArray<RegExp> = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** At least `minPasswordLength` characters from at least `requiredCharacterClasses` of 4 classes, not the username. */
export function checkPasswordStrength(
  password: string,
  username = "",
  policy: SecurityPolicy = securityDefaults,
): Refusal | null {
  const used = characterClasses.filter((pattern) => pattern.test(password)).length;
  const { minPasswordLength: length, requiredCharacterClasses: classes } = policy;
  if (password.length < length || used < classes) {
    return {
      code: "weak-password",
      path: "newPassword",
      messageZh: `密码至少 ${length} 位，且须包含大写字母、小写字母、数字、符号中的至少 ${classes} 类。`,
      messageEn: `A password needs at least ${length} characters from at least ${classes} of: upper case, lower case, digits, symbols.`,
    };
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return {
      code: "weak-password",
      path: "newPassword",
      messageZh: "密码不能包含用户名。",
      messageEn: "A password must not contain the username.",
    };
  }
  return null;
}
