import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { OnSiteVerificationInput } from "../../contracts/decision";
import { chinaDate } from "../clock";
import { files, onSiteVerifications } from "../db/schema";
import { refused } from "../domain/refused";
import { applyApplicationEvent } from "../recognition/apply-application-event";
import { applicationLabel, type DecisionCall, executeOnApplication } from "./decision-command";
import { notifyStakeholders } from "./notify";

/**
 * Records an on-site verification (Art. 14.2: date, team, findings, photos and files) and completes it: the
 * application moves on-site-verification → verified in the same transaction.
 */
export async function recordOnSiteVerification(
  call: DecisionCall,
  input: OnSiteVerificationInput & { applicationId: string },
) {
  return executeOnApplication(
    call,
    "application.complete-on-site-verification",
    input.applicationId,
    async (context) => {
      if (input.visitedOn > chinaDate(context.clock.now())) {
        throw refused.invalidInput(
          "invalid-input",
          "核查日期不能晚于今天。",
          "The visit date cannot be in the future.",
          [{ path: "visitedOn", messageZh: "核查日期不能晚于今天", messageEn: "Not in the future" }],
        );
      }
      const fileIds = [...new Set(input.fileIds)];
      if (fileIds.length > 0) {
        const found = await context.tx.select({ id: files.id }).from(files).where(inArray(files.id, fileIds));
        const missing = fileIds.filter((id) => !found.some((row) => row.id === id));
        if (missing.length > 0) {
          throw refused.invalidInput("invalid-input", "附件不存在，请重新上传。", "An attached file does not exist.", [
            {
              path: "fileIds",
              messageZh: `附件不存在：${missing.join("、")}`,
              messageEn: `Unknown files: ${missing.join(", ")}`,
            },
          ]);
        }
      }
      const id = randomUUID();
      const record = {
        id,
        applicationId: input.applicationId,
        visitedOn: input.visitedOn,
        team: input.team,
        findings: input.findings,
        conclusion: input.conclusion,
        fileIds,
      };
      const { after } = await applyApplicationEvent(context, call.caller, {
        applicationId: input.applicationId,
        event: "complete-on-site-verification",
        data: { verificationId: id, visitedOn: input.visitedOn, conclusion: input.conclusion },
      });
      await context.tx
        .insert(onSiteVerifications)
        .values({ ...record, recordedBy: context.actor.accountId, createdAt: context.clock.now() });
      await context.audit({
        action: "on-site-verification.record",
        targetType: "on-site-verification",
        targetId: id,
        changes: record,
      });
      const name = await applicationLabel(context, input.applicationId);
      await notifyStakeholders(context, input.applicationId, {
        titleZh: `实地核查已完成：${name}`,
        titleEn: `On-site verification recorded: ${name}`,
      });
      return { application: after, verificationId: id };
    },
  );
}
