import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { ObjectionInput } from "../../contracts/decision";
import { authorize } from "../access/scope";
import { chinaDate } from "../clock";
import { execute } from "../commands/command";
import { applications, files, objections, publicNotices } from "../db/schema";
import { ApiError, apiError, errors } from "../http/errors";
import type { DecisionCall } from "./decision-command";
import { officerAccounts } from "./notify";

const sealTypes = new Set(["application/pdf", "image/png", "image/jpeg"]);

const invalid = (path: string, zh: string, en: string) =>
  apiError(400, "invalid-input", zh, en, [{ path, messageZh: zh, messageEn: en }]);

/**
 * Records a written objection to an application under 公示 (Art. 14.3; SPEC §5.1 step 9). Anonymous and
 * fact-less objections never get here (the contract refuses them, naming the fields); a unit's must carry its
 * sealed letter (PDF or image, content-checked by the file store). Accepted only within the notice period.
 */
export async function receiveObjection(call: DecisionCall, input: ObjectionInput & { noticeId: string }) {
  const id = randomUUID();
  return execute(call.deps, call.actor, "objection.receive", { type: "objection", id }, async (context) => {
    await authorize(context.tx, call.caller, "objection.resolve");
    const [notice] = await context.tx.select().from(publicNotices).where(eq(publicNotices.id, input.noticeId));
    if (!notice) throw errors.notFound("Public notice", "公示");
    if (!(notice.applicationIds as string[]).includes(input.applicationId)) {
      throw invalid("applicationId", "该申报不在此次公示名单中。", "The application is not on this notice.");
    }
    const [application] = await context.tx
      .select({ state: applications.state })
      .from(applications)
      .where(eq(applications.id, input.applicationId));
    if (application?.state !== "publicized") {
      throw new ApiError(409, {
        code: "not-under-notice",
        article: "14.3",
        messageZh: "该申报已不在公示中，不能再登记异议。",
        messageEn: "The application is no longer under public notice.",
      });
    }
    const today = chinaDate(context.clock.now());
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today)
      throw invalid("receivedOn", "收到日期不能晚于今天。", "The date received cannot be in the future.");
    if (receivedOn < notice.startOn || receivedOn > notice.endOn) {
      throw new ApiError(422, {
        code: "objection-out-of-window",
        article: "14.3",
        messageZh: `异议应在公示期（${notice.startOn} 至 ${notice.endOn}）内提出。`,
        messageEn: `Objections are accepted during the notice period (${notice.startOn} to ${notice.endOn}).`,
        errors: [{ path: "receivedOn", messageZh: "不在公示期内", messageEn: "Outside the notice period" }],
      });
    }
    const isUnit = input.objectorKind === "unit";
    if (isUnit) {
      const [seal] = await context.tx
        .select()
        .from(files)
        .where(eq(files.id, input.sealFileId ?? ""));
      if (!seal || !sealTypes.has(seal.mediaType)) {
        throw invalid(
          "sealFileId",
          "请上传加盖单位公章的异议书（PDF 或图片）。",
          "Upload the unit's sealed objection letter (PDF or image).",
        );
      }
    }
    const row = {
      id,
      noticeId: notice.id,
      applicationId: input.applicationId,
      objectorKind: input.objectorKind,
      realName: input.realName,
      unitName: isUnit ? (input.unitName ?? null) : null,
      contact: input.contact,
      sealFileId: isUnit ? (input.sealFileId ?? null) : null,
      content: input.content,
      facts: input.facts,
      receivedOn,
      status: "received" as const,
    };
    await context.tx
      .insert(objections)
      .values({ ...row, receivedBy: context.actor.accountId, createdAt: context.clock.now() });
    // The audit keeps who objected; the objector's contact stays in the objection row only.
    await context.audit({ changes: { ...row, contact: "（见异议记录）" } });
    const officers = (await officerAccounts(context)).filter((account) => account !== context.actor.accountId);
    if (officers.length > 0) {
      await context.enqueue({
        kind: "notify",
        accountIds: officers,
        titleZh: `收到公示异议（${notice.title}）`,
        titleEn: `Objection received (${notice.title})`,
        link: `/decisions/notices/${notice.id}`,
      });
    }
    return id;
  });
}
