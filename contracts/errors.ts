import { z } from "zod";
import type { Refusal } from "../policy/refusal";

/** Every 4xx and 5xx body has this one shape; `errors` lists every field at fault. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
});

export const apiErrorSchema = z.object({
  code: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
  article: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** The record a conflict is about, when the caller may open it (its unit's standing application in a call). */
  existingId: z.string().optional(),
});

/** policy/refusal.ts `Refusal`, as stored inside a record (a refused draw attempt). */
export const refusalSchema = z.object({
  code: z.string(),
  article: z.string().optional(),
  messageZh: z.string(),
  messageEn: z.string(),
  path: z.string().optional(),
  errors: z.array(fieldErrorSchema.extend({ article: z.string().optional() })).optional(),
}) satisfies z.ZodType<Refusal>;

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export const errorResponses = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
  422: apiErrorSchema,
  423: apiErrorSchema,
  429: apiErrorSchema,
} as const;
