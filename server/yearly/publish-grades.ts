import { eq } from "drizzle-orm";
import { grades } from "../../policy/grading/grade";
import { authorize } from "../access/scope";
import { execute, type Invocation } from "../commands/command";
import { bases, evaluationGrades, evaluationRounds } from "../db/schema";
import { refused } from "../domain/refused";
import { unitAccounts } from "../outbox/recipients";
import { recordBaseEvent } from "./base-timeline";

const gradeName = (code: string) => grades.find((grade) => grade.code === code);

/**
 * Publishes the confirmed grades to the host units (Art. 22): each unit is told its base's grade and reason, and
 * the base's timeline records it. Once per round.
 */
export async function publishGrades(
  invocation: Invocation,
  target: { roundId: string; version: number },
): Promise<{ published: number }> {
  const { deps, actor, caller } = invocation;
  return execute(
    deps,
    actor,
    "evaluation.publish-grades",
    { type: "evaluation-round", id: target.roundId },
    async (context) => {
      await authorize(context.tx, caller, "evaluation.grade");
      const [round] = await context.tx
        .select()
        .from(evaluationRounds)
        .where(eq(evaluationRounds.id, target.roundId))
        .for("update");
      if (!round) throw refused.notFound("Evaluation round", "年度考核");
      if (round.version !== target.version) throw refused.staleVersion();
      if (!round.gradedAt || round.publishedAt) {
        throw refused.conflict({
          code: round.publishedAt ? "already-published" : "not-graded",
          article: "22",
          messageZh: round.publishedAt ? "考核结果已经通知。" : "考核结果尚未确认，不能通知。",
          messageEn: round.publishedAt
            ? "The grades are already published."
            : "Confirm the grades before publishing them.",
        });
      }
      const rows = await context.tx
        .select({ grade: evaluationGrades, baseName: bases.standardName, unitId: bases.unitId })
        .from(evaluationGrades)
        .innerJoin(bases, eq(bases.id, evaluationGrades.baseId))
        .where(eq(evaluationGrades.roundId, round.id));
      const now = context.clock.now();
      for (const row of rows) {
        const name = gradeName(row.grade.grade);
        await recordBaseEvent(context, row.grade.baseId, "grades-published", {
          year: round.year,
          grade: row.grade.grade,
        });
        const accountIds = await unitAccounts(context, row.unitId);
        if (accountIds.length === 0) continue;
        await context.enqueue({
          kind: "notify",
          accountIds,
          titleZh: `${row.baseName}${round.year}年度绩效考核结果：${name?.nameZh ?? row.grade.grade}`,
          titleEn: `${row.baseName}: ${round.year} evaluation grade ${name?.nameEn ?? row.grade.grade}`,
          bodyZh: row.grade.reasonZh,
          bodyEn: row.grade.reasonEn,
          link: `/bases/${row.grade.baseId}`,
        });
      }
      await context.tx
        .update(evaluationRounds)
        .set({ publishedAt: now, version: round.version + 1 })
        .where(eq(evaluationRounds.id, round.id));
      await context.audit({ changes: { year: round.year, published: rows.length } });
      return { published: rows.length };
    },
  );
}
