import { and, eq, inArray, lt } from "drizzle-orm";
import type { ReportActor } from "../../policy/lifecycles/annual-report.decide";
import type { EvaluationState } from "../../policy/lifecycles/evaluation.transitions";
import { chinaDate } from "../clock";
import { type CommandDeps, execute, systemActor } from "../commands/command";
import { annualReports, evaluationRounds } from "../db/schema";
import { applyReportEvent } from "./report-events";
import { lockReport } from "./report-facts";

/** Reports that had not reached the department when the deadline passed: 未按规定提交 (Art. 22). */
const notInStates: EvaluationState[] = ["awaiting-report", "unit-review", "recommender-review"];

/** The scheduler acts as the department, by the same decision an officer's hand would go through. */
const scheduler: ReportActor = {
  canRead: true,
  abilities: ["evaluation.manage"],
  reviewsAs: new Set(["department"]),
};

/**
 * Marks every report of an open round whose deadline (China date, platform clock) has passed and that has not
 * reached the department as not submitted (Art. 22), one transaction per report, each audited and on its base's
 * timeline. Idempotent: a marked report is no longer in those states, so a second run, or a second node, finds
 * nothing; a server that was down at the deadline catches up on its next run. Returns how many it marked.
 */
export async function markMissedReports(deps: CommandDeps): Promise<number> {
  const today = chinaDate(deps.clock.now());
  const due = await deps.database.db
    .select({ id: annualReports.id })
    .from(annualReports)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
    .where(
      and(
        eq(evaluationRounds.status, "open"),
        lt(evaluationRounds.reportDeadline, today),
        inArray(annualReports.state, notInStates),
      ),
    );
  let marked = 0;
  for (const { id } of due) {
    const done = await execute(
      deps,
      systemActor,
      "annual-report.mark-not-submitted",
      { type: "annual-report", id },
      async (context) => {
        const loaded = await lockReport(context.tx, id);
        // Moved on since the list was read (submitted in time by another node's clock, or marked already).
        if (!loaded || !notInStates.includes(loaded.report.state)) return false;
        await applyReportEvent(context, loaded, scheduler, {
          event: "mark-not-submitted",
          reason: `截止日期 ${loaded.round.reportDeadline} 前未报送省科技厅`,
        });
        return true;
      },
    );
    if (done) marked += 1;
  }
  return marked;
}
