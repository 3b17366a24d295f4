import { desc, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { draws } from "../db/schema";
import { parseDrawRow } from "../db/stored-json";

export type DrawRow = typeof draws.$inferSelect;

/** Recorded draw attempts, newest first, optionally of one round (officers and the auditor, `draw.read`). */
export async function listDraws(
  executor: Executor,
  filter: { roundId?: string | undefined; limit: number },
): Promise<DrawRow[]> {
  const rows = await executor
    .select()
    .from(draws)
    .where(filter.roundId ? eq(draws.roundId, filter.roundId) : undefined)
    .orderBy(desc(draws.createdAt), desc(draws.attempt))
    .limit(filter.limit);
  return rows.map(parseDrawRow);
}

/** Every attempt of one round, the latest first. */
export async function drawsOfRound(executor: Executor, roundId: string): Promise<DrawRow[]> {
  const rows = await executor.select().from(draws).where(eq(draws.roundId, roundId)).orderBy(desc(draws.attempt));
  return rows.map(parseDrawRow);
}

/** One attempt by id (its record parsed), or null. */
export async function findDraw(executor: Executor, id: string): Promise<DrawRow | null> {
  const [row] = await executor.select().from(draws).where(eq(draws.id, id));
  return row ? parseDrawRow(row) : null;
}
