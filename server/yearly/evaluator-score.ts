import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { EvaluatorTaskView, evaluatorScoreInput, evaluatorSubmitInput } from "../../contracts/evaluator";
import { decideScoreDraft, decideScoreSubmit } from "../../policy/annual-report/evaluator";
import { authorize } from "../access/scope";
import { type CommandContext, execute, type Invocation } from "../commands/command";
import { evaluationEntrustments, evaluatorScores } from "../db/schema";
import { officerAccounts } from "../decision/notify";
import { refused } from "../domain/refused";
import { recordBaseEvent } from "./base-timeline";
import { throwRefusal } from "./evaluator-entrust";
import { evaluatorReportStates, parsedScore, presentTask, scoreFacts } from "./evaluator-tasks.repository";
import { roundRubric } from "./grading-facts";
import { type LoadedReport, lockReport } from "./report-facts";

type ScoreRow = typeof evaluatorScores.$inferSelect;

/**
 * The one locked read before an evaluator's score changes: the report (FOR UPDATE), whether the caller is its round's
 * entrusted evaluator, and its score row (FOR UPDATE). A report the caller may not read is a 404.
 */
async function lockTask(context: CommandContext, invocation: Invocation, reportId: string) {
  const { tx } = context;
  await authorize(tx, invocation.caller, "evaluation.score");
  const loaded = await lockReport(tx, reportId);
  if (!loaded) throw refused.notFound("Annual report", "年度工作报告");
  const [entrustment] = await tx
    .select({ evaluatorAccountId: evaluationEntrustments.evaluatorAccountId })
    .from(evaluationEntrustments)
    .where(eq(evaluationEntrustments.roundId, loaded.report.roundId));
  const entrusted =
    entrustment?.evaluatorAccountId === invocation.caller.accountId &&
    evaluatorReportStates.includes(loaded.report.state);
  const [row] = await tx.select().from(evaluatorScores).where(eq(evaluatorScores.reportId, reportId)).for("update");
  const score = row ? parsedScore(row) : null;
  return { loaded, score, facts: scoreFacts(loaded.report, loaded.round, entrusted, score) };
}

function presented(loaded: LoadedReport, score: ScoreRow): EvaluatorTaskView {
  return presentTask({ ...loaded, score });
}

/** Saves the evaluator's draft score of a report (Art. 22): partial scores, each within its leaf's range. */
export async function saveEvaluatorScore(
  invocation: Invocation,
  target: { reportId: string; input: z.infer<typeof evaluatorScoreInput> },
): Promise<EvaluatorTaskView> {
  const { deps, actor, caller } = invocation;
  const { reportId, input } = target;
  return execute(deps, actor, "evaluation.score-save", { type: "annual-report", id: reportId }, async (context) => {
    const { loaded, score, facts } = await lockTask(context, invocation, reportId);
    throwRefusal(
      decideScoreDraft(facts, roundRubric(loaded.round), { scores: input.scores, expectedVersion: input.version }),
    );
    const now = context.clock.now();
    const values = { scores: input.scores, opinion: input.opinion, updatedAt: now };
    const [written] = score
      ? await context.tx
          .update(evaluatorScores)
          .set({ ...values, version: score.version + 1 })
          .where(and(eq(evaluatorScores.id, score.id), eq(evaluatorScores.version, score.version)))
          .returning()
      : await context.tx
          .insert(evaluatorScores)
          .values({
            id: randomUUID(),
            reportId,
            roundId: loaded.report.roundId,
            evaluatorAccountId: caller.accountId,
            ...values,
          })
          .returning();
    if (!written) throw refused.staleVersion();
    await context.audit({ changes: { scores: input.scores, opinionLength: input.opinion.length } });
    return presented(loaded, parsedScore(written));
  });
}

/**
 * Submits the evaluator's score (Art. 22): every leaf in range and an opinion, else a 422 naming each. The total is
 * stored in hundredths and becomes the report's score for grading; the base's timeline records it and the
 * department is notified.
 */
export async function submitEvaluatorScore(
  invocation: Invocation,
  target: { reportId: string; input: z.infer<typeof evaluatorSubmitInput> },
): Promise<EvaluatorTaskView> {
  const { deps, actor } = invocation;
  const { reportId, input } = target;
  return execute(deps, actor, "evaluation.score-submit", { type: "annual-report", id: reportId }, async (context) => {
    const { loaded, score, facts } = await lockTask(context, invocation, reportId);
    const decision = decideScoreSubmit(facts, roundRubric(loaded.round), {
      scores: score?.scores ?? {},
      opinion: score?.opinion ?? "",
      expectedVersion: input.version,
    });
    throwRefusal(decision);
    if (!decision.ok || !score) throw refused.staleVersion(); // unreachable: the decision needs every leaf saved
    const { total } = decision.value;
    const now = context.clock.now();
    const [written] = await context.tx
      .update(evaluatorScores)
      .set({ totalCenti: Math.round(total * 100), submittedAt: now, updatedAt: now, version: score.version + 1 })
      .where(and(eq(evaluatorScores.id, score.id), eq(evaluatorScores.version, score.version)))
      .returning();
    if (!written) throw refused.staleVersion();
    const { report, baseName } = loaded;
    await recordBaseEvent(context, report.baseId, "evaluator-scored", {
      year: report.year,
      reportId: report.id,
      score: total,
      article: "22",
    });
    await context.audit({ changes: { total, submittedAt: now.toISOString() } });
    const officers = await officerAccounts(context);
    if (officers.length > 0) {
      await context.enqueue({
        kind: "notify",
        accountIds: officers,
        titleZh: `第三方评估机构已提交${baseName}${report.year}年度绩效考核评分：${total}分`,
        titleEn: `The evaluator scored ${baseName}'s ${report.year} report: ${total}`,
        link: `/evaluation/${report.roundId}`,
      });
    }
    return presented(loaded, parsedScore(written));
  });
}
