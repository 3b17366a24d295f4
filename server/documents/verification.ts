import QRCode from "qrcode";
import { canonicalJson } from "../../policy/canonical-json";
import { sm3 } from "../crypto/sm";

/** The documents that carry a verification code (SPEC §6), with the names the public check shows. */
export const documentKinds = {
  "application-form": { labelZh: "国际科技合作基地认定申报书", labelEn: "Base recognition application form" },
  recommendation: { labelZh: "推荐函及推荐汇总表", labelEn: "Recommendation letter and summary table" },
  "recognition-notice": { labelZh: "认定通知", labelEn: "Recognition notice" },
  "annual-report": { labelZh: "国际科技合作基地年度工作报告", labelEn: "Base annual work report" },
  "revocation-notice": { labelZh: "取消省国际科技合作基地资格的通知", labelEn: "Revocation notice" },
  "dossier-manifest": { labelZh: "档案清单（一键档案）", labelEn: "Dossier manifest" },
} as const satisfies Record<string, { labelZh: string; labelEn: string }>;

export type DocumentKind = keyof typeof documentKinds;

export function isDocumentKind(value: string): value is DocumentKind {
  return Object.hasOwn(documentKinds, value);
}

export interface Verification {
  kind: DocumentKind;
  /** SM3 of the canonical JSON of the version printed (hex, 64 characters). */
  digest: string;
  /** The short code printed on paper: the digest's first 16 hex digits in groups of four. */
  code: string;
  /** What the QR code carries: the public check page for the code, with the full digest to compare. */
  qrText: string;
}

/** The page a phone opens from the QR code: the code to look up and the digest the record must match. */
export function verificationUrl(publicBaseUrl: string, code: string, digest: string): string {
  return `${publicBaseUrl}/verify/${code}?d=${digest}`;
}

/**
 * The verification code of a printed document (SPEC §6): an SM3 digest of the exact version printed, so a stamped
 * paper copy can be checked against the record. `kind` keeps digests of different documents apart. Without
 * `publicBaseUrl` (documents rendered outside a request, in unit tests) the QR carries the page's path alone.
 */
export function verificationOf(kind: DocumentKind, content: unknown, publicBaseUrl = ""): Verification {
  const digest = sm3(canonicalJson({ kind, content }));
  const code = (digest.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join("-");
  return { kind, digest, code, qrText: verificationUrl(publicBaseUrl, code, digest) };
}

/**
 * A code as typed or scanned — 16 hex digits, any case, with or without the dashes or spaces — in its printed form
 * 1A2B-3C4D-5E6F-7A8B; null when it cannot be a code.
 */
export function normalizeVerificationCode(input: string): string | null {
  const hex = input.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[0-9A-F]{16}$/.test(hex)) return null;
  return (hex.match(/.{4}/g) ?? []).join("-");
}

/** The QR code of a verification as a PNG (no quiet zone: the page layout leaves the margin). */
export function qrPng(text: string, width = 160): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: "png", margin: 0, width, errorCorrectionLevel: "M" });
}
