import { z } from "zod";

/**
 * The public check of a printed document's verification code (SPEC §6): what the register knows about the
 * version — its kind, title, issuer and when it was generated — and nothing of its content or of any person.
 */
export const verificationParams = z.object({ code: z.string().max(64) });

export const verificationQuery = z.object({
  /** The full SM3 digest from the QR code, to compare with the record. */
  digest: z.string().trim().max(128).optional(),
});

export const verificationResult = z.object({
  code: z.string(),
  kind: z.string(),
  kindLabelZh: z.string(),
  kindLabelEn: z.string(),
  title: z.string(),
  issuer: z.string(),
  firstGeneratedAt: z.string(),
  lastGeneratedAt: z.string(),
  /** null when no digest was given; false when the QR's digest is not the recorded version's. */
  digestMatches: z.boolean().nullable(),
});

export type VerificationResult = z.infer<typeof verificationResult>;
