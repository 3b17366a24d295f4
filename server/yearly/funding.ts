import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { fundingInput } from "../../contracts/evaluation";
import { grades } from "../../policy/grading/grade";
import { authorize } from "../access/scope";
import { execute, type Invocation } from "../commands/command";
import { evaluationGrades, evaluationRounds } from "../db/schema";
import { refused } from "../domain/refused";
import { recordBaseEvent } from "./base-timeline";

/**
 * Sets the year's funding by grade (Art. 23) once the grades are confirmed: the amounts per grade on the round, the
 * allocation on each base's grade, and an entry on each funded base's timeline. Setting it again replaces it.
 */
export async function setFunding(
  invocation: Invocation,
  target: { roundId: string; input: z.infer<typeof fundingInput> },
): Promise<{ allocated: number; totalYuan: number }> {
  const { deps, actor, caller } = invocation;
  const { roundId, input } = target;
  return execute(deps, actor, "evaluation.set-funding", { type: "evaluation-round", id: roundId }, async (context) => {
    await authorize(context.tx, caller, "evaluation.grade");
    const [round] = await context.tx
      .select()
      .from(evaluationRounds)
      .where(eq(evaluationRounds.id, roundId))
      .for("update");
    if (!round) throw refused.notFound("Evaluation round", "年度考核");
    if (round.version !== input.version) throw refused.staleVersion();
    if (!round.gradedAt) {
      throw refused.conflict({
        code: "not-graded",
        article: "23",
        messageZh: "考核结果确认后才能按等次安排经费。",
        messageEn: "Funding follows the grades: confirm them first.",
      });
    }
    const rows = await context.tx.select().from(evaluationGrades).where(eq(evaluationGrades.roundId, roundId));
    let totalYuan = 0;
    for (const code of grades.map((grade) => grade.code)) {
      const amount = input.funding[code];
      await context.tx
        .update(evaluationGrades)
        .set({ fundingYuan: amount })
        .where(and(eq(evaluationGrades.roundId, roundId), eq(evaluationGrades.grade, code)));
    }
    for (const row of rows) {
      const amount = input.funding[row.grade];
      totalYuan += amount;
      if (amount > 0) {
        await recordBaseEvent(context, row.baseId, "funded", {
          year: round.year,
          grade: row.grade,
          fundingYuan: amount,
          article: "23",
        });
      }
    }
    await context.tx
      .update(evaluationRounds)
      .set({ funding: input.funding, version: round.version + 1 })
      .where(eq(evaluationRounds.id, roundId));
    await context.audit({ changes: { year: round.year, funding: input.funding, totalYuan } });
    return { allocated: rows.filter((row) => input.funding[row.grade] > 0).length, totalYuan };
  });
}
