import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { BaseEventKind } from "../../contracts/base-timeline";
import { decideReportEvent, type ReportRequest } from "../../policy/lifecycles/annual-report.decide";
import type { EvaluationEvent } from "../../policy/lifecycles/evaluation.transitions";
import { execute, type Invocation } from "../commands/command";
import { annualReportEvents, annualReports } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { recordBaseEvent } from "./base-timeline";
import { lockReport, reportActor, reportFacts } from "./report-facts";

/** The timeline entry each report event leaves on its base (events without one change only the report). */
const timelineKind: Partial<Record<EvaluationEvent, BaseEventKind>> = {
  "submit-report": "report-submitted",
  "unit-approve": "report-unit-approved",
  "recommender-approve": "report-approved",
  "return-report": "report-returned",
  "mark-not-submitted": "report-not-submitted",
  withdraw: "report-withdrawn",
  "start-evaluation": "evaluation-started",
};

const notFound = () => refused.notFound("Annual report", "年度工作报告");

/**
 * Fires one event on an annual report: load under a row lock → policy decides → write the state, the event row, the
 * base's timeline and the audit entry in one transaction. A refusal writes nothing.
 */
export async function fireReportEvent(
  invocation: Invocation,
  target: { reportId: string; request: ReportRequest },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  const { reportId, request } = target;
  await execute(
    deps,
    actor,
    `annual-report.${request.event}`,
    { type: "annual-report", id: reportId },
    async (context) => {
      const loaded = await lockReport(context.tx, reportId);
      if (!loaded) throw notFound();
      const now = context.clock.now();
      const decision = decideReportEvent(
        reportFacts(loaded, now),
        await reportActor(context.tx, caller, loaded.report),
        request,
      );
      if (!decision.ok) throw new Refused(decision.kind, decision.refusal);
      const { change } = decision;
      const reason = request.reason?.trim() || null;
      const before = loaded.report;
      await context.tx
        .update(annualReports)
        .set({
          state: change.to,
          version: before.version + 1,
          updatedAt: now,
          ...(change.submitted ? { submittedAt: now } : {}),
        })
        .where(eq(annualReports.id, before.id));
      await context.tx.insert(annualReportEvents).values({
        id: randomUUID(),
        reportId: before.id,
        event: request.event,
        fromState: before.state,
        toState: change.to,
        actorId: actor.accountId,
        actorName: actor.name,
        reason,
        edition: change.edition,
        at: now,
      });
      const kind = timelineKind[request.event];
      if (kind) {
        await recordBaseEvent(context, before.baseId, kind, {
          year: before.year,
          reportId: before.id,
          ...(reason ? { reason } : {}),
        });
      }
      await context.audit({
        changes: { state: { from: before.state, to: change.to }, article: change.article, edition: change.edition },
        ...(reason ? { reason } : {}),
      });
    },
  );
}
