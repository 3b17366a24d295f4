import { asc, eq } from "drizzle-orm";
import type { GradingView } from "../../contracts/evaluation";
import {
  consequenceLabel,
  evaluationEntry,
  gradeConsequence,
  gradingBlockers,
} from "../../policy/annual-report/grading";
import { gradeCohort } from "../../policy/grading/grade";
import type { Caller } from "../access/caller";
import { authorize } from "../access/scope";
import type { Executor } from "../db/client";
import { evaluationGrades } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { refused } from "../domain/refused";
import { loadCohort } from "./grading-facts";

/**
 * The officer's grading view of a year (Art. 22–23): before confirmation the grades policy/grading proposes, with
 * ties, blockers and each consequence in words; after it, the confirmed grades with their funding.
 */
export async function gradingView(executor: Executor, caller: Caller, roundId: string): Promise<GradingView> {
  await authorize(executor, caller, "evaluation.grade");
  const cohort = await loadCohort(executor, roundId);
  if (!cohort) throw refused.notFound("Evaluation round", "年度考核");
  const { round, cutoffs, lines, checks } = cohort;
  const funding = parseStored("evaluation_rounds.funding", round.funding, round.id);
  const base = {
    roundId: round.id,
    year: round.year,
    title: round.title,
    version: round.version,
    cutoffs,
    gradedAt: round.gradedAt?.toISOString() ?? null,
    publishedAt: round.publishedAt?.toISOString() ?? null,
    funding,
    onsiteChecks: checks.map((check) => ({
      id: check.id,
      reportId: check.reportId,
      checkedOn: check.checkedOn,
      findings: check.findings,
      fraudFound: check.fraudFound,
      recordedByName: check.recordedByName,
      at: check.at.toISOString(),
    })),
  };
  if (round.gradedAt) {
    const confirmed = await executor
      .select()
      .from(evaluationGrades)
      .where(eq(evaluationGrades.roundId, roundId))
      .orderBy(asc(evaluationGrades.baseId));
    const byBase = new Map(confirmed.map((row) => [row.baseId, row]));
    return {
      ...base,
      edition: confirmed[0]?.edition ?? round.edition,
      excellentSlots: gradeCohort(lines.map(evaluationEntry), cutoffs).excellentSlots,
      tie: null,
      blockers: [],
      confirmed: true,
      lines: lines.map((line) => {
        const row = byBase.get(line.baseId);
        return {
          reportId: line.reportId,
          baseId: line.baseId,
          baseName: line.baseName,
          unitName: line.unitName,
          reportState: line.state,
          baseState: line.baseState,
          score: row?.score ?? line.score,
          fraudFound: line.fraudFound,
          grade: row?.grade ?? null,
          article: row?.article ?? "22",
          reasonZh: row?.reasonZh ?? "",
          reasonEn: row?.reasonEn ?? "",
          tiedAtCut: false,
          consequenceZh: null,
          consequenceEn: null,
          fundingYuan: row?.fundingYuan ?? null,
        };
      }),
      availableActions: [...(round.publishedAt ? [] : (["publish"] as const)), "set-funding" as const],
    };
  }
  const blockers = gradingBlockers(lines);
  const grading = gradeCohort(lines.map(evaluationEntry), cutoffs);
  const results = new Map(grading.results.map((result) => [result.baseId, result]));
  return {
    ...base,
    edition: round.edition,
    excellentSlots: grading.excellentSlots,
    tie: grading.tie ?? null,
    blockers,
    confirmed: false,
    lines: lines.map((line) => {
      const result = results.get(line.baseId)!;
      const words = blockers.length === 0 ? consequenceLabel(gradeConsequence(result, line.baseState)) : null;
      return {
        reportId: line.reportId,
        baseId: line.baseId,
        baseName: line.baseName,
        unitName: line.unitName,
        reportState: line.state,
        baseState: line.baseState,
        score: line.score,
        fraudFound: line.fraudFound,
        grade: result.grade,
        article: result.article,
        reasonZh: result.reasonZh,
        reasonEn: result.reasonEn,
        tiedAtCut: result.tiedAtCut ?? false,
        consequenceZh: words?.zh ?? null,
        consequenceEn: words?.en ?? null,
        fundingYuan: null,
      };
    }),
    availableActions: [
      ...(blockers.length === 0 && lines.length > 0 ? (["confirm"] as const) : []),
      "record-onsite-check",
    ],
  };
}

/** The confirmed grading, for the lists that follow it (funding, 优先推荐): refused before confirmation. */
export async function confirmedGrading(executor: Executor, caller: Caller, roundId: string): Promise<GradingView> {
  const view = await gradingView(executor, caller, roundId);
  if (!view.confirmed) {
    throw refused.conflict({
      code: "not-graded",
      article: "22",
      messageZh: "考核结果尚未确认。",
      messageEn: "The grades are not confirmed yet.",
    });
  }
  return view;
}
