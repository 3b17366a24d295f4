import { z } from "zod";
import { evidenceSlots } from "../policy/evidence/evidence-files";

/**
 * Evidence files of an annual report or a rectification case (Art. 18, 22, 24): each the unit's upload, its type
 * judged by content and its SHA-256 kept. The list says whether the caller may add files now: the web derives nothing.
 */
export const evidenceFileSchema = z.object({
  /** The attachment's id (the download and delete routes take it). */
  id: z.string(),
  slot: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const evidenceFileList = z.object({
  items: z.array(evidenceFileSchema),
  /** The caller may add (and remove the open slot's) files now. */
  editable: z.boolean(),
  /** Where a new file goes now, or null. */
  openSlot: z.enum(evidenceSlots).nullable(),
  /** Accepted content types (judged by content): pdf, png, jpeg, docx, xlsx. */
  acceptedTypes: z.array(z.string()),
  maxBytes: z.number().int(),
});

export const evidenceFileParams = z.object({ id: z.string().min(1).max(64), fileId: z.string().min(1).max(64) });

export type EvidenceFile = z.infer<typeof evidenceFileSchema>;
export type EvidenceFileList = z.infer<typeof evidenceFileList>;
