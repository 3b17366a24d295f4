import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { AssignmentDeclaration, ReviewSettingsInput } from "../../../contracts/review";
import type { Rubric, RubricScores } from "../../../policy/grading/rubric";
import type { DrawRecord } from "../../../policy/review/draw-record";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** 专家库: an expert is a person (people) with fields, title, unit and a sign-in account. */
export const experts = pgTable(
  "experts",
  {
    id: text("id").primaryKey(),
    personId: text("person_id").notNull(),
    accountId: text("account_id"),
    /** Field names (领域) the expert reviews. */
    fields: jsonb("fields").$type<string[]>().notNull().default([]),
    title: text("title").notNull(),
    unitId: text("unit_id"),
    unitName: text("unit_name").notNull(),
    divisionCode: text("division_code"),
    status: text("status", { enum: ["active", "suspended", "retired"] }).notNull(),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("experts_person_key").on(t.personId),
    index("experts_status_idx").on(t.status),
    // The pool's default order, newest first (issue 16).
    index("experts_list_idx").on(t.createdAt.desc().nullsFirst(), t.id),
  ],
);

/**
 * A review of one target (SPEC §5.1 step 5, Art. 22): the generic unit of expert review. `targetKind` is
 * "application" or "annual-report"; the target's provider (server/review/targets.ts) supplies its facts,
 * materials and rubric, and receives the hand-off when the panel completes.
 */
export const reviewRounds = pgTable(
  "review_rounds",
  {
    id: text("id").primaryKey(),
    targetKind: text("target_kind", { enum: ["application", "annual-report"] }).notNull(),
    targetId: text("target_id").notNull(),
    /** The batch the target is ranked within: the call for an application, the year for a report. */
    groupId: text("group_id"),
    groupTitle: text("group_title"),
    rubric: jsonb("rubric").$type<Rubric>().notNull(),
    /** The SQL default `{}` reads as every setting at its default (the schema fills `draw` and `aggregation`). */
    settings: jsonb("settings").$type<ReviewSettingsInput>().notNull().default(sql`'{}'::jsonb`),
    status: text("status", { enum: ["drawing", "in-review", "completed", "cancelled"] }).notNull(),
    panelOpinion: text("panel_opinion"),
    panelOpinionBy: text("panel_opinion_by"),
    panelOpinionAt: at("panel_opinion_at"),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("review_rounds_target_idx").on(t.targetKind, t.targetId),
    index("review_rounds_group_idx").on(t.groupId),
  ],
);

/**
 * Every draw attempt, never overwritten: the seed, the rules and their parameters, the ordered candidate list
 * with the facts each exclusion used, the exclusions with reasons, the panel, the backups and replacements —
 * enough for anyone to re-run it (policy/review/draw.ts) and get the same panel.
 */
export const draws = pgTable(
  "draws",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    attempt: integer("attempt").notNull(),
    record: jsonb("record").$type<DrawRecord>().notNull(),
    status: text("status", { enum: ["current", "superseded", "failed"] }).notNull(),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [uniqueIndex("draws_round_attempt_key").on(t.roundId, t.attempt)],
);

/** One expert on one panel: invitation, conflict declaration, scores, opinion, submission. */
export const reviewAssignments = pgTable(
  "review_assignments",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    drawId: text("draw_id").notNull(),
    expertId: text("expert_id").notNull(),
    role: text("role", { enum: ["member", "leader"] }).notNull(),
    status: text("status").notNull(),
    declaration: jsonb("declaration").$type<AssignmentDeclaration>(),
    declaredAt: at("declared_at"),
    scores: jsonb("scores").$type<RubricScores>(),
    comments: jsonb("comments").$type<Record<string, string>>(),
    opinion: text("opinion"),
    recommendation: text("recommendation"),
    total: integer("total_centi"),
    submittedAt: at("submitted_at"),
    reopenReason: text("reopen_reason"),
    /** 补抽: the assignment this one replaced (a declined or recused expert). */
    replacesId: text("replaces_id"),
    /** First time the expert opened the materials (each opening is audited). */
    materialsOpenedAt: at("materials_opened_at"),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("review_assignments_round_idx").on(t.roundId),
    index("review_assignments_expert_idx").on(t.expertId),
    uniqueIndex("review_assignments_draw_expert_key").on(t.drawId, t.expertId),
  ],
);
