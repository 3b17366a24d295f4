import type { Refusal } from "../refusal";

/** 等保 level 3 expectations, as settings (SPEC §6). */
export const securityDefaults = {
  minPasswordLength: 8,
  requiredCharacterClasses: 3,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
} as const;

const classes: ReadonlyArray<RegExp> = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** ≥ 8 characters from at least 3 of 4 classes (lower, upper, digit, symbol), and not the username. */
export function checkPasswordStrength(password: string, username = ""): Refusal | null {
  const used = classes.filter((pattern) => pattern.test(password)).length;
  if (password.length < securityDefaults.minPasswordLength || used < securityDefaults.requiredCharacterClasses) {
    return {
      code: "weak-password",
      path: "newPassword",
      messageZh: `密码至少 ${securityDefaults.minPasswordLength} 位，且须包含大写字母、小写字母、数字、符号中的至少 ${securityDefaults.requiredCharacterClasses} 类。`,
      messageEn: `A password needs at least ${securityDefaults.minPasswordLength} characters from at least ${securityDefaults.requiredCharacterClasses} of: upper case, lower case, digits, symbols.`,
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
