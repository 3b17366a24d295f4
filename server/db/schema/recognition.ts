import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type {
  ApplicationEventData,
  ApplicationForm,
  CallMaterial,
  CallSettings,
  StoredEligibility,
} from "../../../contracts/recognition";
import type { Rubric } from "../../../policy/grading/rubric";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * 年度认定通知 (Art. 14): one recognition round. `deadline` (YYYY-MM-DD, China time) is the reference date of every
 * look-back (SPEC §7); `rubric` is policy/grading/rubric.ts `Rubric`; `settings` holds the interpretation settings
 * the call overrides and its 文号 prefix. Every jsonb column is read through server/db/stored-json.ts.
 */
export const calls = pgTable(
  "calls",
  {
    id: text("id").primaryKey(),
    year: integer("year").notNull(),
    kind: text("kind", { enum: ["annual", "targeted"] }).notNull(),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en").notNull().default(""),
    opensAt: at("opens_at").notNull(),
    closesAt: at("closes_at").notNull(),
    deadline: text("deadline").notNull(),
    focusFields: jsonb("focus_fields").$type<string[]>().notNull().default([]),
    rubric: jsonb("rubric").$type<Rubric>().notNull(),
    materials: jsonb("materials").$type<CallMaterial[]>().notNull().default([]),
    /** recommenderId → maximum number of applications it may recommend. */
    quotas: jsonb("quotas").$type<Record<string, number>>().notNull().default({}),
    defaultQuota: integer("default_quota"),
    /** Targeted calls (offshore key bases): only these units may apply. */
    invitedUnitIds: jsonb("invited_unit_ids").$type<string[]>().notNull().default([]),
    settings: jsonb("settings").$type<CallSettings>().notNull().default({}),
    status: text("status", { enum: ["draft", "open", "closed"] }).notNull(),
    edition: text("edition").notNull(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("calls_year_idx").on(t.year)],
);

/**
 * One application to a call. `state` is written only by the transition command, with its audit entry, following
 * policy/lifecycles/application.transitions.ts. `form` holds the applicant's `application` and `director` sections
 * of the eligibility input (policy/eligibility/input.ts); the server adds unit and registry facts when it checks.
 * `recommenderId` is the recommender holding it now (it moves up the tree on "pass-up").
 */
export const applications = pgTable(
  "applications",
  {
    id: text("id").primaryKey(),
    callId: text("call_id").notNull(),
    unitId: text("unit_id").notNull(),
    recommenderId: text("recommender_id").notNull(),
    state: text("state").notNull(),
    type: text("type"),
    field: text("field"),
    isKey: boolean("is_key").notNull().default(false),
    isOffshore: boolean("is_offshore").notNull().default(false),
    region: text("region"),
    standardName: text("standard_name"),
    directorPersonId: text("director_person_id"),
    form: jsonb("form").$type<ApplicationForm>().notNull().default({}),
    /** The form's director's name, kept by the database for the lists (reading it from 20 forms doubled a page's cost). */
    directorName: text("director_name").generatedAlwaysAs(sql`form->'director'->>'name'`),
    /** The latest eligibility result: {edition, referenceDate, findings, summary, inputErrors}. */
    eligibility: jsonb("eligibility").$type<StoredEligibility>(),
    /** Priority within the recommending department's list (1 = first), set when ranking. */
    /** Unique per (call, recommender), checked at commit (migration 0009: a deferrable constraint drizzle cannot declare). */
    priority: integer("priority"),
    submittedAt: at("submitted_at"),
    stateChangedAt: at("state_changed_at"),
    lastReason: text("last_reason"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("applications_call_idx").on(t.callId),
    index("applications_unit_idx").on(t.unitId),
    index("applications_recommender_idx").on(t.recommenderId),
    index("applications_state_idx").on(t.state),
    // The list's default order over the submitted applications the department and recommenders see (issue 16).
    index("applications_list_idx")
      .on(t.priority, t.updatedAt.desc().nullsFirst(), t.id)
      .where(sql`submitted_at is not null`),
  ],
);

/** Each transition of an application, for its history and dossier (the audit log holds the same, chained). */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id").notNull(),
    event: text("event").notNull(),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    recommenderId: text("recommender_id"),
    reason: text("reason"),
    data: jsonb("data").$type<ApplicationEventData>(),
    edition: text("edition").notNull(),
    at: at("at").notNull(),
  },
  (t) => [index("application_events_application_idx").on(t.applicationId, t.at)],
);

/** Files attached to an application, by slot: application-form/work-plan (docx and pdf), agreements, systems, support. */
export const applicationFiles = pgTable(
  "application_files",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id").notNull(),
    slot: text("slot").notNull(),
    fileId: text("file_id").notNull(),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("application_files_application_idx").on(t.applicationId),
    uniqueIndex("application_files_slot_key").on(t.applicationId, t.slot, t.fileId),
  ],
);

/**
 * 推荐函 and 汇总表 (SPEC §5.1 step 3): the stamped copy a recommender uploads for one call, with the ranked list
 * it covered at that moment. Several uploads may exist; the latest counts.
 */
/**
 * 推荐意见 (Art. 14.1, 17): the opinion a recommender writes on an application it holds, printed under the
 * application in its 推荐函. One per (application, recommender), so a district's opinion stays when it passes the
 * application up and its parent writes its own.
 */
export const recommendationOpinions = pgTable(
  "recommendation_opinions",
  {
    applicationId: text("application_id").notNull(),
    recommenderId: text("recommender_id").notNull(),
    opinion: text("opinion").notNull(),
    updatedBy: text("updated_by"),
    updatedByName: text("updated_by_name"),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.recommenderId] })],
);

export const recommendationLetters = pgTable(
  "recommendation_letters",
  {
    id: text("id").primaryKey(),
    callId: text("call_id").notNull(),
    recommenderId: text("recommender_id").notNull(),
    fileId: text("file_id").notNull(),
    /** Application ids in priority order when the stamped copy was uploaded. */
    applicationIds: jsonb("application_ids").$type<string[]>().notNull().default([]),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("recommendation_letters_call_idx").on(t.callId, t.recommenderId)],
);
