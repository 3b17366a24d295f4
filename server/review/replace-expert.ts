import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { type DrawRecord, nextBackup } from "../../policy/review/draw-record";
import type { CommandContext } from "../commands/command";
import { draws, reviewAssignments, roleGrants } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { notifyExperts } from "./draw-experts";

/**
 * 补抽: when an assigned expert declines or recuses, the next unused backup of the round's current draw joins the
 * panel in the same role. The replacement is appended to the draw record (never rewritten) and audited. When the
 * backups are used up, officers are told that a new (top-up) draw attempt is needed.
 */
export async function replaceFromBackups(
  context: CommandContext,
  assignment: typeof reviewAssignments.$inferSelect,
  reason: "declined" | "recused",
): Promise<string | null> {
  const { tx } = context;
  const [draw] = await tx
    .select()
    .from(draws)
    .where(and(eq(draws.roundId, assignment.roundId), eq(draws.status, "current")))
    .orderBy(desc(draws.attempt))
    .limit(1)
    .for("update");
  const record = draw ? parseStored("draws.record", draw.record, draw.id) : undefined;
  const next = record ? nextBackup(record) : null;
  if (!draw || !record || !next) {
    const officers = await tx
      .select({ id: roleGrants.accountId })
      .from(roleGrants)
      .where(and(eq(roleGrants.role, "officer"), eq(roleGrants.status, "approved")));
    await context.enqueue({
      kind: "notify",
      accountIds: officers.map((o) => o.id),
      titleZh: "备选专家已用完，请重新抽取补足专家组",
      titleEn: "The backups are used up: run a top-up draw",
      link: `/reviews/${assignment.roundId}`,
    });
    return null;
  }
  const now = context.clock.now();
  const replacement = {
    outExpertId: assignment.expertId,
    inExpertId: next,
    reason,
    at: now.toISOString(),
    byName: context.actor.name,
  };
  const updated: DrawRecord = { ...record, replacements: [...record.replacements, replacement] };
  await tx.update(draws).set({ record: updated }).where(eq(draws.id, draw.id));
  const id = randomUUID();
  await tx.insert(reviewAssignments).values({
    id,
    roundId: assignment.roundId,
    drawId: draw.id,
    expertId: next,
    role: assignment.role,
    status: "invited",
    replacesId: assignment.id,
    createdAt: now,
  });
  await context.audit({
    action: "draw.replace",
    targetType: "draw",
    targetId: draw.id,
    changes: { ...replacement, assignmentId: id, replacesAssignmentId: assignment.id },
  });
  await notifyExperts(
    context,
    [next],
    "您有新的专家评审邀请（补抽）",
    "You are invited to an expert review (replacement)",
  );
  return id;
}
