import { and, asc, desc, eq, gt, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import type { AuditChanges } from "../../contracts/audit";
import { canonicalJson } from "../../policy/canonical-json";
import type { Clock } from "../clock";
import { hmacSm3 } from "../crypto/sm";
import type { Executor, Tx } from "../db/client";
import { auditHead, auditLog } from "../db/schema";
import { type AuditCheckpoint, CheckpointUnreadable, checkpointSignatureValid, readCheckpoint } from "./checkpoint";
import { storableJson, storableNullableText, storableText } from "./storable";

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

/** The link before the first entry. */
export const genesisMac = "0".repeat(64);

const isNamedValues = (value: unknown): value is AuditChanges =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Changes made storable: storableJson keeps named values named values (an object, its keys own properties). */
function storableChanges(changes: AuditChanges): AuditChanges | null {
  const storable = storableJson(changes);
  return isNamedValues(storable) ? storable : null;
}

/**
 * The entry as the database will store it (server/audit/storable.ts): every text value, and every string and key deep
 * inside `changes`, made storable before the MAC is taken, so what is stored is exactly what was MAC'd.
 */
function storableEntry(seq: number, at: Date, entry: AuditEntry): ChainedFields {
  return {
    seq,
    at,
    actorId: storableNullableText(entry.actorId),
    actorName: storableNullableText(entry.actorName),
    actorRole: storableNullableText(entry.actorRole),
    action: storableText(entry.action),
    targetType: storableNullableText(entry.targetType),
    targetId: storableNullableText(entry.targetId),
    changes: entry.changes === undefined || entry.changes === null ? null : storableChanges(entry.changes),
    ip: storableNullableText(entry.ip),
    outcome: entry.outcome,
    reason: storableNullableText(entry.reason),
    requestId: storableNullableText(entry.requestId),
  };
}

const appendListeners = new Set<() => void>();

/**
 * Calls `listener` after each append in this process (the entry is not committed yet): the checkpointer uses it to
 * take its next checkpoint soon. Returns the unsubscribe function.
 */
export function onAuditAppend(listener: () => void): () => void {
  appendListeners.add(listener);
  return () => appendListeners.delete(listener);
}

/**
 * Appends entries, each chained by HMAC-SM3 to the one before. Runs inside the caller's transaction, so the entries
 * commit or roll back with the change they record; the head row lock orders concurrent appends, and it is held from
 * here to the commit: commands append at their end (commands/command.ts), so writers queue on it only that long. The
 * database refuses to change or delete an entry once written (migration 0011). Returns the entries' sequence numbers.
 */
export async function appendAudits(tx: Tx, key: Buffer, clock: Clock, entries: AuditEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for("update");
  if (!head) throw new Error("audit chain head missing: migrations not applied");
  const at = clock.now();
  let previous = { seq: head.seq, mac: head.mac };
  const rows = entries.map((entry) => {
    const row = storableEntry(previous.seq + 1, at, entry);
    const mac = auditMac(key, previous.mac, row);
    const stored = { ...row, outcome: entry.outcome, prevMac: previous.mac, mac };
    previous = { seq: row.seq, mac };
    return stored;
  });
  // The head moves one entry at a time (migration 0011's trigger refuses any other step).
  for (const row of rows) {
    await tx.insert(auditLog).values(row);
    await tx.update(auditHead).set({ seq: row.seq, mac: row.mac }).where(eq(auditHead.id, 1));
  }
  for (const listener of appendListeners) listener();
  return rows.map((row) => row.seq);
}

/** Appends one entry (appendAudits). */
export async function appendAudit(tx: Tx, key: Buffer, clock: Clock, entry: AuditEntry): Promise<number> {
  const [seq] = await appendAudits(tx, key, clock, [entry]);
  return seq!;
}

export interface BrokenEntry {
  /** The entry concerned (the first of a missing range); 0 when the checkpoint itself is unreadable. */
  seq: number;
  reason: string;
}

/** What was found of the checkpoint kept outside the database (server/audit/checkpoint.ts). */
export interface CheckpointReport {
  path: string;
  status: "reached" | "none" | "unreadable" | "invalid-signature" | "not-reached" | "differs";
  seq?: number;
  at?: string;
}

export interface ChainVerdict {
  /** Every entry verifies, none is missing, and the chain reaches audit_head and the checkpoint. */
  ok: boolean;
  /** Entries read and checked (all of them: one break does not stop the check). */
  checked: number;
  /** The newest entry found. */
  lastSeq: number;
  /** The first of `broken`. */
  firstBroken?: BrokenEntry;
  /** Every broken or missing entry in seq order, at most `maxReported` of them. */
  broken: BrokenEntry[];
  brokenCount: number;
  /** Entries up to here were removed by a retention purge that an `audit.purge` entry in the chain vouches for. */
  purgedThrough?: number;
  checkpoint?: CheckpointReport;
}

/** A checkpoint read for verification: read it before the chain, so it is never newer than what the chain read sees. */
export type CheckpointReading =
  | { path: string; checkpoint: AuditCheckpoint | null }
  | { path: string; unreadable: string };

export async function readCheckpointForVerify(path: string): Promise<CheckpointReading> {
  try {
    return { path, checkpoint: await readCheckpoint(path) };
  } catch (error) {
    if (error instanceof CheckpointUnreadable) return { path, unreadable: error.message };
    throw error;
  }
}

export interface VerifyOptions {
  /** The checkpoint the chain must still reach; leave out to check the chain and audit_head only. */
  checkpoint?: CheckpointReading;
  pageSize?: number;
  /** How many broken entries to list (all are counted). */
  maxReported?: number;
}

const range = (from: number, through: number) => (from === through ? `#${from}` : `#${from}–#${through}`);

/**
 * Recomputes the whole chain in pages and reports every broken entry, not only the first: each entry's MAC is
 * recomputed from its own stored link, and each link is compared with the stored MAC before it, so one break does not
 * hide a later one. Missing entries are reported as ranges. The chain must reach `audit_head` (read before the
 * entries, so appends committed meanwhile are no break) and the signed checkpoint, if one is given: an entry deleted
 * from the tail with the head rewound still shows against the checkpoint. On a busy PostgreSQL server, run it in one
 * REPEATABLE READ transaction for a consistent view (the CLI does).
 */
export async function verifyAuditChain(
  executor: Executor,
  key: Buffer,
  options: VerifyOptions = {},
): Promise<ChainVerdict> {
  const pageSize = options.pageSize ?? 2_000;
  const maxReported = options.maxReported ?? 1_000;
  const broken: BrokenEntry[] = [];
  const report = (seq: number, reason: string) => broken.push({ seq, reason });

  /** What the chain must reach: audit_head inside the database, and the signed checkpoint outside it. */
  const anchors: Array<{ seq: number; mac: string; zh: string; en: string; checkpoint?: AuditCheckpoint }> = [];
  const [headBefore] = await executor.select().from(auditHead).where(eq(auditHead.id, 1));
  if (headBefore && headBefore.seq > 0) {
    anchors.push({ seq: headBefore.seq, mac: headBefore.mac, zh: "audit_head", en: "audit_head" });
  }
  let checkpointReport: CheckpointReport | undefined;
  const reading = options.checkpoint;
  if (reading) {
    if ("unreadable" in reading) {
      checkpointReport = { path: reading.path, status: "unreadable" };
      report(
        0,
        `检查点文件无法读取（${reading.unreadable}）/ the checkpoint file is unreadable: ${reading.unreadable}`,
      );
    } else if (!reading.checkpoint) {
      checkpointReport = { path: reading.path, status: "none" };
    } else {
      const { seq, at } = reading.checkpoint;
      if (!checkpointSignatureValid(key, reading.checkpoint)) {
        checkpointReport = { path: reading.path, status: "invalid-signature", seq, at };
        report(
          seq,
          `检查点签名无效（文件被改动，或不是本审计密钥签发）/ the checkpoint's signature is invalid: the file was altered or signed with another key`,
        );
      } else {
        checkpointReport = { path: reading.path, status: "reached", seq, at };
        anchors.push({
          seq,
          mac: reading.checkpoint.mac,
          zh: `${at} 的检查点`,
          en: `the checkpoint of ${at}`,
          checkpoint: reading.checkpoint,
        });
      }
    }
  }
  const anchorMacs = new Map<number, string>();
  const anchorSeqs = new Set(anchors.map((anchor) => anchor.seq));

  let lastSeq = 0;
  let lastMac = genesisMac;
  let checked = 0;
  let leadingGap: { through: number; link: string } | null = null;
  let purgedThrough: number | undefined;
  const purges: Array<{ through: number; lastMac: string }> = [];
  for (;;) {
    const page = await executor
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      if (row.seq !== lastSeq + 1) {
        if (lastSeq === 0) leadingGap = { through: row.seq - 1, link: row.prevMac };
        else
          report(
            lastSeq + 1,
            `条目 ${range(lastSeq + 1, row.seq - 1)} 缺失 / entries ${range(lastSeq + 1, row.seq - 1)} are missing`,
          );
      }
      // One line per entry: a rewritten link also changes the entry's MAC input, so both may apply.
      const reasons: string[] = [];
      if (row.seq === lastSeq + 1 && row.prevMac !== lastMac) {
        reasons.push("与前一条的链接断开 / link to the previous entry is broken");
      }
      const { prevMac, mac: storedMac, ...fields } = row;
      const mac = auditMac(key, prevMac, { ...fields, at: row.at as Date, changes: row.changes ?? null });
      if (mac !== storedMac) {
        reasons.push("条目被改动（MAC 不符）/ entry was altered (MAC mismatch)");
      } else if (row.action === purgeAction && row.outcome === "success") {
        const vouched = row.changes;
        if (typeof vouched?.throughSeq === "number" && typeof vouched.lastMac === "string") {
          purges.push({ through: vouched.throughSeq, lastMac: vouched.lastMac });
        }
      }
      if (reasons.length) report(row.seq, reasons.join("; "));
      if (anchorSeqs.has(row.seq)) anchorMacs.set(row.seq, storedMac);
      lastSeq = row.seq;
      lastMac = storedMac;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }

  if (leadingGap) {
    const gap = leadingGap;
    if (purges.some((purge) => purge.through === gap.through && purge.lastMac === gap.link)) {
      purgedThrough = gap.through;
    } else {
      report(1, `条目 ${range(1, gap.through)} 缺失 / entries ${range(1, gap.through)} are missing`);
    }
  }

  const beyond = anchors.filter((anchor) => anchor.seq > lastSeq);
  if (beyond.length) {
    const through = Math.max(...beyond.map((anchor) => anchor.seq));
    const zh = beyond.map((anchor) => `${anchor.zh}（#${anchor.seq}）`).join("、");
    const en = beyond.map((anchor) => `${anchor.en} (#${anchor.seq})`).join(", ");
    report(
      lastSeq + 1,
      `条目 ${range(lastSeq + 1, through)} 缺失：链止于 #${lastSeq}，但 ${zh} 已到 #${through}（末尾被截断）/ ` +
        `entries ${range(lastSeq + 1, through)} are missing: the chain ends at #${lastSeq} but ${en} reached #${through} (tail truncated)`,
    );
  }
  for (const anchor of anchors) {
    if (anchor.seq > lastSeq) {
      if (anchor.checkpoint && checkpointReport) checkpointReport.status = "not-reached";
      continue;
    }
    const stored = anchorMacs.get(anchor.seq);
    if (stored !== undefined && stored !== anchor.mac) {
      if (anchor.checkpoint && checkpointReport) checkpointReport.status = "differs";
      report(
        anchor.seq,
        `条目 #${anchor.seq} 与 ${anchor.zh} 记录的不同（末尾被改写）/ entry #${anchor.seq} is not the one ${anchor.en} recorded (the tail was rewritten)`,
      );
    } else if (stored === undefined && anchor.checkpoint && checkpointReport) {
      checkpointReport.status = "not-reached"; // the entry it names is missing (reported above as a gap)
    }
  }
  const [headAfter] = await executor.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!headAfter) {
    report(lastSeq + 1, "审计链头（audit_head）缺失 / audit_head is missing");
  } else if (headAfter.seq < lastSeq) {
    report(
      headAfter.seq + 1,
      `audit_head 停在 #${headAfter.seq}，落后于链尾 #${lastSeq}（被回拨）/ audit_head is at #${headAfter.seq}, behind the chain's last entry #${lastSeq} (rewound)`,
    );
  }

  broken.sort((a, b) => a.seq - b.seq);
  return {
    ok: broken.length === 0,
    checked,
    lastSeq,
    ...(broken[0] ? { firstBroken: broken[0] } : {}),
    broken: broken.slice(0, maxReported),
    brokenCount: broken.length,
    ...(purgedThrough === undefined ? {} : { purgedThrough }),
    ...(checkpointReport ? { checkpoint: checkpointReport } : {}),
  };
}

/**
 * The action of the entry a retention purge appends before deleting (docs/adr/0007-audit-trail.md), with
 * `changes: { throughSeq, lastMac }`: the last purged entry and its MAC, which the first remaining entry links to.
 */
export const purgeAction = "audit.purge";

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
