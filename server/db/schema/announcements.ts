import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The notice (通知) of a call as the public site shows it under 通知公告: its title, its text (plain paragraphs) and
 * the day it is published from. `publishedOn` null is a notice still being written; the public sees a notice only
 * from its publication day (China's calendar). One notice per call.
 */
export const callNotices = pgTable(
  "call_notices",
  {
    callId: text("call_id").primaryKey(),
    titleZh: text("title_zh").notNull(),
    bodyZh: text("body_zh").notNull().default(""),
    publishedOn: text("published_on"),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by"),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [index("call_notices_published_idx").on(t.publishedOn)],
);

/** The attachments of a call's notice (申报指南, templates): rows of `files`, in the order they were added. */
export const callNoticeFiles = pgTable(
  "call_notice_files",
  {
    callId: text("call_id").notNull(),
    fileId: text("file_id").notNull(),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.fileId] })],
);
