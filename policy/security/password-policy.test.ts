import { describe, expect, it } from "vitest";
import {
  checkPasswordStrength,
  resolveSecurityPolicy,
  securityDefaults,
  securityPolicyBounds,
  securityPolicyChanges,
} from "./password-policy";

describe("checkPasswordStrength", () => {
  it.each([
    ["Abcdef1!", true],
    ["abcdef12", false], // two classes
    ["Abcdef1", false], // seven characters
    ["abcdef1!", true], // lower, digit, symbol
    ["ABCDEFG1", false],
    ["", false],
  ])("%s → acceptable %s", (password, acceptable) => {
    expect(checkPasswordStrength(password) === null).toBe(acceptable);
  });

  it("refuses a password containing the username", () => {
    expect(checkPasswordStrength("Zhang.san2025", "zhang.san")?.code).toBe("weak-password");
  });
});

describe("the stored security policy", () => {
  it("applies a stricter policy", () => {
    const policy = { ...securityDefaults, minPasswordLength: 12, requiredCharacterClasses: 4 };
    expect(checkPasswordStrength("Abcdef1!", "", policy)?.code).toBe("weak-password");
    expect(checkPasswordStrength("Abcdefgh12!x", "", policy)).toBeNull();
    expect(checkPasswordStrength("abcdefgh12!x", "", policy)?.messageZh).toContain("至少 12 位");
  });

  it.each([
    [{ idleTimeoutMinutes: 10 }, 10],
    [{ idleTimeoutMinutes: 31 }, 30], // above the bound: the default
    [{ idleTimeoutMinutes: 4 }, 30],
    [{ idleTimeoutMinutes: 7.5 }, 30],
    [{ idleTimeoutMinutes: "10" }, 30],
  ])("resolves %o to idle %i", (stored, idle) => {
    expect(resolveSecurityPolicy(stored).idleTimeoutMinutes).toBe(idle);
  });

  it("keeps every default inside its bounds", () => {
    for (const [key, { min, max }] of Object.entries(securityPolicyBounds)) {
      const value = securityDefaults[key as keyof typeof securityDefaults];
      expect(value).toBeGreaterThanOrEqual(min);
      expect(value).toBeLessThanOrEqual(max);
    }
    expect(resolveSecurityPolicy(null)).toEqual(securityDefaults);
  });

  it("lists old → new for the audit", () => {
    const after = { ...securityDefaults, maxFailedLogins: 3 };
    expect(securityPolicyChanges(securityDefaults, after)).toEqual({ maxFailedLogins: { from: 5, to: 3 } });
  });
});
