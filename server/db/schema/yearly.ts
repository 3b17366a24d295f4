import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { AnnualReportContent, WorkPlanContent } from "../../../contracts/annual-report";
import type { BaseEventData, BaseEventKind } from "../../../contracts/base-timeline";
import type { Grade, GradeCutoffs } from "../../../policy/grading/grade";
import type { Rubric, RubricScores } from "../../../policy/grading/rubric";
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
    /** The year's indicator tree and weights (Art. 22), copied into each report's expert review. */
    rubric: jsonb("rubric").$type<Rubric>(),
    /** The year's cut-offs (SPEC §7 defaults), recorded with every grade computed from them. */
    cutoffs: jsonb("cutoffs").$type<GradeCutoffs>(),
    /** Funding per grade in yuan (Art. 23), set by the officer once the grades are confirmed. */
    funding: jsonb("funding").$type<Record<Grade, number>>(),
    gradedAt: at("graded_at"),
    publishedAt: at("published_at"),
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
    /** 补正 (Art. 22): what the department asked the unit to correct, and by when (China date). */
    correctionRequest: text("correction_request"),
    correctionDueOn: text("correction_due_on"),
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

/**
 * A base's confirmed grade for a year (Art. 22), with the rules edition and cut-offs it was computed with, and the
 * funding it was allocated (Art. 23). Written once when the officer confirms the cohort's grades.
 */
export const evaluationGrades = pgTable(
  "evaluation_grades",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    reportId: text("report_id").notNull(),
    baseId: text("base_id").notNull(),
    year: integer("year").notNull(),
    grade: text("grade").$type<Grade>().notNull(),
    score: real("score"),
    article: text("article").notNull(),
    reasonZh: text("reason_zh").notNull(),
    reasonEn: text("reason_en").notNull(),
    /** The grade was decided by the officer at a tie on the 优秀 cut. */
    decidedAtTie: boolean("decided_at_tie").notNull().default(false),
    edition: text("edition").notNull(),
    cutoffs: jsonb("cutoffs").$type<GradeCutoffs>().notNull(),
    fundingYuan: integer("funding_yuan"),
    confirmedBy: text("confirmed_by"),
    confirmedAt: at("confirmed_at").notNull(),
  },
  (t) => [
    uniqueIndex("evaluation_grades_round_base_key").on(t.roundId, t.baseId),
    index("evaluation_grades_base_idx").on(t.baseId),
  ],
);

/** An on-site check (实地核查) of a base during a year's evaluation; fraud found → 不合格 directly (Art. 20.1). */
export const onsiteChecks = pgTable(
  "onsite_checks",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id").notNull(),
    baseId: text("base_id").notNull(),
    checkedOn: text("checked_on").notNull(),
    findings: text("findings").notNull(),
    fraudFound: boolean("fraud_found").notNull(),
    recordedBy: text("recorded_by"),
    recordedByName: text("recorded_by_name"),
    at: at("at").notNull(),
  },
  (t) => [index("onsite_checks_report_idx").on(t.reportId)],
);

/**
 * A base's one-year rectification (Art. 24), opened by a 不合格 grade: the unit files a plan and a final report;
 * the officer's re-check (or the next evaluation) passes it or proposes revocation (Art. 20.6).
 */
export const rectificationCases = pgTable(
  "rectification_cases",
  {
    id: text("id").primaryKey(),
    baseId: text("base_id").notNull(),
    unitId: text("unit_id").notNull(),
    roundId: text("round_id").notNull(),
    year: integer("year").notNull(),
    openedOn: text("opened_on").notNull(),
    dueOn: text("due_on").notNull(),
    state: text("state", { enum: ["open", "plan-filed", "report-filed", "passed", "failed", "closed"] }).notNull(),
    plan: text("plan"),
    finalReport: text("final_report"),
    decisionReason: text("decision_reason"),
    decidedOn: text("decided_on"),
    decidedBy: text("decided_by"),
    version: integer("version").notNull().default(1),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("rectification_cases_round_base_key").on(t.roundId, t.baseId),
    index("rectification_cases_unit_idx").on(t.unitId),
  ],
);

/** Reminders already sent, by key (kind, subject, days before): a reminder goes out once, across restarts and nodes. */
export const remindersSent = pgTable("reminders_sent", {
  key: text("key").primaryKey(),
  sentAt: at("sent_at").notNull(),
});

/**
 * Evidence files of the yearly cycle (Art. 18, 24): the files a unit attaches to its annual report or to its
 * rectification plan and report. The bytes are in `files`; this row says whose evidence a file is.
 */
export const yearlyFiles = pgTable(
  "yearly_files",
  {
    id: text("id").primaryKey(),
    subjectKind: text("subject_kind", {
      enum: ["annual-report", "rectification", "change-report", "revocation-case"],
    }).notNull(),
    subjectId: text("subject_id").notNull(),
    slot: text("slot").notNull(),
    fileId: text("file_id").notNull(),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("yearly_files_subject_idx").on(t.subjectKind, t.subjectId),
    uniqueIndex("yearly_files_slot_key").on(t.subjectKind, t.subjectId, t.slot, t.fileId),
  ],
);

/**
 * Major joint R&D achievements the department selects from the annual reports and publishes on the public site
 * (Art. 16.4). Withdrawing one keeps the row (and its audit) and hides it from the public.
 */
export const achievements = pgTable(
  "achievements",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    reportId: text("report_id").notNull(),
    baseId: text("base_id").notNull(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    partner: text("partner"),
    country: text("country"),
    publishedBy: text("published_by").notNull(),
    publishedAt: at("published_at").notNull(),
    withdrawnBy: text("withdrawn_by"),
    withdrawnAt: at("withdrawn_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("achievements_year_idx").on(t.year), index("achievements_base_idx").on(t.baseId)],
);

/** 委托第三方评估机构 (Art. 16.3, 22): the one evaluator organization (an evaluator account) a round is entrusted to. */
export const evaluationEntrustments = pgTable(
  "evaluation_entrustments",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    evaluatorAccountId: text("evaluator_account_id").notNull(),
    entrustedBy: text("entrusted_by"),
    entrustedAt: at("entrusted_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("evaluation_entrustments_round_key").on(t.roundId)],
);

/** The evaluator's score of one report (Art. 22) on the round's rubric: a draft until submitted, then the report's score. */
export const evaluatorScores = pgTable(
  "evaluator_scores",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id").notNull(),
    roundId: text("round_id").notNull(),
    evaluatorAccountId: text("evaluator_account_id").notNull(),
    scores: jsonb("scores").$type<RubricScores>().notNull().default({}),
    opinion: text("opinion").notNull().default(""),
    /** The rubric total in hundredths (as review_assignments.total_centi), set on submission. */
    totalCenti: integer("total_centi"),
    submittedAt: at("submitted_at"),
    version: integer("version").notNull().default(1),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [uniqueIndex("evaluator_scores_report_key").on(t.reportId), index("evaluator_scores_round_idx").on(t.roundId)],
);
