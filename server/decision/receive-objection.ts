import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { ObjectionInput } from "../../contracts/decision";
import type { PublicObjectionInput } from "../../contracts/public-notices";
import { authorize } from "../access/scope";
import { chinaDate } from "../clock";
import { type Actor, type CommandContext, type CommandDeps, execute } from "../commands/command";
import { applications, files, objections, publicNotices } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { Refused, refused } from "../domain/refused";
import type { DecisionCall } from "./decision-command";
import { officerAccounts } from "./notify";

const sealTypes = new Set(["application/pdf", "image/png", "image/jpeg"]);

/**
 * How an objection came in: entered by an officer from the letter received (`receivedBy` is the officer), or
 * lodged by the objector on the public 公示 page (`receivedBy` is null).
 */
export type ObjectionChannel = "paper" | "online";

type InvalidKind = "invalid-input" | "rule";

const invalid = (kind: InvalidKind, path: string, zh: string, en: string) =>
  new Refused(kind, {
    code: kind === "invalid-input" ? "invalid-input" : "objection-not-accepted",
    messageZh: zh,
    messageEn: en,
    errors: [{ path, messageZh: zh, messageEn: en }],
  });

const sealMissing = (kind: InvalidKind) =>
  invalid(
    kind,
    "sealFileId",
    "请上传加盖单位公章的异议书（PDF 或图片）。",
    "Upload the unit's sealed objection letter (PDF or image).",
  );

/**
 * Records a written objection to an application under 公示 (Art. 14.3; SPEC §5.1 step 9). Anonymous and
 * fact-less objections never get here (the contract refuses them, naming the fields); a unit's must carry its
 * sealed letter (PDF or image, content-checked by the file store). Accepted only within the notice period.
 */
export async function receiveObjection(call: DecisionCall, input: ObjectionInput & { noticeId: string }) {
  const id = randomUUID();
  return execute(call.deps, call.actor, "objection.receive", { type: "objection", id }, async (context) => {
    await authorize(context.tx, call.caller, "objection.resolve");
    await recordObjection(context, id, "paper", input);
    return id;
  });
}

/**
 * The same objection lodged online by the objector during the 公示 (Art. 14.3): no sign-in, received today on
 * China's calendar, refused (409) before the notice starts or after its computed end date. It lands in the same
 * table and state (`received`) as a paper one, with `receivedBy` null, is audited and notifies the officers.
 */
export async function receiveOnlineObjection(
  deps: CommandDeps,
  actor: Actor,
  input: PublicObjectionInput & { noticeId: string },
) {
  const id = randomUUID();
  return execute(deps, actor, "objection.receive", { type: "objection", id }, async (context) => {
    await recordObjection(context, id, "online", input);
    return id;
  });
}

async function recordObjection(
  context: CommandContext,
  id: string,
  channel: ObjectionChannel,
  input: Omit<ObjectionInput, "receivedOn"> & { noticeId: string; receivedOn?: string | undefined },
) {
  const online = channel === "online";
  // Online, a malformed request is the objector's to correct (422); an officer's form error stays a 400.
  const kind: InvalidKind = online ? "rule" : "invalid-input";
  const [notice] = await context.tx.select().from(publicNotices).where(eq(publicNotices.id, input.noticeId));
  if (!notice) throw refused.notFound("Public notice", "公示");
  const today = chinaDate(context.clock.now());
  if (online && (today < notice.startOn || today > notice.endOn)) {
    const started = today >= notice.startOn;
    throw refused.conflict({
      code: started ? "notice-ended" : "notice-not-started",
      article: "14.3",
      messageZh: started
        ? `该公示已于 ${notice.endOn} 结束，不再受理异议。`
        : `该公示自 ${notice.startOn} 开始，届时方可提出异议。`,
      messageEn: started
        ? `This notice ended on ${notice.endOn}; objections are no longer accepted.`
        : `This notice starts on ${notice.startOn}; objections are accepted from then on.`,
    });
  }
  if (!parseStored("public_notices.application_ids", notice.applicationIds, notice.id).includes(input.applicationId)) {
    throw invalid(kind, "applicationId", "该申报不在此次公示名单中。", "The application is not on this notice.");
  }
  const [application] = await context.tx
    .select({ state: applications.state })
    .from(applications)
    .where(eq(applications.id, input.applicationId));
  if (application?.state !== "publicized") {
    throw refused.conflict({
      code: "not-under-notice",
      article: "14.3",
      messageZh: "该申报已不在公示中，不能再登记异议。",
      messageEn: "The application is no longer under public notice.",
    });
  }
  const receivedOn = online ? today : (input.receivedOn ?? today);
  if (receivedOn > today)
    throw invalid(
      "invalid-input",
      "receivedOn",
      "收到日期不能晚于今天。",
      "The date received cannot be in the future.",
    );
  if (receivedOn < notice.startOn || receivedOn > notice.endOn) {
    throw refused.rule({
      code: "objection-out-of-window",
      article: "14.3",
      messageZh: `异议应在公示期（${notice.startOn} 至 ${notice.endOn}）内提出。`,
      messageEn: `Objections are accepted during the notice period (${notice.startOn} to ${notice.endOn}).`,
      errors: [{ path: "receivedOn", messageZh: "不在公示期内", messageEn: "Outside the notice period" }],
    });
  }
  const isUnit = input.objectorKind === "unit";
  if (isUnit) {
    // Shared lock: the purge of unattached anonymous uploads cannot delete the letter while it is being attached.
    const [seal] = await context.tx
      .select()
      .from(files)
      .where(eq(files.id, input.sealFileId ?? ""))
      .for("share");
    if (!seal || !sealTypes.has(seal.mediaType)) throw sealMissing(kind);
    // Online, only a file uploaded anonymously for the purpose will do, never one of the platform's own.
    if (online && seal.uploadedBy !== null) throw sealMissing(kind);
  }
  const row = {
    id,
    noticeId: notice.id,
    applicationId: input.applicationId,
    objectorKind: input.objectorKind,
    realName: input.realName,
    unitName: isUnit ? (input.unitName ?? null) : null,
    sealFileId: isUnit ? (input.sealFileId ?? null) : null,
    content: input.content,
    facts: input.facts,
    receivedOn,
    status: "received" as const,
  };
  await context.tx.insert(objections).values({
    ...row,
    // Personal data at rest: sealed like a unit's contact phone, read back decrypted for the officers only.
    contactSealed: context.pii.encrypt(input.contact),
    receivedBy: online ? null : context.actor.accountId,
    createdAt: context.clock.now(),
  });
  // The audit keeps who objected; the objector's contact stays sealed in the objection row only.
  await context.audit({ changes: { ...row, channel, contact: "（见异议记录）" } });
  const officers = (await officerAccounts(context)).filter((account) => account !== context.actor.accountId);
  if (officers.length > 0) {
    await context.enqueue({
      kind: "notify",
      accountIds: officers,
      titleZh: online ? `收到网上异议（${notice.title}）` : `收到公示异议（${notice.title}）`,
      titleEn: online ? `Objection lodged online (${notice.title})` : `Objection received (${notice.title})`,
      link: `/decisions/notices/${notice.id}`,
    });
  }
}
