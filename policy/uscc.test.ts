import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { usccCheckDigit, validateUscc } from "./uscc";

describe("validateUscc (GB 32100-2015)", () => {
  it.each([
    ["91350100M000100Y43", { ok: true }], // the standard's own example
    ["91350100M000100Y44", { ok: false, reason: "checksum", expectedCheckDigit: "3" }],
    ["91350100M000100Y4", { ok: false, reason: "format" }], // 17 characters
    ["91350100M000100I43", { ok: false, reason: "format" }], // I is not in the alphabet
    ["9135010AM000100Y43", { ok: false, reason: "format" }], // division digits must be digits
  ])("%s", (code, expected) => {
    expect(validateUscc(code)).toEqual(expected);
  });

  it("accepts lower case and surrounding spaces", () => {
    expect(validateUscc(" 91350100m000100y43 ")).toEqual({ ok: true });
  });

  it("a code completed with its computed check digit always validates", () => {
    const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY".split("");
    const body = fc.tuple(
      fc.array(fc.constantFrom(...chars), { minLength: 2, maxLength: 2 }),
      fc.array(fc.constantFrom(..."0123456789".split("")), { minLength: 6, maxLength: 6 }),
      fc.array(fc.constantFrom(...chars), { minLength: 9, maxLength: 9 }),
    );
    fc.assert(
      fc.property(body, ([a, b, c]) => {
        const first17 = [...a, ...b, ...c].join("");
        expect(validateUscc(first17 + usccCheckDigit(first17))).toEqual({ ok: true });
      }),
    );
  });
});
