import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { ApprovalInput } from "../../contracts/decision";
import { chinaDate } from "../clock";
import { execute } from "../commands/command";
import type { Executor } from "../db/client";
import { applications, approvals } from "../db/schema";
import { refused } from "../domain/refused";
import { applyApplicationEvent } from "../recognition/apply-application-event";
import { applicationLabel, type DecisionCall } from "./decision-command";
import { notifyStakeholders } from "./notify";

/** The call a batch belongs to, when all its applications share one (batches normally do). */
export async function commonCallId(executor: Executor, applicationIds: string[]): Promise<string | null> {
  const rows = await executor
    .select({ callId: applications.callId })
    .from(applications)
    .where(inArray(applications.id, applicationIds));
  const callIds = new Set(rows.map((row) => row.callId));
  return callIds.size === 1 ? [...callIds][0]! : null;
}

/**
 * 厅党组会 (Art. 14.3 "经厅党组会批准"): records the meeting (date, minute reference) and approves every listed
 * evaluated application in one transaction; the lifecycle's guard refuses an approval without the meeting.
 */
export async function recordApproval(call: DecisionCall, input: ApprovalInput) {
  const id = randomUUID();
  return execute(call.deps, call.actor, "approval.record", { type: "approval", id }, async (context) => {
    if (input.meetingDate > chinaDate(context.clock.now())) {
      throw refused.invalidInput(
        "invalid-input",
        "会议日期不能晚于今天。",
        "The meeting date cannot be in the future.",
        [{ path: "meetingDate", messageZh: "会议日期不能晚于今天", messageEn: "Not in the future" }],
      );
    }
    const applicationIds = [...new Set(input.applicationIds)];
    const meeting = { date: input.meetingDate, minuteRef: input.minuteRef };
    for (const applicationId of applicationIds) {
      await applyApplicationEvent(context, call.caller, {
        applicationId,
        event: "approve",
        guardContext: { meeting },
        data: { approvalId: id, ...meeting },
      });
    }
    const row = {
      id,
      callId: await commonCallId(context.tx, applicationIds),
      meetingDate: input.meetingDate,
      minuteRef: input.minuteRef,
      applicationIds,
      note: input.note ?? null,
    };
    await context.tx
      .insert(approvals)
      .values({ ...row, recordedBy: context.actor.accountId, createdAt: context.clock.now() });
    await context.audit({ changes: row });
    for (const applicationId of applicationIds) {
      const name = await applicationLabel(context, applicationId);
      await notifyStakeholders(context, applicationId, {
        titleZh: `已经厅党组会审议通过，待公示：${name}`,
        titleEn: `Approved by the Party group meeting, to be publicly noticed: ${name}`,
      });
    }
    return id;
  });
}
