import { and, asc, eq, gte, inArray, lte, min } from "drizzle-orm";
import { z } from "zod";
import { type FeedItem, type FeedKind, type FeedPage, type FeedQuery, feedKinds } from "../../contracts/feed";
import { baseEvents } from "../../policy/lifecycles/base.transitions";
import { covers, type ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { auditHead, auditLog, bases, evaluationGrades, units } from "../db/schema";
import { refused } from "../domain/refused";

/**
 * The change feed of the registry (GET /api/feed/bases; docs/integration.md), read from the audit log.
 *
 * Why the audit log: it is the one record that is complete and ordered. Every state change appends its entry in the
 * change's own transaction, and each append locks the chain head (server/audit/audit-log.ts), so `seq` is given in
 * commit order without gaps: once entry N is visible, every entry before it is too, and a reader that has seen up to N
 * never finds an earlier one appear later. The bases' timeline (base_events) has no such order — its rows carry the
 * clock's time, written before their transaction commits — and it does not hold recognitions (the base row does).
 *
 * The entries read, one list (`sources`): a recognition (`base.create`), an import (`base.import` per base,
 * `registry.import-bases` for a workbook), a base's status change (`base.<event>` of base.transitions.ts: revoked,
 * exited or another), the publication of a round's grades (`evaluation.publish-grades`: one item per graded base),
 * and a major change written to the registry (`base.change-filed`: name, director, countries). An entry may give
 * several items; a cursor names an entry and the item within it, so a page may end inside one.
 */

const lifecycleActions = baseEvents.map((event) => `base.${event}`);
const sources = [
  "base.create",
  "base.import",
  "registry.import-bases",
  "evaluation.publish-grades",
  "base.change-filed",
  ...lifecycleActions,
];

/** How many audit entries one read takes while filling a page. */
const batchSize = 200;

/** Where a reader is: entry `seq`, and the items of it already read (`index`; Infinity: all of them). */
interface Position {
  seq: number;
  index: number;
}

const cursorVersion = "v1";

/** The opaque cursor: base64url of `v1:<seq>` (the whole entry read) or `v1:<seq>:<index>`. */
export function encodeCursor(position: Position): string {
  const text = Number.isFinite(position.index)
    ? `${cursorVersion}:${position.seq}:${position.index}`
    : `${cursorVersion}:${position.seq}`;
  return Buffer.from(text, "utf8").toString("base64url");
}

const badCursor = () =>
  refused.invalidInput(
    "invalid-cursor",
    "游标无效：请使用上一页返回的 next 值，或不带 since 从头读取。",
    "Invalid cursor: pass the `next` of the previous page, or leave `since` out to read from the beginning.",
    [{ path: "querystring.since", messageZh: "游标无效", messageEn: "Invalid cursor" }],
  );

export function decodeCursor(cursor: string | undefined): Position {
  if (cursor === undefined || cursor === "") return { seq: 0, index: Number.POSITIVE_INFINITY };
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^v1:(\d{1,15})(?::(\d{1,6}))?$/.exec(text);
  if (!match) throw badCursor();
  return { seq: Number(match[1]), index: match[2] === undefined ? Number.POSITIVE_INFINITY : Number(match[2]) };
}

/** An item before the base's facts are joined: which base, what kind, what the entry says. */
interface RawItem {
  baseId: string;
  kind: FeedKind;
  data: FeedItem["data"];
}

type AuditRow = Pick<typeof auditLog.$inferSelect, "seq" | "at" | "action" | "targetType" | "targetId" | "changes">;

// What each source entry's `changes` holds (as the commands wrote it); anything else in it is ignored.
const recognition = z.object({
  standardName: z.string().optional(),
  documentNumber: z.string().optional(),
  recognizedOn: z.string().optional(),
});
const workbookImport = z.object({
  bases: z.array(z.object({ id: z.string(), name: z.string().optional() })).default([]),
});
const statusChange = z.object({
  status: z.object({ from: z.string(), to: z.string() }),
  article: z.string().optional(),
});
const changedValues = z.object({
  standardName: z.string().optional(),
  field: z.string().optional(),
  directorName: z.string().optional(),
  countries: z
    .object({ key: z.array(z.string()), main: z.array(z.string()), radiating: z.array(z.string()) })
    .optional(),
  workPlanSummary: z.string().optional(),
});
const filedChange = z.object({
  kind: z.string(),
  previous: changedValues.partial().default({}),
  next: changedValues.partial().default({}),
});

const definedOnly = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;

/** The items one audit entry gives, in a fixed order (so a cursor inside the entry stays valid). */
async function itemsOf(executor: Executor, row: AuditRow): Promise<RawItem[]> {
  const changes = row.changes ?? {};
  if (row.action === "base.create" || row.action === "base.import") {
    const parsed = recognition.safeParse(changes);
    if (!row.targetId || !parsed.success) return [];
    return [
      {
        baseId: row.targetId,
        kind: row.action === "base.create" ? "recognized" : "imported",
        data: definedOnly(parsed.data),
      },
    ];
  }
  if (row.action === "registry.import-bases") {
    const parsed = workbookImport.safeParse(changes);
    if (!parsed.success) return [];
    return parsed.data.bases.map((base) => ({
      baseId: base.id,
      kind: "imported" as const,
      data: definedOnly({ standardName: base.name }),
    }));
  }
  if (row.action === "evaluation.publish-grades") {
    if (!row.targetId) return [];
    const grades = await executor
      .select({
        baseId: evaluationGrades.baseId,
        year: evaluationGrades.year,
        grade: evaluationGrades.grade,
        score: evaluationGrades.score,
      })
      .from(evaluationGrades)
      .where(eq(evaluationGrades.roundId, row.targetId))
      .orderBy(asc(evaluationGrades.baseId));
    return grades.map((grade) => ({
      baseId: grade.baseId,
      kind: "grade-published" as const,
      data: { year: grade.year, grade: grade.grade, score: grade.score },
    }));
  }
  if (row.action === "base.change-filed") {
    const parsed = filedChange.safeParse(changes);
    if (!row.targetId || !parsed.success) return [];
    return [
      {
        baseId: row.targetId,
        kind: "changed",
        data: { changeKind: parsed.data.kind, previous: parsed.data.previous, next: parsed.data.next },
      },
    ];
  }
  // A status change: the lifecycle's own entry on the base (a command may log the same action on another record).
  const parsed = statusChange.safeParse(changes);
  if (row.targetType !== "base" || !row.targetId || !parsed.success) return [];
  const to = parsed.data.status.to;
  return [
    {
      baseId: row.targetId,
      kind: to === "revoked" ? "revoked" : to === "exited" ? "exited" : "status-changed",
      data: definedOnly({ status: parsed.data.status, article: parsed.data.article }),
    },
  ];
}

const labels = new Map(feedKinds.map((entry) => [entry.kind, entry]));

/**
 * One page of the feed after `query.since`, at most `query.limit` items, in commit order; `next` is where to read on.
 * Entries are read only up to the chain head as it stands when the read begins: everything up to it has committed.
 * A cursor from before a retention purge of the audit log is refused (409 `feed-cursor-expired`): the reader
 * resynchronises from GET /api/bases and reads on from the `next` of an empty-`since` page.
 */
export async function readBaseFeed(executor: Executor, scope: ResolvedScope, query: FeedQuery): Promise<FeedPage> {
  const from = decodeCursor(query.since);
  const [head] = await executor.select({ seq: auditHead.seq }).from(auditHead).where(eq(auditHead.id, 1));
  const headSeq = head?.seq ?? 0;
  if (from.seq > headSeq) throw badCursor();
  // The first entry this read needs: the cursor's own when it stopped inside it, else the next.
  const firstNeeded = Number.isFinite(from.index) ? from.seq : from.seq + 1;
  if (from.seq > 0) {
    const [oldest] = await executor.select({ seq: min(auditLog.seq) }).from(auditLog);
    if (oldest?.seq !== null && oldest?.seq !== undefined && oldest.seq > firstNeeded) {
      throw refused.conflict({
        code: "feed-cursor-expired",
        messageZh: "该游标之后的记录已按保存期限清理，请重新读取基地名录（GET /api/bases），再不带 since 读取变更。",
        messageEn:
          "Entries after this cursor were purged at the end of their retention: read the registry again (GET /api/bases), then the feed without `since`.",
      });
    }
  }

  const collected: Array<{ position: Position; at: Date; raw: RawItem }> = [];
  let reached: Position = from;
  let scanFrom = firstNeeded;
  let full = false;
  scan: while (scanFrom <= headSeq) {
    const rows = await executor
      .select({
        seq: auditLog.seq,
        at: auditLog.at,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        changes: auditLog.changes,
      })
      .from(auditLog)
      .where(
        and(
          gte(auditLog.seq, scanFrom),
          lte(auditLog.seq, headSeq),
          eq(auditLog.outcome, "success"),
          inArray(auditLog.action, sources),
        ),
      )
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const row of rows) {
      const items = await itemsOf(executor, row);
      const start = row.seq === from.seq ? from.index + 1 : 0;
      for (let index = start; index < items.length; index++) {
        const raw = items[index]!;
        // Filtered out: passed over, and the cursor moves past it all the same.
        if ((query.kind && raw.kind !== query.kind) || (query.baseId && raw.baseId !== query.baseId)) continue;
        if (collected.length === query.limit) {
          full = true;
          break scan;
        }
        collected.push({ position: { seq: row.seq, index }, at: row.at, raw });
        reached = { seq: row.seq, index };
      }
      reached = { seq: row.seq, index: Number.POSITIVE_INFINITY };
    }
    if (rows.length < batchSize) break;
    scanFrom = rows[rows.length - 1]!.seq + 1;
  }
  // Nothing more before the head: read on from the head, so the entries in between are not scanned again.
  if (!full && headSeq > reached.seq) reached = { seq: headSeq, index: Number.POSITIVE_INFINITY };

  const baseIds = [...new Set(collected.map((item) => item.raw.baseId))];
  const facts = baseIds.length
    ? await executor
        .select({
          id: bases.id,
          standardName: bases.standardName,
          status: bases.status,
          unitId: bases.unitId,
          recommenderId: bases.recommenderId,
          unitName: units.name,
        })
        .from(bases)
        .innerJoin(units, eq(units.id, bases.unitId))
        .where(inArray(bases.id, baseIds))
    : [];
  const baseOf = new Map(facts.map((fact) => [fact.id, fact]));
  const items: FeedItem[] = [];
  for (const { position, at, raw } of collected) {
    const base = baseOf.get(raw.baseId);
    if (!base || !covers(scope, base)) continue;
    const label = labels.get(raw.kind)!;
    items.push({
      cursor: encodeCursor(position),
      kind: raw.kind,
      labelZh: label.labelZh,
      labelEn: label.labelEn,
      at: at.toISOString(),
      base: { id: base.id, standardName: base.standardName, unitName: base.unitName, status: base.status },
      data: raw.data,
    });
  }
  return { items, next: encodeCursor(reached), hasMore: full };
}
