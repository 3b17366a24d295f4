import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** SM3 digest (GB/T 32905), hex. */
export function sm3(data: string | Buffer): string {
  return createHash("sm3").update(data).digest("hex");
}

/** HMAC-SM3, hex. */
export function hmacSm3(key: Buffer, data: string | Buffer): string {
  return createHmac("sm3", key).update(data).digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Personal data at rest: SM4-CBC (GB/T 32907) then HMAC-SM3 over iv‖ciphertext (encrypt-then-MAC; Node has no
 * SM4-GCM). Layout: iv(16) ‖ ciphertext ‖ tag(32).
 */
export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly macKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error("PII key must be 32 bytes");
    this.encryptionKey = key.subarray(0, 16);
    this.macKey = Buffer.from(hmacSm3(key, "mac"), "hex");
    this.indexKey = Buffer.from(hmacSm3(key, "blind-index"), "hex");
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(16);
    const cipher = createCipheriv("sm4-cbc", this.encryptionKey, iv);
    const body = Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final()]);
    const tag = createHmac("sm3", this.macKey).update(body).digest();
    return Buffer.concat([body, tag]);
  }

  decrypt(sealed: Buffer): string {
    const body = sealed.subarray(0, sealed.length - 32);
    const tag = sealed.subarray(sealed.length - 32);
    const expected = createHmac("sm3", this.macKey).update(body).digest();
    if (tag.length !== 32 || !timingSafeEqual(tag, expected))
      throw new Error("personal data failed its integrity check");
    const decipher = createDecipheriv("sm4-cbc", this.encryptionKey, body.subarray(0, 16));
    return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString("utf8");
  }

  /** Deterministic keyed digest for equality lookups without decrypting (normalised: trimmed, upper-case). */
  blindIndex(plain: string): string {
    return hmacSm3(this.indexKey, plain.trim().toUpperCase());
  }
}

/** Masks for UI and API: 420106********1234, 138****5678. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return "*".repeat(value.length);
  return value.slice(0, 6) + "*".repeat(value.length - 10) + value.slice(-4);
}

export function maskPhone(value: string): string {
  if (value.length < 7) return "*".repeat(value.length);
  return value.slice(0, 3) + "*".repeat(value.length - 7) + value.slice(-4);
}
