import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { BaseEventKind } from "../../contracts/base-timeline";
import { decideReportEvent, type ReportActor, type ReportRequest } from "../../policy/lifecycles/annual-report.decide";
import type { EvaluationEvent } from "../../policy/lifecycles/evaluation.transitions";
import { type CommandContext, execute, type Invocation } from "../commands/command";
import { annualReportEvents, annualReports } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { recordBaseEvent } from "./base-timeline";
import { type LoadedReport, lockReport, reportActor, reportFacts } from "./report-facts";

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

/**
 * Fires one event on an annual report for a signed-in caller: load under a row lock → policy decides → write, in
 * one transaction. A refusal writes nothing but its audit entry.
 */
export async function fireReportEvent(
  invocation: Invocation,
  target: { reportId: string; request: ReportRequest },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  const { reportId, request } = target;
  const action = `annual-report.${request.event}`;
  await execute(deps, actor, action, { type: "annual-report", id: reportId }, async (context) => {
    const loaded = await lockReport(context.tx, reportId);
    if (!loaded) throw refused.notFound("Annual report", "年度工作报告");
    await applyReportEvent(context, loaded, await reportActor(context.tx, caller, loaded.report), request);
  });
}

/**
 * The one writer of `annual_reports.state`, inside the caller's command: decides the event for the loaded (locked)
 * report and writes the state, the event row, the base's timeline and the audit entry, or throws the refusal.
 */
export async function applyReportEvent(
  context: CommandContext,
  loaded: LoadedReport,
  actorFacts: ReportActor,
  request: ReportRequest,
): Promise<void> {
  const now = context.clock.now();
  const decision = decideReportEvent(reportFacts(loaded, now), actorFacts, request);
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
    actorId: context.actor.accountId,
    actorName: context.actor.name,
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
  // Named by the report and its event, also when a command moves several reports at once (start-evaluation.ts).
  await context.audit({
    action: `annual-report.${request.event}`,
    targetType: "annual-report",
    targetId: before.id,
    changes: { state: { from: before.state, to: change.to }, article: change.article, edition: change.edition },
    ...(reason ? { reason } : {}),
  });
}
