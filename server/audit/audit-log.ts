import { and, asc, desc, eq, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import type { AuditChanges } from "../../contracts/audit";
import { canonicalJson } from "../../policy/canonical-json";
import type { Clock } from "../clock";
import { hmacSm3 } from "../crypto/sm";
import type { Executor, Tx } from "../db/client";
import { auditHead, auditLog } from "../db/schema";

export type AuditOutcome = "success" | "refused" | "failed";

export interface AuditEntry {
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  changes?: AuditChanges;
  ip?: string | null;
  outcome: AuditOutcome;
  reason?: string | null;
  requestId?: string | null;
}

interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  changes: AuditChanges | null;
  ip: string | null;
  outcome: string;
  reason: string | null;
  requestId: string | null;
}

export function auditMac(key: Buffer, prevMac: string, row: ChainedFields): string {
  return hmacSm3(key, `${prevMac}\n${canonicalJson({ ...row, at: row.at.toISOString() })}`);
}

/**
 * Appends one entry, chained by HMAC-SM3 to the previous one. Runs inside the caller's transaction, so the entry
 * commits or rolls back with the change it records; the head row lock orders concurrent appends.
 */
export async function appendAudit(tx: Tx, key: Buffer, clock: Clock, entry: AuditEntry): Promise<number> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for("update");
  if (!head) throw new Error("audit chain head missing: migrations not applied");
  const row: ChainedFields = {
    seq: head.seq + 1,
    at: clock.now(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    actorRole: entry.actorRole,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    changes: entry.changes === undefined ? null : JSON.parse(JSON.stringify(entry.changes)),
    ip: entry.ip ?? null,
    outcome: entry.outcome,
    reason: entry.reason ?? null,
    requestId: entry.requestId ?? null,
  };
  const mac = auditMac(key, head.mac, row);
  await tx.insert(auditLog).values({ ...row, outcome: entry.outcome, prevMac: head.mac, mac });
  await tx.update(auditHead).set({ seq: row.seq, mac }).where(eq(auditHead.id, 1));
  return row.seq;
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first entry whose MAC or link does not match, with why. */
  firstBroken?: { seq: number; reason: string };
}

/** Recomputes the whole chain in pages; names the first broken entry. */
export async function verifyAuditChain(executor: Executor, key: Buffer, pageSize = 2_000): Promise<ChainVerdict> {
  let prevMac = "0".repeat(64);
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await executor
      .select()
      .from(auditLog)
      .where(gte(auditLog.seq, expectedSeq))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing` } };
      }
      if (row.prevMac !== prevMac) {
        return { ok: false, checked, firstBroken: { seq: row.seq, reason: "link to the previous entry is broken" } };
      }
      const { prevMac: _link, mac: _stored, ...fields } = row;
      const mac = auditMac(key, prevMac, { ...fields, at: row.at as Date, changes: row.changes ?? null });
      if (mac !== row.mac) {
        return { ok: false, checked, firstBroken: { seq: row.seq, reason: "entry was altered (MAC mismatch)" } };
      }
      prevMac = row.mac;
      expectedSeq += 1;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await executor.select().from(auditHead).where(eq(auditHead.id, 1));
  if (head && (head.seq !== checked || head.mac !== prevMac)) {
    return { ok: false, checked, firstBroken: { seq: checked + 1, reason: "entries after the last one were deleted" } };
  }
  return { ok: true, checked };
}

export interface AuditQuery {
  q?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  outcome?: AuditOutcome | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

export async function searchAudit(executor: Executor, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.actor)
    conditions.push(or(eq(auditLog.actorId, query.actor), ilike(auditLog.actorName, `%${query.actor}%`))!);
  if (query.action) conditions.push(ilike(auditLog.action, `${query.action}%`));
  if (query.outcome) conditions.push(eq(auditLog.outcome, query.outcome));
  if (query.from) conditions.push(gte(auditLog.at, query.from));
  if (query.to) conditions.push(lte(auditLog.at, query.to));
  if (query.q) {
    const like = `%${query.q}%`;
    conditions.push(
      or(
        ilike(auditLog.action, like),
        ilike(auditLog.targetId, like),
        ilike(auditLog.reason, like),
        ilike(auditLog.ip, like),
      )!,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [count]] = await Promise.all([
    executor
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}
