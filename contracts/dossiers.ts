import { z } from "zod";

/**
 * 一键档案 (SPEC §6): GET /api/applications/:id/dossier.zip and GET /api/bases/:id/dossier.zip answer a zip of
 * every generated document (PDF, with its verification code), uploaded file and record the reader may see, with
 * `manifest.json` (this schema) and a readable `清单.pdf` at its root listing every other file.
 */
export const dossierKinds = ["application", "base"] as const;

export const dossierFile = z.object({
  /** Path inside the zip, "/"-separated. */
  path: z.string(),
  title: z.string(),
  /** generated: a printed document with a verification code; record: a table of the dossier; uploaded: a stored file. */
  kind: z.enum(["generated", "record", "uploaded"]),
  size: z.number().int().min(0),
  /** SM3 (GB/T 32905) of the file's bytes, 64 lowercase hex digits. */
  sm3: z.string().regex(/^[0-9a-f]{64}$/),
  /** The code printed on a generated document, checkable at /verify/:code; null for the others. */
  verificationCode: z.string().nullable(),
});

export const dossierManifest = z.object({
  title: z.string(),
  subject: z.object({ type: z.enum(dossierKinds), id: z.string() }),
  unitName: z.string(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  algorithm: z.literal("SM3"),
  /** The manifest's own code: the digest of the file list (kind dossier-manifest), checkable at /verify/:code. */
  verificationCode: z.string(),
  files: z.array(dossierFile),
  /** Stored files the dossier should hold but the store no longer has. */
  missing: z.array(z.object({ path: z.string(), title: z.string() })),
  /** What the reader's view leaves out, in words. */
  notes: z.array(z.string()),
});
export type DossierManifest = z.infer<typeof dossierManifest>;

export const dossierParams = z.object({ id: z.string().min(1).max(64) });
