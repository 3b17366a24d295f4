import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The policy assistant's FAQ (issue 14 item 1): what the department answers again and again, in the variants people
 * ask it, with the articles the answer rests on, the days it applies (`validTo` null: open-ended) and the edition of
 * the measures it was written for. Officers edit it; a deleted entry is kept with `deletedAt` (the audit log names
 * it, and a seed entry an officer deleted is not inserted again).
 */
export const assistantFaqs = pgTable(
  "assistant_faqs",
  {
    id: text("id").primaryKey(),
    questions: jsonb("questions").$type<string[]>().notNull(),
    answerZh: text("answer_zh").notNull(),
    answerEn: text("answer_en").notNull().default(""),
    articles: jsonb("articles").$type<string[]>().notNull(),
    validFrom: text("valid_from").notNull(),
    validTo: text("valid_to"),
    edition: text("edition").notNull(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by"),
    updatedBy: text("updated_by"),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    deletedAt: at("deleted_at"),
  },
  (t) => [index("assistant_faqs_deleted_idx").on(t.deletedAt)],
);
