import { z } from "zod";
import { paged, pageQuery } from "./common";

/** What an audit entry records about its change (audit_log.changes): named values, chained by the entry's MAC. */
export const auditChanges = z.record(z.string(), z.unknown());
export type AuditChanges = z.infer<typeof auditChanges>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Who acted, in words: the name, 系统 for scheduled work, 匿名访客 for no session. */
  actorZh: z.string(),
  actorEn: z.string(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  changes: z.unknown(),
  ip: z.string().nullable(),
  outcome: z.enum(["success", "refused", "failed"]),
  reason: z.string().nullable(),
  /** The entry as a sentence: actor, what was done, the object by its name (contracts/audit-actions.ts). */
  sentenceZh: z.string(),
  sentenceEn: z.string(),
});

export const auditQuery = z.object({
  q: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  outcome: z.enum(["success", "refused", "failed"]).optional(),
  /** Instants in ISO 8601 with an offset (the web sends `toISOString()`), read as dates. */
  from: z.iso.datetime({ offset: true }).pipe(z.coerce.date()).optional(),
  to: z.iso.datetime({ offset: true }).pipe(z.coerce.date()).optional(),
  ...pageQuery,
});

export const auditPage = paged(auditEntrySchema);

export const chainVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});

export type AuditEntryView = z.infer<typeof auditEntrySchema>;
