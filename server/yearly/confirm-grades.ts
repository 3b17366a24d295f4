import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { confirmGradesInput } from "../../contracts/evaluation";
import { evaluationEntry, gradeConsequence, gradingBlockers } from "../../policy/annual-report/grading";
import { gradeCohort, resolveTie } from "../../policy/grading/grade";
import { editionFor } from "../../policy/measures/editions";
import { authorize } from "../access/scope";
import { chinaDate } from "../clock";
import { execute, type Invocation } from "../commands/command";
import { evaluationGrades, evaluationRounds } from "../db/schema";
import { refused } from "../domain/refused";
import { proposeRevocation } from "../revocation/propose";
import { applyBaseEvent } from "./base-state";
import { recordBaseEvents } from "./base-timeline";
import { loadCohort } from "./grading-facts";
import { openRectification } from "./rectification";
import { applyReportEvent } from "./report-events";
import { lockReport, reportActor } from "./report-facts";

/**
 * The officer confirms the year's grades (Art. 22): the cohort is graded by policy/grading with the round's cut-offs,
 * ties at the 优秀 cut resolved by the officer's choice; each grade is stored with the rules edition and cut-offs,
 * the evaluated reports move to 已评定, and each base takes the consequence (rectification, passing it, or a
 * revocation proposal for the officer to decide) — all in one transaction.
 */
export async function confirmGrades(
  invocation: Invocation,
  target: { roundId: string; input: z.infer<typeof confirmGradesInput> },
): Promise<{ graded: number }> {
  const { deps, actor, caller } = invocation;
  const { roundId, input } = target;
  return execute(
    deps,
    actor,
    "evaluation.confirm-grades",
    { type: "evaluation-round", id: roundId },
    async (context) => {
      await authorize(context.tx, caller, "evaluation.grade");
      const cohort = await loadCohort(context.tx, roundId, true);
      if (!cohort) throw refused.notFound("Evaluation round", "年度考核");
      const { round, cutoffs, lines } = cohort;
      if (round.version !== input.version) throw refused.staleVersion();
      if (round.gradedAt) {
        throw refused.conflict({
          code: "already-graded",
          article: "22",
          messageZh: `${round.year} 年度考核结果已经确认。`,
          messageEn: `The ${round.year} grades are already confirmed.`,
        });
      }
      if (lines.length === 0) {
        throw refused.rule({
          code: "empty-cohort",
          article: "22",
          messageZh: "本年度没有参加考核的基地。",
          messageEn: "No base is evaluated this year.",
        });
      }
      const blockers = gradingBlockers(lines);
      if (blockers.length > 0) {
        throw refused.rule({
          code: "cohort-not-ready",
          article: "22",
          messageZh: `尚有 ${blockers.length} 个基地不能评定。`,
          messageEn: `${blockers.length} base(s) cannot be graded yet.`,
          errors: blockers,
        });
      }
      const proposed = gradeCohort(lines.map(evaluationEntry), cutoffs);
      const grading = resolveTie(proposed, input.excellentAtTie);
      if (!grading || grading.results.some((result) => result.grade === null)) {
        throw refused.rule({
          code: "tie-unresolved",
          article: "22",
          path: "excellentAtTie",
          messageZh: proposed.tie
            ? `得分 ${proposed.tie.score} 分的 ${proposed.tie.baseIds.length} 个基地并列于优秀名额线，请从中确定 ${proposed.tie.slotsLeft} 个以内为优秀。`
            : "所选基地不在并列名单中。",
          messageEn: proposed.tie
            ? `${proposed.tie.baseIds.length} bases tie at ${proposed.tie.score}: choose at most ${proposed.tie.slotsLeft} as excellent.`
            : "The chosen bases are not tied at the cut.",
        });
      }
      const now = context.clock.now();
      const today = chinaDate(now);
      const edition = editionFor(today).edition.id;
      const byBase = new Map(lines.map((line) => [line.baseId, line]));
      // A cohort is hundreds of bases: the grades and their timeline entries go in one statement each.
      const graded = grading.results.map((result) => ({
        result,
        line: byBase.get(result.baseId)!,
        grade: result.grade!,
      }));
      await context.tx.insert(evaluationGrades).values(
        graded.map(({ result, line, grade }) => ({
          id: randomUUID(),
          roundId,
          reportId: line.reportId,
          baseId: line.baseId,
          year: round.year,
          grade,
          score: line.score,
          article: result.article,
          reasonZh: result.reasonZh,
          reasonEn: result.reasonEn,
          decidedAtTie: proposed.tie?.baseIds.includes(line.baseId) ?? false,
          edition,
          cutoffs,
          confirmedBy: actor.accountId,
          confirmedAt: now,
        })),
      );
      await recordBaseEvents(
        context,
        graded.flatMap(({ result, line, grade }) => [
          {
            baseId: line.baseId,
            kind: "graded" as const,
            data: {
              year: round.year,
              reportId: line.reportId,
              grade,
              article: result.article,
              reason: result.reasonZh,
              ...(line.score !== null ? { score: line.score } : {}),
            },
          },
          ...(grade === "excellent"
            ? [{ baseId: line.baseId, kind: "excellent-listed" as const, data: { year: round.year, article: "25" } }]
            : []),
        ]),
      );
      for (const { result, line, grade } of graded) {
        if (line.state === "under-evaluation") {
          const loaded = await lockReport(context.tx, line.reportId);
          if (!loaded) throw new Error(`report ${line.reportId} vanished`);
          await applyReportEvent(context, loaded, await reportActor(context.tx, caller, loaded.report), {
            event: "grade",
            grade,
          });
        }
        const consequence = gradeConsequence(result, line.baseState);
        if (consequence?.kind === "open-rectification") {
          await openRectification(context, { baseId: line.baseId, unitId: line.unitId, roundId, year: round.year });
        } else if (consequence?.ground) {
          // Art. 20.1, 20.2, 20.6: the system proposes, with the report it knows the facts from; the officer decides.
          await proposeRevocation(context, {
            baseId: line.baseId,
            ground: consequence.ground,
            source: "system",
            sourceRef: { kind: "annual-report", id: line.reportId, year: round.year },
            evidence: result.reasonZh,
            baseEvent: consequence.event === "fail-rectification" ? "fail-rectification" : "propose-revocation",
            timeline: { year: round.year },
          });
        } else if (consequence) {
          await applyBaseEvent(
            context,
            line.baseId,
            consequence.event,
            consequence.ground ? { ground: consequence.ground } : {},
            {
              kind: consequence.event === "pass-rectification" ? "rectification-passed" : "revocation-proposed",
              data: { year: round.year, ...(consequence.ground ? { ground: consequence.ground } : {}) },
            },
          );
        }
      }
      await context.tx
        .update(evaluationRounds)
        .set({ gradedAt: now, status: "closed", version: round.version + 1 })
        .where(eq(evaluationRounds.id, roundId));
      await context.audit({
        changes: {
          year: round.year,
          edition,
          cutoffs,
          grades: Object.fromEntries(grading.results.map((result) => [result.baseId, result.grade])),
          ...(input.excellentAtTie.length > 0 ? { excellentAtTie: input.excellentAtTie } : {}),
        },
      });
      return { graded: grading.results.length };
    },
  );
}
