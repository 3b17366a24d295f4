import { and, asc, desc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import type { AnnouncementDetail, AnnouncementItem, CallNotice, NoticeAttachment } from "../../contracts/announcements";
import type { Executor } from "../db/client";
import { callNoticeFiles, callNotices, calls, files, publicNotices } from "../db/schema";

async function attachmentsOf(executor: Executor, callIds: string[]): Promise<Map<string, NoticeAttachment[]>> {
  const result = new Map<string, NoticeAttachment[]>();
  if (callIds.length === 0) return result;
  const rows = await executor
    .select({
      callId: callNoticeFiles.callId,
      id: files.id,
      name: files.name,
      size: files.size,
      mediaType: files.mediaType,
    })
    .from(callNoticeFiles)
    .innerJoin(files, eq(files.id, callNoticeFiles.fileId))
    .where(inArray(callNoticeFiles.callId, callIds))
    .orderBy(asc(callNoticeFiles.createdAt), asc(files.name));
  for (const { callId, ...attachment } of rows) result.set(callId, [...(result.get(callId) ?? []), attachment]);
  return result;
}

/** Visible to the public on `today` (China's date): published, from its publication day on. */
const visibleOn = (publishedOn: string | null, today: string) => publishedOn !== null && publishedOn <= today;

/** The officer's view of a call's notice: an empty one at version 0 while none has been written. */
export async function loadCallNotice(executor: Executor, callId: string, today: string): Promise<CallNotice> {
  const [row] = await executor.select().from(callNotices).where(eq(callNotices.callId, callId));
  const attachments = (await attachmentsOf(executor, [callId])).get(callId) ?? [];
  if (!row) {
    const [call] = await executor.select({ titleZh: calls.titleZh }).from(calls).where(eq(calls.id, callId));
    return {
      callId,
      titleZh: call?.titleZh ?? "",
      bodyZh: "",
      publishedOn: null,
      visible: false,
      attachments,
      version: 0,
    };
  }
  return {
    callId,
    titleZh: row.titleZh,
    bodyZh: row.bodyZh,
    publishedOn: row.publishedOn,
    visible: visibleOn(row.publishedOn, today),
    attachments,
    version: row.version,
  };
}

/**
 * 通知公告 as the public sees it: the calls' notices published by `today` and every 公示 started by then — a 公示
 * stays listed after it ends, marked ended — newest first.
 */
export async function listAnnouncements(executor: Executor, today: string): Promise<AnnouncementItem[]> {
  const notices = await executor
    .select({ id: callNotices.callId, title: callNotices.titleZh, on: callNotices.publishedOn })
    .from(callNotices)
    .where(and(isNotNull(callNotices.publishedOn), lte(callNotices.publishedOn, today)));
  const attachments = await attachmentsOf(
    executor,
    notices.map((notice) => notice.id),
  );
  const publicity = await executor
    .select({ id: publicNotices.id, title: publicNotices.title, on: publicNotices.startOn, endOn: publicNotices.endOn })
    .from(publicNotices)
    .where(lte(publicNotices.startOn, today))
    .orderBy(desc(publicNotices.startOn), desc(publicNotices.createdAt));
  const items: AnnouncementItem[] = [
    ...notices.map((notice) => ({
      kind: "call" as const,
      id: notice.id,
      title: notice.title,
      on: notice.on ?? today,
      attachmentCount: attachments.get(notice.id)?.length ?? 0,
    })),
    ...publicity.map((notice) => ({
      kind: "publicity" as const,
      ...notice,
      status: today <= notice.endOn ? ("running" as const) : ("ended" as const),
    })),
  ];
  return items.sort((a, b) => (a.on === b.on ? a.title.localeCompare(b.title) : a.on < b.on ? 1 : -1));
}

/** One published call notice with its call's dates and its attachments; null unless the public may see it today. */
export async function loadAnnouncement(
  executor: Executor,
  callId: string,
  today: string,
): Promise<AnnouncementDetail | null> {
  const [row] = await executor
    .select({ notice: callNotices, call: calls })
    .from(callNotices)
    .innerJoin(calls, eq(calls.id, callNotices.callId))
    .where(eq(callNotices.callId, callId));
  if (!row || !visibleOn(row.notice.publishedOn, today)) return null;
  const { notice, call } = row;
  return {
    id: callId,
    title: notice.titleZh,
    publishedOn: notice.publishedOn ?? today,
    bodyZh: notice.bodyZh,
    attachments: (await attachmentsOf(executor, [callId])).get(callId) ?? [],
    call: {
      year: call.year,
      kind: call.kind,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      deadline: call.deadline,
    },
  };
}

/** Whether a file is an attachment of this call's notice (downloads go through this check, never by file id alone). */
export async function isNoticeAttachment(executor: Executor, callId: string, fileId: string): Promise<boolean> {
  const [row] = await executor
    .select({ fileId: callNoticeFiles.fileId })
    .from(callNoticeFiles)
    .where(and(eq(callNoticeFiles.callId, callId), eq(callNoticeFiles.fileId, fileId)));
  return row !== undefined;
}
