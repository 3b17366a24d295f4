/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
 * the last is a check digit over the first 17 with weights 3^i mod 31.
 */
const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const shape = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

export type UsccResult = { ok: true } | { ok: false; reason: "format" | "checksum"; expectedCheckDigit?: string };

/** The check digit for the first 17 characters (which must already be in the alphabet). */
export function usccCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = alphabet.indexOf(first17[i] ?? "");
    if (value < 0) throw new RangeError(`not a USCC character: ${first17[i]}`);
    sum += value * (weights[i] ?? 0);
  }
  return alphabet[(31 - (sum % 31)) % 31] ?? "0";
}

/** Tells an invalid format from a checksum mismatch: the second is flagged for an officer, not refused. */
export function validateUscc(code: string): UsccResult {
  const normalized = code.trim().toUpperCase();
  if (!shape.test(normalized)) return { ok: false, reason: "format" };
  const expected = usccCheckDigit(normalized.slice(0, 17));
  if (normalized[17] !== expected) return { ok: false, reason: "checksum", expectedCheckDigit: expected };
  return { ok: true };
}
