import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { evaluationRoundInput } from "../../contracts/annual-report";
import { defaultEvaluationRubric } from "../../policy/annual-report/evaluation-rubric";
import { evaluatedBaseStates, reportsOnYear, roundDateIssues } from "../../policy/annual-report/round";
import { editionFor } from "../../policy/measures/editions";
import { defaultSettings } from "../../policy/settings";
import { authorize } from "../access/scope";
import { chinaDate } from "../clock";
import { execute, type Invocation } from "../commands/command";
import { annualReports, bases, evaluationRounds, units } from "../db/schema";
import { refused } from "../domain/refused";

/**
 * Opens a year's performance evaluation (Art. 22): the round with its report deadline, and an annual report awaiting
 * its host unit for every base that reports on the year. One round per year.
 */
export async function openEvaluationRound(
  invocation: Invocation,
  input: z.infer<typeof evaluationRoundInput>,
): Promise<{ id: string; reports: number }> {
  const { deps, actor, caller } = invocation;
  const id = randomUUID();
  return execute(deps, actor, "evaluation.open", { type: "evaluation-round", id }, async (context) => {
    await authorize(context.tx, caller, "evaluation.manage");
    const now = context.clock.now();
    const today = chinaDate(now);
    const issues = roundDateIssues(input.year, input.reportDeadline, today);
    if (issues.length > 0) {
      throw refused.rule({
        code: "round-dates",
        article: "22",
        messageZh: issues.map((issue) => issue.messageZh).join(""),
        messageEn: issues.map((issue) => issue.messageEn).join(" "),
        errors: issues,
      });
    }
    const [existing] = await context.tx
      .select({ id: evaluationRounds.id })
      .from(evaluationRounds)
      .where(eq(evaluationRounds.year, input.year));
    if (existing) {
      throw refused.conflict({
        code: "round-exists",
        article: "22",
        path: "year",
        messageZh: `${input.year} 年度考核已经发起。`,
        messageEn: `The ${input.year} evaluation is already open.`,
      });
    }
    await context.tx.insert(evaluationRounds).values({
      id,
      year: input.year,
      title: input.title,
      reportDeadline: input.reportDeadline,
      evaluator: input.evaluator,
      status: "open",
      edition: editionFor(today).edition.id,
      rubric: defaultEvaluationRubric(input.year),
      cutoffs: {
        excellentShare: defaultSettings.excellentShare,
        excellentMinimumScore: defaultSettings.excellentMinimumScore,
        unqualifiedBelow: defaultSettings.unqualifiedBelow,
        excellentAtLeastOneSlot: defaultSettings.excellentAtLeastOneSlot,
      },
      createdBy: actor.accountId,
      createdAt: now,
    });
    const candidates = await context.tx
      .select({
        id: bases.id,
        status: bases.status,
        recognizedOn: bases.recognizedOn,
        unitId: bases.unitId,
        baseRecommenderId: bases.recommenderId,
        unitRecommenderId: units.recommenderId,
      })
      .from(bases)
      .innerJoin(units, eq(units.id, bases.unitId))
      .where(inArray(bases.status, [...evaluatedBaseStates]));
    const cohort = candidates.filter((base) => reportsOnYear(base, input.year));
    if (cohort.length > 0) {
      await context.tx.insert(annualReports).values(
        cohort.map((base) => ({
          id: randomUUID(),
          roundId: id,
          baseId: base.id,
          unitId: base.unitId,
          recommenderId: base.baseRecommenderId ?? base.unitRecommenderId,
          year: input.year,
          state: "awaiting-report" as const,
          content: {},
          updatedAt: now,
          createdAt: now,
        })),
      );
    }
    await context.audit({
      changes: { year: input.year, reportDeadline: input.reportDeadline, reports: cohort.length },
    });
    return { id, reports: cohort.length };
  });
}
