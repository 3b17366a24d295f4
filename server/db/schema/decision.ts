import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { bytea } from "./columns";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The decision half of a recognition round (Art. 14.2–14.3; SPEC §5.1 steps 6–9): on-site verification, the
 * Party group meeting's approval, the public notice and its objections, the recognition document. The
 * applications' states move only through applyApplicationEvent; these tables hold the facts each step records.
 * Dates are YYYY-MM-DD (China time); `applicationIds` lists the applications a batch covers.
 */

/** 实地核查 (Art. 14.2): one visit to one applicant, with its findings and the photos and files taken. */
export const onSiteVerifications = pgTable(
  "on_site_verifications",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id").notNull(),
    visitedOn: text("visited_on").notNull(),
    /** Team members' names (and roles), as entered. */
    team: jsonb("team").$type<string[]>().notNull().default([]),
    findings: text("findings").notNull(),
    /** "confirmed": what was declared is as found; "issues": discrepancies the evaluation must weigh. */
    conclusion: text("conclusion", { enum: ["confirmed", "issues"] }).notNull(),
    /** File ids (files table): photos, scans, minutes of the visit. */
    fileIds: jsonb("file_ids").$type<string[]>().notNull().default([]),
    recordedBy: text("recorded_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("on_site_verifications_application_idx").on(t.applicationId)],
);

/** 厅党组会 (Art. 14.3): the meeting that approved a list of evaluated applications. */
export const approvals = pgTable(
  "approvals",
  {
    id: text("id").primaryKey(),
    callId: text("call_id"),
    meetingDate: text("meeting_date").notNull(),
    minuteRef: text("minute_ref").notNull(),
    applicationIds: jsonb("application_ids").$type<string[]>().notNull().default([]),
    note: text("note"),
    recordedBy: text("recorded_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("approvals_call_idx").on(t.callId)],
);

/** 公示 (SPEC §5.1 step 9): 5 working days counted on the holiday calendar, the start day included. */
export const publicNotices = pgTable(
  "public_notices",
  {
    id: text("id").primaryKey(),
    callId: text("call_id"),
    title: text("title").notNull(),
    startOn: text("start_on").notNull(),
    endOn: text("end_on").notNull(),
    workingDays: integer("working_days").notNull(),
    /** The measures' edition in force on the start day (Art. 31). */
    edition: text("edition").notNull(),
    applicationIds: jsonb("application_ids").$type<string[]>().notNull().default([]),
    publishedBy: text("published_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("public_notices_call_idx").on(t.callId)],
);

/**
 * 异议: accepted in writing with the objector's real name and contact (a unit's bears its seal); anonymous or
 * fact-less objections are not accepted. received → investigating → upheld | dismissed.
 */
export const objections = pgTable(
  "objections",
  {
    id: text("id").primaryKey(),
    noticeId: text("notice_id").notNull(),
    applicationId: text("application_id").notNull(),
    objectorKind: text("objector_kind", { enum: ["person", "unit"] }).notNull(),
    /** Kept as text like the names in `people`: a name alone is not the contact data this table seals. */
    realName: text("real_name").notNull(),
    /** For a unit: the unit's name; the real name is its contact person's. */
    unitName: text("unit_name"),
    /** The objector's phone or e-mail, sealed with the personal-data cipher; only officers see it, decrypted. */
    contactSealed: bytea("contact_sealed"),
    /**
     * The plaintext contact of rows written before migration 0013; `sealObjectionContacts` seals it into
     * `contactSealed` and clears it when the server starts. New rows leave it null.
     */
    legacyContact: text("contact"),
    sealFileId: text("seal_file_id"),
    content: text("content").notNull(),
    facts: text("facts").notNull(),
    receivedOn: text("received_on").notNull(),
    status: text("status", { enum: ["received", "investigating", "upheld", "dismissed"] }).notNull(),
    investigationNotes: text("investigation_notes"),
    resolution: text("resolution"),
    resolvedBy: text("resolved_by"),
    resolvedAt: at("resolved_at"),
    receivedBy: text("received_by"),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("objections_notice_idx").on(t.noticeId),
    index("objections_application_idx").on(t.applicationId, t.status),
    // Art. 14.3: no objection without a contact, sealed or (until the startup step seals it) legacy plaintext.
    check("objections_contact_kept", sql`${t.contactSealed} is not null or ${t.legacyContact} is not null`),
  ],
);

/** 发文认定: the recognition notice, numbered 机关代字〔year〕N号 with an officer-set prefix; unique per prefix and year. */
export const recognitionDocuments = pgTable(
  "recognition_documents",
  {
    id: text("id").primaryKey(),
    callId: text("call_id"),
    prefix: text("prefix").notNull(),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    /** Rendered once by formatDocumentNumber, e.g. 鄂科技函〔2026〕12号. */
    documentNumber: text("document_number").notNull(),
    issuedOn: text("issued_on").notNull(),
    title: text("title").notNull(),
    applicationIds: jsonb("application_ids").$type<string[]>().notNull().default([]),
    edition: text("edition").notNull(),
    issuedBy: text("issued_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [uniqueIndex("recognition_documents_number_key").on(t.prefix, t.year, t.number)],
);
