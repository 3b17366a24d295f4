import QRCode from "qrcode";
import { sm3 } from "../crypto/sm";

/** JSON with sorted keys at every level, so the same content always gives the same digest. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface Verification {
  /** SM3 of the canonical JSON of the version printed (hex, 64 characters). */
  digest: string;
  /** The short code printed on paper: the digest's first 16 hex digits in groups of four. */
  code: string;
  /** What the QR code carries: the code and the full digest, checkable against the electronic record. */
  qrText: string;
}

/**
 * The verification code of a printed document (SPEC §6): an SM3 digest of the exact version printed, so a stamped
 * paper copy can be checked against the record. `kind` keeps digests of different documents apart.
 */
export function verificationOf(kind: string, content: unknown): Verification {
  const digest = sm3(canonicalJson({ kind, content }));
  const code = (digest.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join("-");
  return { digest, code, qrText: `GHJD:${kind}:${code}:sm3:${digest}` };
}

/** The QR code of a verification as a PNG (no quiet zone: the page layout leaves the margin). */
export function qrPng(text: string, width = 160): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", margin: 0, width, errorCorrectionLevel: "M" });
}
