import { z } from "zod";
import { deadlineKindCodes, deadlineSeverities } from "../policy/deadlines/deadlines";
import { pageQuery } from "./common";

/** GET /api/deadlines (SPEC §6): the deadlines in the caller's scope, sorted by due date. */
export const deadlineListQuery = z.object({
  kind: z.enum(deadlineKindCodes).optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  /** Days ahead to look (overdue items always show). */
  horizon: z.coerce.number().int().min(1).max(1_100).default(90),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type DeadlineListQuery = z.infer<typeof deadlineListQuery>;

export const deadlineItemSchema = z.object({
  id: z.string(),
  kind: z.enum(deadlineKindCodes),
  kindZh: z.string(),
  kindEn: z.string(),
  baseId: z.string().nullable(),
  /** The base's current standard name; null for deadlines not of one base (a call, the measures). */
  baseName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  subjectId: z.string(),
  subjectZh: z.string(),
  subjectEn: z.string(),
  dueOn: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  article: z.string(),
  severity: z.enum(deadlineSeverities),
  belowMinimum: z.boolean().optional(),
  /** Where to act on it in the web app. */
  link: z.string().nullable(),
});
export type DeadlineItem = z.infer<typeof deadlineItemSchema>;

export const deadlineListResponse = z.object({
  items: z.array(deadlineItemSchema),
  total: z.number().int(),
  overdue: z.number().int(),
  today: z.string(),
  horizonDays: z.number().int(),
});
export type DeadlineListResponse = z.infer<typeof deadlineListResponse>;
