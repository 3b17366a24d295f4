import { and, eq } from "drizzle-orm";
import type { CallNoticeInput } from "../../contracts/announcements";
import { authorize } from "../access/scope";
import { chinaDate } from "../clock";
import { type CommandContext, execute, type Invocation } from "../commands/command";
import { callNoticeFiles, callNotices, calls } from "../db/schema";
import { refused } from "../domain/refused";
import type { FileStore } from "../storage/files";
import type { FileContent } from "../storage/staged-file";

/** What a notice may carry as attachments (申报指南, templates, forms): PDF, Word and Excel, up to 20 MB each. */
const attachmentKinds = ["pdf", "docx", "xlsx"] as const;
const maxAttachmentBytes = 20 * 1024 * 1024;

async function lockCall(context: CommandContext, callId: string) {
  const [call] = await context.tx.select().from(calls).where(eq(calls.id, callId)).for("update");
  if (!call) throw refused.notFound("Call", "批次");
  return call;
}

async function lockNotice(context: CommandContext, callId: string) {
  const [notice] = await context.tx.select().from(callNotices).where(eq(callNotices.callId, callId)).for("update");
  return notice ?? null;
}

async function requireNotice(context: CommandContext, callId: string, version: number) {
  const notice = await lockNotice(context, callId);
  if (!notice) throw refused.notFound("Call notice", "通知");
  if (notice.version !== version) throw refused.staleVersion();
  return notice;
}

/** The officer writes (or rewrites) a call's notice at the version read; a published notice changes in place. */
export async function saveCallNotice(invocation: Invocation, callId: string, input: CallNoticeInput): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "call-notice.save", { type: "call", id: callId }, async (context) => {
    await authorize(context.tx, caller, "call.manage");
    await lockCall(context, callId);
    const notice = await lockNotice(context, callId);
    if ((notice?.version ?? 0) !== input.version) throw refused.staleVersion();
    const values = { titleZh: input.titleZh, bodyZh: input.bodyZh, updatedBy: actor.accountId };
    if (notice) {
      await context.tx
        .update(callNotices)
        .set({ ...values, version: notice.version + 1, updatedAt: context.clock.now() })
        .where(eq(callNotices.callId, callId));
    } else {
      await context.tx.insert(callNotices).values({ ...values, callId, updatedAt: context.clock.now() });
    }
    await context.audit({ changes: { titleZh: input.titleZh, bodyLength: input.bodyZh.length } });
  });
}

/**
 * Publishes the notice from a day (today or later): the call must have been opened (a draft's dates may still
 * change, Art. 14) and the notice must have its text.
 */
export async function publishCallNotice(
  invocation: Invocation,
  callId: string,
  input: { publishedOn: string; version: number },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "call-notice.publish", { type: "call", id: callId }, async (context) => {
    await authorize(context.tx, caller, "call.manage");
    const call = await lockCall(context, callId);
    const notice = await requireNotice(context, callId, input.version);
    if (call.status === "draft") {
      throw refused.conflict({
        code: "call-not-open",
        messageZh: "批次尚未发布，请先发布批次再发布通知。",
        messageEn: "Open the call before publishing its notice.",
      });
    }
    if (notice.bodyZh.trim() === "") {
      throw refused.invalidInput("invalid-input", "请先填写通知正文。", "Write the notice's text first.", [
        { path: "bodyZh", messageZh: "请填写通知正文", messageEn: "The notice's text is required" },
      ]);
    }
    if (input.publishedOn < chinaDate(context.clock.now())) {
      throw refused.invalidInput("invalid-input", "发布日期不能早于今天。", "The publication day cannot be past.", [
        { path: "publishedOn", messageZh: "发布日期不能早于今天", messageEn: "Not before today" },
      ]);
    }
    await context.tx
      .update(callNotices)
      .set({ publishedOn: input.publishedOn, version: notice.version + 1, updatedAt: context.clock.now() })
      .where(eq(callNotices.callId, callId));
    await context.audit({ changes: { publishedOn: { from: notice.publishedOn, to: input.publishedOn } } });
  });
}

/** Withdraws the notice from the public site (it stays, to be corrected and published again). */
export async function unpublishCallNotice(invocation: Invocation, callId: string, version: number): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "call-notice.unpublish", { type: "call", id: callId }, async (context) => {
    await authorize(context.tx, caller, "call.manage");
    await lockCall(context, callId);
    const notice = await requireNotice(context, callId, version);
    await context.tx
      .update(callNotices)
      .set({ publishedOn: null, version: notice.version + 1, updatedAt: context.clock.now() })
      .where(eq(callNotices.callId, callId));
    await context.audit({ changes: { publishedOn: { from: notice.publishedOn, to: null } } });
  });
}

/** Adds an attachment; a call without a notice yet gets one titled after the call, its text still to write. */
export async function addCallNoticeFile(
  invocation: Invocation,
  store: FileStore,
  callId: string,
  upload: { name: string; content: FileContent },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "call-notice.add-file", { type: "call", id: callId }, async (context) => {
    await authorize(context.tx, caller, "call.manage");
    const call = await lockCall(context, callId);
    const notice = await lockNotice(context, callId);
    const now = context.clock.now();
    if (notice) {
      await context.tx
        .update(callNotices)
        .set({ version: notice.version + 1, updatedAt: now })
        .where(eq(callNotices.callId, callId));
    } else {
      await context.tx
        .insert(callNotices)
        .values({ callId, titleZh: call.titleZh, updatedBy: actor.accountId, updatedAt: now });
    }
    const stored = await store.save(
      context.tx,
      context.clock,
      { name: upload.name, content: upload.content, uploadedBy: actor.accountId },
      attachmentKinds,
      maxAttachmentBytes,
    );
    await context.tx
      .insert(callNoticeFiles)
      .values({ callId, fileId: stored.id, createdBy: actor.accountId, createdAt: now });
    await context.audit({ changes: { file: { id: stored.id, name: stored.name, sha256: stored.sha256 } } });
  });
}

/** Removes an attachment from the notice (the file row stays, as every uploaded file does, for the audit). */
export async function removeCallNoticeFile(invocation: Invocation, callId: string, fileId: string): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "call-notice.remove-file", { type: "call", id: callId }, async (context) => {
    await authorize(context.tx, caller, "call.manage");
    await lockCall(context, callId);
    const notice = await lockNotice(context, callId);
    const removed = await context.tx
      .delete(callNoticeFiles)
      .where(and(eq(callNoticeFiles.callId, callId), eq(callNoticeFiles.fileId, fileId)))
      .returning({ fileId: callNoticeFiles.fileId });
    if (!notice || removed.length === 0) throw refused.notFound("File", "文件");
    await context.tx
      .update(callNotices)
      .set({ version: notice.version + 1, updatedAt: context.clock.now() })
      .where(eq(callNotices.callId, callId));
    await context.audit({ changes: { removedFile: fileId } });
  });
}
