import { z } from "zod";
import { rectificationEvents, rectificationStates } from "../policy/lifecycles/rectification.transitions";
import { recordAbilities } from "./common";
import { evidenceFileSchema } from "./evidence";

/**
 * A base's one-year rectification case (Art. 24): the host unit's plan and final report, the department's re-check.
 * Each record carries what its reader may do (`abilities`, `availableEvents`): the web derives nothing.
 */
const text = (max: number) => z.string().trim().max(max);

export const rectificationListQuery = z.object({
  state: z.enum(rectificationStates).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  baseId: z.string().max(64).optional(),
});

export const rectificationSummary = z.object({
  id: z.string(),
  baseId: z.string(),
  baseName: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  openedOn: z.string(),
  dueOn: z.string(),
  /** Days from today (China) to the due date; negative once it has passed. */
  daysLeft: z.number().int(),
  state: z.enum(rectificationStates),
  updatedAt: z.string(),
});

export const rectificationDetail = rectificationSummary.extend({
  roundId: z.string(),
  baseStatus: z.string(),
  plan: z.string().nullable(),
  finalReport: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  version: z.number().int(),
  /** The unit may still edit the plan (before filing) or the report (after the plan, before filing the report). */
  planEditable: z.boolean(),
  reportEditable: z.boolean(),
  abilities: recordAbilities,
  availableEvents: z.array(z.enum(rectificationEvents)),
  /** The evidence files of the plan and of the final report (Art. 24); GET …/files says whether more may be added. */
  files: z.array(evidenceFileSchema),
});

/** The unit's draft of the plan, under the version lock. */
export const rectificationPlanUpdate = z.strictObject({
  plan: text(20_000),
  expectedVersion: z.number().int().min(1),
});

/** The unit's draft of the final report: measures taken, results, and the evidence (list of supporting material). */
export const rectificationReportUpdate = z.strictObject({
  finalReport: text(20_000),
  expectedVersion: z.number().int().min(1),
});

export const rectificationEventRequest = z.strictObject({
  event: z.enum(rectificationEvents),
  reason: text(1_000).optional(),
  expectedVersion: z.number().int().min(1),
});

export type RectificationSummary = z.infer<typeof rectificationSummary>;
export type RectificationDetail = z.infer<typeof rectificationDetail>;
export type RectificationListQuery = z.infer<typeof rectificationListQuery>;
