import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { BaseEventData, BaseEventKind } from "../../contracts/base-timeline";
import { chinaDate } from "../clock";
import type { CommandContext } from "../commands/command";
import type { Executor } from "../db/client";
import { baseEvents } from "../db/schema";
import { parseStored } from "../db/stored-json";

/** Adds one entry to a base's timeline, in the command's transaction, dated today in China. */
export async function recordBaseEvent(
  context: Pick<CommandContext, "tx" | "clock" | "actor">,
  baseId: string,
  kind: BaseEventKind,
  data: BaseEventData = {},
  on?: string,
): Promise<void> {
  await recordBaseEvents(context, [{ baseId, kind, data, ...(on ? { on } : {}) }]);
}

/** Adds entries to several bases' timelines in one statement (a cohort's grades), dated today in China. */
export async function recordBaseEvents(
  context: Pick<CommandContext, "tx" | "clock" | "actor">,
  entries: ReadonlyArray<{ baseId: string; kind: BaseEventKind; data?: BaseEventData; on?: string }>,
): Promise<void> {
  if (entries.length === 0) return;
  const now = context.clock.now();
  const today = chinaDate(now);
  await context.tx.insert(baseEvents).values(
    entries.map((entry) => ({
      id: randomUUID(),
      baseId: entry.baseId,
      kind: entry.kind,
      on: entry.on ?? today,
      actorId: context.actor.accountId,
      actorName: context.actor.name,
      data: entry.data ?? {},
      at: now,
    })),
  );
}

/** A base's timeline, oldest first. */
export async function baseTimeline(executor: Executor, baseId: string) {
  const rows = await executor
    .select()
    .from(baseEvents)
    .where(eq(baseEvents.baseId, baseId))
    .orderBy(asc(baseEvents.on), asc(baseEvents.at));
  return rows.map((row) => ({ ...row, data: parseStored("base_events.data", row.data, row.id) }));
}
