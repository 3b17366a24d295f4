import { describe, expect, it } from "vitest";
import { checkPasswordStrength } from "./password-policy";

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
