import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { NoticeInput } from "../../contracts/decision";
import { publicNoticeEnd } from "../../policy/calendar/working-days";
import { editionFor } from "../../policy/measures/editions";
import { resolveSettings } from "../../policy/settings";
import { execute } from "../commands/command";
import { calls, publicNotices } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { refused } from "../domain/refused";
import { applyApplicationEvent } from "../recognition/apply-application-event";
import { applicationLabel, type DecisionCall } from "./decision-command";
import { officerHolidayYears } from "./holiday-years";
import { notifyStakeholders } from "./notify";
import { commonCallId } from "./record-approval";

/**
 * 公示 (SPEC §5.1 step 9): the end is `publicNoticeWorkingDays` (5) working days on the holiday calendar, the
 * start day counting (2023-11-08 → 2023-11-14); a window reaching a year whose schedule is unknown is refused
 * with the calendar's message (422), never guessed. Every listed approved application becomes publicized.
 */
export async function publishNotice(call: DecisionCall, input: NoticeInput) {
  const id = randomUUID();
  return execute(call.deps, call.actor, "public-notice.publish", { type: "public-notice", id }, async (context) => {
    const applicationIds = [...new Set(input.applicationIds)];
    const callId = await commonCallId(context.tx, applicationIds);
    const [round] = callId
      ? await context.tx.select({ year: calls.year, settings: calls.settings }).from(calls).where(eq(calls.id, callId))
      : [];
    // The call's own interpretation settings (calls.settings.interpretation) over the defaults.
    const settings = resolveSettings(
      callId && round ? parseStored("calls.settings", round.settings, callId).interpretation : undefined,
    );
    const end = publicNoticeEnd(
      input.startOn,
      settings.publicNoticeWorkingDays,
      await officerHolidayYears(context.tx),
      settings.publicNoticeStartDayCounts,
    );
    if (!end.ok) throw refused.rule({ ...end.refusal, article: "14.3", path: "startOn" });
    const row = {
      id,
      callId,
      title:
        input.title?.trim() || `${round?.year ?? input.startOn.slice(0, 4)}年度湖北省国际科技合作基地拟认定名单公示`,
      startOn: input.startOn,
      endOn: end.value,
      workingDays: settings.publicNoticeWorkingDays,
      edition: editionFor(input.startOn).edition.id,
      applicationIds,
    };
    for (const applicationId of applicationIds) {
      await applyApplicationEvent(context, call.caller, {
        applicationId,
        event: "publish",
        data: { noticeId: id, startOn: row.startOn, endOn: row.endOn },
      });
    }
    await context.tx
      .insert(publicNotices)
      .values({ ...row, publishedBy: context.actor.accountId, createdAt: context.clock.now() });
    await context.audit({ changes: row });
    for (const applicationId of applicationIds) {
      const name = await applicationLabel(context, applicationId);
      await notifyStakeholders(context, applicationId, {
        titleZh: `公示中（${row.startOn} 至 ${row.endOn}）：${name}`,
        titleEn: `Under public notice (${row.startOn} to ${row.endOn}): ${name}`,
      });
    }
    return { id, endOn: row.endOn };
  });
}
