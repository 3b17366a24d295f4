import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { AnnualReportContent, WorkPlanContent } from "../../../contracts/annual-report";
import type { BaseEventData, BaseEventKind } from "../../../contracts/base-timeline";
import type { EvaluationState } from "../../../policy/lifecycles/evaluation.transitions";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One year's performance evaluation (Art. 22): opened by the department with the report deadline (China date);
 * opening it creates an annual report for every active base. `year` is the calendar year reported on.
 */
export const evaluationRounds = pgTable(
  "evaluation_rounds",
  {
    id: text("id").primaryKey(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    reportDeadline: text("report_deadline").notNull(),
    evaluator: text("evaluator", { enum: ["experts", "third-party"] }).notNull(),
    status: text("status", { enum: ["open", "closed"] }).notNull(),
    edition: text("edition").notNull(),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("evaluation_rounds_year_key").on(t.year)],
);

/** A base's annual work report for a round (Art. 16.4, 18, 22); `state` follows evaluation.transitions.ts. */
export const annualReports = pgTable(
  "annual_reports",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    baseId: text("base_id").notNull(),
    /** The base's unit and recommender when the round opened: the row scope of every read. */
    unitId: text("unit_id").notNull(),
    recommenderId: text("recommender_id"),
    year: integer("year").notNull(),
    state: text("state").$type<EvaluationState>().notNull(),
    content: jsonb("content").$type<AnnualReportContent>().notNull().default({}),
    version: integer("version").notNull().default(1),
    submittedAt: at("submitted_at"),
    updatedAt: at("updated_at").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("annual_reports_round_base_key").on(t.roundId, t.baseId),
    index("annual_reports_unit_idx").on(t.unitId),
    index("annual_reports_recommender_idx").on(t.recommenderId),
  ],
);

export const annualReportEvents = pgTable(
  "annual_report_events",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id").notNull(),
    event: text("event").notNull(),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    reason: text("reason"),
    edition: text("edition").notNull(),
    at: at("at").notNull(),
  },
  (t) => [index("annual_report_events_report_idx").on(t.reportId, t.at)],
);

/** The year's work plan of a base (Art. 18.1), filed by the host unit; the report is compared with it. */
export const workPlans = pgTable(
  "work_plans",
  {
    id: text("id").primaryKey(),
    baseId: text("base_id").notNull(),
    year: integer("year").notNull(),
    content: jsonb("content").$type<WorkPlanContent>().notNull().default({}),
    filedAt: at("filed_at"),
    version: integer("version").notNull().default(1),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [uniqueIndex("work_plans_base_year_key").on(t.baseId, t.year)],
);

/** A base's timeline (Art. 16.3 跟踪监测): one row per thing that happened to it, on its China date. */
export const baseEvents = pgTable(
  "base_events",
  {
    id: text("id").primaryKey(),
    baseId: text("base_id").notNull(),
    kind: text("kind").$type<BaseEventKind>().notNull(),
    on: text("on").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    data: jsonb("data").$type<BaseEventData>().notNull().default({}),
    at: at("at").notNull(),
  },
  (t) => [index("base_events_base_idx").on(t.baseId, t.at)],
);
