import { eq } from "drizzle-orm";
import { scoreRubric } from "../../policy/grading/rubric";
import { transition } from "../../policy/lifecycles/transition";
import {
  type AssignmentEvent,
  type AssignmentState,
  assignmentLifecycle,
} from "../../policy/review/assignment.transitions";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { reviewAssignments, reviewRounds } from "../db/schema";
import { parseAssignmentRow, parseRoundRow } from "../db/stored-json";
import { refused } from "../domain/refused";
import { replaceFromBackups } from "./replace-expert";

export interface AssignmentEventInput {
  assignmentId: string;
  event: AssignmentEvent;
  reason?: string | undefined;
  /** declare / recuse: the expert's statement (利益冲突声明). */
  statement?: string | undefined;
}

/**
 * The one writer of an assignment's status (policy/review/assignment.transitions.ts): accept or decline the
 * invitation, declare no conflict or recuse, submit (locks the review), reopen (officer, with a reason). A decline
 * or recusal brings in the next backup (补抽) in the same transaction.
 */
export async function applyAssignmentEvent(
  deps: CommandDeps,
  actor: Actor,
  input: AssignmentEventInput,
): Promise<void> {
  await execute(
    deps,
    actor,
    `review.${input.event}`,
    { type: "review-assignment", id: input.assignmentId },
    async (context) => {
      const { tx } = context;
      const [lockedAssignment] = await tx
        .select()
        .from(reviewAssignments)
        .where(eq(reviewAssignments.id, input.assignmentId))
        .for("update");
      if (!lockedAssignment) throw refused.notFound("Assignment", "评审任务");
      const assignment = parseAssignmentRow(lockedAssignment);
      const [lockedRound] = await tx
        .select()
        .from(reviewRounds)
        .where(eq(reviewRounds.id, assignment.roundId))
        .for("update");
      if (!lockedRound) throw refused.notFound("Review round", "评审");
      const round = parseRoundRow(lockedRound, ["rubric"]);
      if (round.status === "cancelled" || (round.status === "completed" && input.event !== "reopen")) {
        throw refused.conflict({
          code: "round-closed",
          messageZh: "本轮评审已结束。",
          messageEn: "This review round is closed.",
        });
      }
      let total: number | null = null;
      if (input.event === "submit") {
        const scored = scoreRubric(round.rubric, assignment.scores ?? {});
        if (!scored.ok) throw refused.rule(scored.refusal);
        total = scored.value.total;
      }
      const outcome = transition(assignmentLifecycle, assignment.status as AssignmentState, input.event, {
        ...(input.reason !== undefined ? { reason: input.reason } : {}),
        scoresComplete: total !== null,
      });
      if (!outcome.ok)
        throw outcome.refusal.code === "invalid-transition"
          ? refused.conflict(outcome.refusal)
          : refused.rule(outcome.refusal);
      const now = context.clock.now();
      const set: Partial<typeof reviewAssignments.$inferInsert> = {
        status: outcome.value.to,
        version: assignment.version + 1,
      };
      if (input.event === "declare" || input.event === "recuse") {
        set.declaration = {
          conflict: input.event === "recuse",
          statement: input.statement ?? input.reason ?? "",
          at: now.toISOString(),
        };
        set.declaredAt = now;
      }
      if (input.event === "submit") {
        set.submittedAt = now;
        set.total = Math.round(total! * 100);
      }
      if (input.event === "reopen") {
        set.submittedAt = null;
        set.reopenReason = input.reason ?? null;
        if (round.status === "completed") {
          await tx
            .update(reviewRounds)
            .set({ status: "in-review", version: round.version + 1 })
            .where(eq(reviewRounds.id, round.id));
        }
      }
      await tx.update(reviewAssignments).set(set).where(eq(reviewAssignments.id, assignment.id));
      await context.audit({
        changes: {
          roundId: round.id,
          from: assignment.status,
          to: outcome.value.to,
          ...(total !== null ? { total } : {}),
        },
        ...(input.reason ? { reason: input.reason } : {}),
      });
      if (input.event === "decline" || input.event === "recuse") {
        await replaceFromBackups(context, assignment, input.event === "decline" ? "declined" : "recused");
      }
    },
  );
}
