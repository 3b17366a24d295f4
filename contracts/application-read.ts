import { z } from "zod";
import { bilingual } from "./bilingual";
import { materialsSchema } from "./review";

/**
 * 阅览 (issue 13 item 4): one application as one printable page for those who review it — the recommender, the
 * department, an assigned expert, and the unit itself. The server decides what each reader sees (an expert reads
 * through the assignment, after declaring no conflict, and never the history or the recommenders' opinions).
 */

/** Inline preview of a file in the browser: PDF in a frame, images as images, Word through docx-preview. */
export const previewKinds = ["pdf", "image", "docx", "none"] as const;
export type PreviewKind = (typeof previewKinds)[number];

const wordMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const imageMediaTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];

/** How a file of this media type is previewed; anything else is only downloaded. */
export function previewKindOf(mediaType: string): PreviewKind {
  if (mediaType === "application/pdf") return "pdf";
  if (imageMediaTypes.includes(mediaType)) return "image";
  if (mediaType === wordMediaType) return "docx";
  return "none";
}

/** Whether the download route may answer `inline` (never for HTML or scripts: only what the browser shows safely). */
export const inlineSafe = (mediaType: string) => mediaType === "application/pdf" || imageMediaTypes.includes(mediaType);

export const readFileSchema = z.object({
  fileId: z.string(),
  slot: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  preview: z.enum(previewKinds),
  /** Where the bytes are read: the application's file route (inline), or the expert's own assignment. */
  url: z.string(),
});

export const readHistoryEntry = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  /** The lifecycle event (shown through its label, never as the code). */
  event: z.string(),
  fromStateZh: z.string(),
  fromStateEn: z.string(),
  toStateZh: z.string(),
  toStateEn: z.string(),
  reason: z.string().nullable(),
});

export const opinionSchema = z.object({
  recommenderId: z.string(),
  recommenderName: z.string(),
  opinion: z.string(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
});

export const applicationReadView = z.object({
  id: z.string(),
  title: z.string(),
  unitName: z.string(),
  callTitleZh: z.string(),
  recommenderName: z.string(),
  stateLabelZh: z.string(),
  stateLabelEn: z.string(),
  submittedAt: z.string().nullable(),
  /** Set when the reader is an expert reading through this assignment: the history and opinions are not theirs. */
  assignmentId: z.string().nullable(),
  sections: materialsSchema.shape.sections,
  files: z.array(readFileSchema),
  findings: materialsSchema.shape.findings,
  history: z.array(readHistoryEntry),
  opinions: z.array(opinionSchema),
  /** The caller's own recommender may write or change its 推荐意见 now (it holds the application, before 形式审查). */
  opinionEditable: z.boolean(),
  /** The link back to the application's own page (the editor, the workbench's actions); null for experts. */
  applicationLink: z.string().nullable(),
});
export type ApplicationReadView = z.infer<typeof applicationReadView>;

export const opinionRequest = z.object({
  opinion: z
    .string()
    .trim()
    .min(2, bilingual("请填写推荐意见", "Write the recommendation opinion"))
    .max(2000, bilingual("推荐意见不超过 2000 字", "At most 2,000 characters")),
});

export const fileDownloadQuery = z.object({
  /** `1`: answer with inline disposition when the type is safe to show (PDF, images), for the 阅览 preview. */
  inline: z.enum(["0", "1"]).optional(),
});
