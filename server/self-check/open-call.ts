import { and, desc, eq, gte, lte } from "drizzle-orm";
import type { Executor } from "../db/client";
import { calls } from "../db/schema";

/**
 * The annual call open for applications now, for the self-check (its deadline is the reference date every look-back
 * counts from) and its "开始申报" link. Only what the public notice already says: title and deadline.
 */
export async function openAnnualCall(
  executor: Executor,
  now: Date,
): Promise<{ id: string; titleZh: string; titleEn: string; deadline: string } | null> {
  const [row] = await executor
    .select({ id: calls.id, titleZh: calls.titleZh, titleEn: calls.titleEn, deadline: calls.deadline })
    .from(calls)
    .where(and(eq(calls.status, "open"), eq(calls.kind, "annual"), lte(calls.opensAt, now), gte(calls.closesAt, now)))
    .orderBy(desc(calls.opensAt))
    .limit(1);
  return row ?? null;
}
