import { describe, expect, it } from "vitest";
import { hmacSm3, maskIdNumber, maskPhone, PiiCipher, sm3 } from "./sm";

describe("SM3 and the personal-data cipher", () => {
  it("computes SM3 per GB/T 32905 (test vector 'abc')", () => {
    expect(sm3("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  });

  it("round-trips, randomizes the IV, and rejects a tampered ciphertext", () => {
    const cipher = new PiiCipher(Buffer.alloc(32, 7));
    const a = cipher.encrypt("420106197501011234");
    const b = cipher.encrypt("420106197501011234");
    expect(a.equals(b)).toBe(false);
    expect(cipher.decrypt(a)).toBe("420106197501011234");
    const tampered = Buffer.from(a);
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    expect(() => cipher.decrypt(tampered)).toThrow(/integrity/);
    expect(() => new PiiCipher(Buffer.alloc(32, 8)).decrypt(a)).toThrow();
  });

  it("indexes blindly: equal after normalisation, different per key", () => {
    const cipher = new PiiCipher(Buffer.alloc(32, 7));
    expect(cipher.blindIndex(" 42010619800101123x ")).toBe(cipher.blindIndex("42010619800101123X"));
    expect(new PiiCipher(Buffer.alloc(32, 9)).blindIndex("x")).not.toBe(cipher.blindIndex("x"));
    expect(hmacSm3(Buffer.alloc(32, 1), "a")).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["420106197501011234", "420106********1234"],
    ["13912345678", "139****5678"],
  ])("masks %s", (value, masked) => {
    expect(value.length === 11 ? maskPhone(value) : maskIdNumber(value)).toBe(masked);
  });
});
