import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { rectificationEnd } from "../../policy/calendar/deadlines";
import { chinaDate } from "../clock";
import type { CommandContext } from "../commands/command";
import { bases, rectificationCases } from "../db/schema";
import { unitAccounts } from "../outbox/recipients";
import { applyBaseEvent } from "./base-state";

/**
 * Opens the one-year rectification of a base graded 不合格 (Art. 24), inside the grading command's transaction:
 * the case (due a year after today, China date), the base's move to 整改中 with its timeline entry, and a notice to
 * the host unit. Returns the case id. The grading command has checked its own ability; a second case for the same
 * round and base violates the unique key and rolls the grading back.
 */
export async function openRectification(
  context: CommandContext,
  input: { baseId: string; unitId: string; roundId: string; year: number },
): Promise<string> {
  const now = context.clock.now();
  const openedOn = chinaDate(now);
  // The last day of the year that starts on the grade's confirmation (docs/interpretations.md, rectificationMonths).
  const dueOn = rectificationEnd(openedOn);
  const id = randomUUID();
  await context.tx.insert(rectificationCases).values({
    id,
    baseId: input.baseId,
    unitId: input.unitId,
    roundId: input.roundId,
    year: input.year,
    openedOn,
    dueOn,
    state: "open",
    version: 1,
    updatedAt: now,
  });
  await applyBaseEvent(
    context,
    input.baseId,
    "grade-unqualified",
    {},
    {
      kind: "rectification-opened",
      data: { year: input.year, dueOn },
    },
  );
  await context.audit({
    action: "rectification.open",
    targetType: "rectification",
    targetId: id,
    changes: { base: input.baseId, year: input.year, openedOn, dueOn, article: "24" },
  });
  const [base] = await context.tx.select({ name: bases.standardName }).from(bases).where(eq(bases.id, input.baseId));
  const accountIds = await unitAccounts(context, input.unitId);
  if (accountIds.length > 0) {
    await context.enqueue({
      kind: "notify",
      accountIds,
      titleZh: `${base?.name ?? "基地"}${input.year}年度绩效考核不合格，进入整改期`,
      titleEn: `${base?.name ?? "Base"}: graded unqualified for ${input.year}, rectification opened`,
      bodyZh: `请提交整改方案，并于${dueOn}前提交整改报告（第二十四条）。`,
      bodyEn: `File a rectification plan, then the final report by ${dueOn} (Art. 24).`,
      link: `/rectifications/${id}`,
    });
  }
  return id;
}
