import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The register of printed documents (SPEC §6): one row per distinct version the platform generated — 申报书, 推荐函
 * and 汇总表, 认定通知, 年度工作报告 — keyed by the SM3 digest printed on it, so anyone holding a stamped paper copy
 * can check its verification code. It holds what identifies the document (kind, title, issuer, dates), never its
 * content.
 */
export const printedDocuments = pgTable(
  "printed_documents",
  {
    /** SM3 of the canonical content (hex, 64 characters): the same content always gives the same row. */
    digest: text("digest").primaryKey(),
    /** The code printed on paper, four groups of four hex digits (1A2B-3C4D-5E6F-7A8B): the digest's first 16 hex digits. */
    code: text("code").notNull(),
    /** One of `documentKinds` (server/documents/verification.ts): "application-form", "annual-report", …. */
    kind: text("kind").notNull(),
    /** What the document is about: an application, a recommender's list for a call, a recognition document. */
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** The base's standard name, 推荐函 of a call, or the notice's title and document number. */
    title: text("title").notNull(),
    /** Who the paper copy comes from: the host unit, the recommender, or the department. */
    issuer: text("issuer").notNull(),
    firstGeneratedAt: at("first_generated_at").notNull(),
    lastGeneratedAt: at("last_generated_at").notNull(),
    /** The account that first generated this version (null for the system). */
    generatedBy: text("generated_by"),
  },
  (t) => [
    index("printed_documents_code_idx").on(t.code),
    index("printed_documents_subject_idx").on(t.subjectType, t.subjectId),
  ],
);
