import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { entrustInput } from "../../contracts/evaluator";
import { decideEntrustment, type EvaluatorDecision } from "../../policy/annual-report/evaluator";
import { resolveScope } from "../access/scope";
import { execute, type Invocation } from "../commands/command";
import { accounts, evaluationEntrustments, evaluationRounds, evaluatorScores, roleGrants } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { submittedScoreCount } from "./evaluator-tasks.repository";

/** A policy refusal, thrown as the domain's `Refused` of the same kind. */
export function throwRefusal(decision: EvaluatorDecision<unknown>): void {
  if (!decision.ok) throw new Refused(decision.kind, decision.refusal);
}

/**
 * 委托第三方评估机构 (Art. 16.3, 22): the department entrusts a "third-party" round to one evaluator account. Entrusting
 * again, while no score is submitted, replaces the evaluator and drops the previous one's drafts; the evaluator is
 * notified after commit.
 */
export async function entrustRound(
  invocation: Invocation,
  target: { roundId: string; input: z.infer<typeof entrustInput> },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  const { roundId, input } = target;
  await execute(deps, actor, "evaluation.entrust", { type: "evaluation-round", id: roundId }, async (context) => {
    const { tx } = context;
    const [round] = await tx.select().from(evaluationRounds).where(eq(evaluationRounds.id, roundId)).for("update");
    if (!round) throw refused.notFound("Evaluation round", "年度考核");
    const [candidate] = await tx
      .select({ id: accounts.id, disabled: accounts.disabled, grant: roleGrants.id })
      .from(accounts)
      .leftJoin(
        roleGrants,
        and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.role, "evaluator"), eq(roleGrants.status, "approved")),
      )
      .where(eq(accounts.id, input.evaluatorAccountId));
    const manages = (await resolveScope(tx, caller, "evaluation.manage"))?.scope === "all";
    throwRefusal(
      decideEntrustment(
        {
          round: { evaluator: round.evaluator, open: round.status === "open", graded: round.gradedAt !== null },
          submittedScores: await submittedScoreCount(tx, roundId),
          managesEvaluations: manages,
        },
        candidate ? { approvedEvaluator: candidate.grant !== null, disabled: candidate.disabled } : null,
      ),
    );
    const now = context.clock.now();
    const [previous] = await tx
      .select()
      .from(evaluationEntrustments)
      .where(eq(evaluationEntrustments.roundId, roundId))
      .for("update");
    if (previous?.evaluatorAccountId === input.evaluatorAccountId) return;
    if (previous) {
      // The previous evaluator's drafts are its own; none is submitted (the policy's guard).
      await tx
        .delete(evaluatorScores)
        .where(and(eq(evaluatorScores.roundId, roundId), isNull(evaluatorScores.submittedAt)));
      await tx
        .update(evaluationEntrustments)
        .set({
          evaluatorAccountId: input.evaluatorAccountId,
          entrustedBy: actor.accountId,
          entrustedAt: now,
          version: previous.version + 1,
        })
        .where(eq(evaluationEntrustments.id, previous.id));
    } else {
      await tx.insert(evaluationEntrustments).values({
        id: randomUUID(),
        roundId,
        evaluatorAccountId: input.evaluatorAccountId,
        entrustedBy: actor.accountId,
        entrustedAt: now,
      });
    }
    await context.audit({
      changes: {
        evaluatorAccountId: { from: previous?.evaluatorAccountId ?? null, to: input.evaluatorAccountId },
      },
    });
    await context.enqueue({
      kind: "notify",
      accountIds: [input.evaluatorAccountId],
      titleZh: `受托开展${round.year}年度省国合基地绩效考核评估`,
      titleEn: `Entrusted with the ${round.year} evaluation of the provincial bases`,
      bodyZh: `省科技厅委托贵机构对“${round.title}”中进入考核评审的年度工作报告评分并出具评估意见（第十六条、第二十二条）。`,
      bodyEn: `The department entrusts you to score the reports under evaluation in “${round.title}” and give an opinion (Art. 16.3, 22).`,
      link: "/evaluator-tasks",
    });
  });
}
