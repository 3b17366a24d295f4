import { z } from "zod";
import { bilingual } from "./bilingual";
import { isoDate } from "./common";

/**
 * 通知公告 on the public site: the notice (通知) of a call — its title, its text in paragraphs and its attachments —
 * published by the department from a date, listed with the 公示 (Art. 14.3), newest first. The officer writes the
 * notice on the call; the public reads it without signing in.
 */

export const callNoticeInput = z.object({
  titleZh: z
    .string(bilingual("请填写通知标题", "The notice's title is required"))
    .trim()
    .min(1, bilingual("请填写通知标题", "The notice's title is required"))
    .max(200, bilingual("标题不超过 200 字", "The title is at most 200 characters")),
  /** Plain text; a blank line separates paragraphs. */
  bodyZh: z
    .string(bilingual("请填写通知正文", "The notice's text is required"))
    .max(20000, bilingual("正文不超过 20000 字", "The text is at most 20,000 characters")),
  /** The version read (0 when no notice exists yet). */
  version: z.number().int().min(0),
});
export type CallNoticeInput = z.infer<typeof callNoticeInput>;

export const callNoticePublish = z.object({
  /** The day the notice appears on the public site (China's calendar); a later day schedules it. */
  publishedOn: isoDate,
  version: z.number().int().min(1),
});

export const callNoticeUnpublish = z.object({ version: z.number().int().min(1) });

export const callNoticeFileParams = z.object({ id: z.string().min(1).max(64), fileId: z.string().min(1).max(64) });

/** An attachment as anyone sees it: its name, size and type (no storage detail, no digest). */
export const noticeAttachment = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
});
export type NoticeAttachment = z.infer<typeof noticeAttachment>;

/** The officer's view of a call's notice; `version` 0 and empty text when none has been written yet. */
export const callNoticeSchema = z.object({
  callId: z.string(),
  titleZh: z.string(),
  bodyZh: z.string(),
  publishedOn: z.string().nullable(),
  /** Published and visible to the public today. */
  visible: z.boolean(),
  attachments: z.array(noticeAttachment),
  version: z.number().int(),
});
export type CallNotice = z.infer<typeof callNoticeSchema>;

const callItem = z.object({
  kind: z.literal("call"),
  id: z.string(),
  title: z.string(),
  /** The date it is listed under. */
  on: z.string(),
  attachmentCount: z.number().int(),
});

const publicityItem = z.object({
  kind: z.literal("publicity"),
  id: z.string(),
  title: z.string(),
  on: z.string(),
  endOn: z.string(),
  status: z.enum(["running", "ended"]),
});

export const announcementItem = z.discriminatedUnion("kind", [callItem, publicityItem]);
export type AnnouncementItem = z.infer<typeof announcementItem>;

export const announcementList = z.object({
  today: z.string(),
  items: z.array(announcementItem),
});
export type AnnouncementList = z.infer<typeof announcementList>;

export const announcementDetail = z.object({
  id: z.string(),
  title: z.string(),
  publishedOn: z.string(),
  bodyZh: z.string(),
  attachments: z.array(noticeAttachment),
  call: z.object({
    year: z.number().int(),
    kind: z.enum(["annual", "targeted"]),
    opensAt: z.string(),
    closesAt: z.string(),
    deadline: z.string(),
  }),
});
export type AnnouncementDetail = z.infer<typeof announcementDetail>;
