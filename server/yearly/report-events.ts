import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { BaseEventKind } from "../../contracts/base-timeline";
import { officeDate } from "../../policy/calendar/dates";
import { decideReportEvent, type ReportActor, type ReportRequest } from "../../policy/lifecycles/annual-report.decide";
import type { EvaluationEvent } from "../../policy/lifecycles/evaluation.transitions";
import { type CommandContext, execute, type Invocation } from "../commands/command";
import { annualReportEvents, annualReports } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { unitAccounts } from "../outbox/recipients";
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
  "open-correction": "correction-opened",
  "submit-correction": "correction-submitted",
  "close-correction": "correction-closed",
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
  const { correction } = change;
  // The 补正 request is the event's reason: the report's history shows what was asked.
  const reason = correction?.request ?? (request.reason?.trim() || null);
  const before = loaded.report;
  await context.tx
    .update(annualReports)
    .set({
      state: change.to,
      version: before.version + 1,
      updatedAt: now,
      ...(change.submitted ? { submittedAt: now } : {}),
      ...(correction ? { correctionRequest: correction.request, correctionDueOn: correction.dueOn } : {}),
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
      ...(correction ? { dueOn: correction.dueOn } : {}),
    });
  }
  // Named by the report and its event, also when a command moves several reports at once (start-evaluation.ts).
  await context.audit({
    action: `annual-report.${request.event}`,
    targetType: "annual-report",
    targetId: before.id,
    changes: {
      state: { from: before.state, to: change.to },
      article: change.article,
      edition: change.edition,
      ...(correction ? { correction } : {}),
    },
    ...(reason ? { reason } : {}),
  });
  if (correction) await notifyCorrection(context, loaded, correction);
}

/** Tells the host unit's accounts what the department asks it to correct, and by when (Art. 22). */
async function notifyCorrection(
  context: CommandContext,
  loaded: LoadedReport,
  correction: { request: string; dueOn: string },
): Promise<void> {
  const accountIds = await unitAccounts(context, loaded.report.unitId);
  if (accountIds.length === 0) return;
  const { report, baseName } = loaded;
  await context.enqueue({
    kind: "notify",
    accountIds,
    titleZh: `${baseName}${report.year}年度工作报告需补正，截止日期${officeDate(correction.dueOn)}`,
    titleEn: `${baseName}: the ${report.year} annual report needs correcting by ${correction.dueOn}`,
    bodyZh: `补正内容：${correction.request}。请在截止日期前修改报告并提交补正；逾期按现有材料考核（第二十二条）。`,
    bodyEn: `To correct: ${correction.request}. Edit the report and submit the correction by the due date; after it the report is evaluated as it stands (Art. 22).`,
    link: `/annual-reports/${report.id}`,
  });
}
