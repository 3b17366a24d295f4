import { and, asc, eq } from "drizzle-orm";
import { authorize } from "../access/scope";
import { execute, type Invocation } from "../commands/command";
import { annualReports, evaluationRounds } from "../db/schema";
import { refused } from "../domain/refused";
import { applyReportEvent } from "./report-events";
import { lockReport, reportActor } from "./report-facts";

/**
 * 开始考核评审 (Art. 22): the department puts every report of the year's round that has reached it ("submitted")
 * under evaluation at once, so the experts' reviews can start. One transaction: each report moves through the one
 * writer of its state (applyReportEvent: state, event row, base timeline, audit), all or none.
 */
export async function startEvaluation(invocation: Invocation, roundId: string): Promise<{ started: number }> {
  const { deps, actor, caller } = invocation;
  return execute(deps, actor, "evaluation.start", { type: "evaluation-round", id: roundId }, async (context) => {
    await authorize(context.tx, caller, "evaluation.manage");
    const [round] = await context.tx
      .select({ id: evaluationRounds.id })
      .from(evaluationRounds)
      .where(eq(evaluationRounds.id, roundId));
    if (!round) throw refused.notFound("Evaluation round", "年度考核");
    const submitted = await context.tx
      .select({ id: annualReports.id })
      .from(annualReports)
      .where(and(eq(annualReports.roundId, roundId), eq(annualReports.state, "submitted")))
      .orderBy(asc(annualReports.id));
    let started = 0;
    for (const { id } of submitted) {
      const loaded = await lockReport(context.tx, id);
      // Moved on by someone else between the list and the lock: it is no longer this command's to start.
      if (loaded?.report.state !== "submitted") continue;
      await applyReportEvent(context, loaded, await reportActor(context.tx, caller, loaded.report), {
        event: "start-evaluation",
      });
      started += 1;
    }
    await context.audit({ changes: { started } });
    return { started };
  });
}
