import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { ChangeValues } from "../../../contracts/change-reports";
import type { RevocationSourceRef } from "../../../contracts/revocations";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Major change reports (Art. 18.5): work plan, director, name, key or main cooperation countries. The unit files the
 * change with its date; the recommender approves or returns; the department files it (备案), which updates the
 * registry. `state` follows policy/lifecycles/change-report.transitions.ts; `dueOn` is the 3-month deadline.
 */
export const changeReports = pgTable(
  "change_reports",
  {
    id: text("id").primaryKey(),
    baseId: text("base_id").notNull(),
    unitId: text("unit_id").notNull(),
    kind: text("kind").notNull(),
    /** The day the change took effect; the 3-month window starts here. */
    changedOn: text("changed_on").notNull(),
    dueOn: text("due_on").notNull(),
    state: text("state").notNull(),
    proposed: jsonb("proposed").$type<ChangeValues>().notNull().default({}),
    /** The registry's values replaced on filing (kept as history). */
    previous: jsonb("previous").$type<ChangeValues>(),
    description: text("description").notNull().default(""),
    returnReason: text("return_reason"),
    submittedAt: at("submitted_at"),
    approvedAt: at("approved_at"),
    filedOn: text("filed_on"),
    filedLate: boolean("filed_late"),
    edition: text("edition").notNull(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("change_reports_base_idx").on(t.baseId, t.changedOn),
    index("change_reports_unit_idx").on(t.unitId),
    index("change_reports_state_idx").on(t.state, t.dueOn),
  ],
);

/**
 * Revocation cases (Art. 20): proposed by the system where it knows the facts (grounds 1, 2, 6, 8), opened by the
 * officer on any ground with evidence, or requested by the unit itself (ground 7, voluntary withdrawal, reviewed by
 * the recommender). Decided with the 厅党组会 record and a numbered notice; a revoked case writes `revocations`,
 * which the eligibility rules read for the 3-year ban.
 */
export const revocationCases = pgTable(
  "revocation_cases",
  {
    id: text("id").primaryKey(),
    baseId: text("base_id").notNull(),
    unitId: text("unit_id").notNull(),
    ground: integer("ground").notNull(),
    /** "system" | "officer" | "unit" */
    source: text("source").notNull(),
    state: text("state").notNull(),
    evidence: text("evidence").notNull().default(""),
    /** What the system knew when it proposed: the round, report, on-site check or change report. */
    sourceRef: jsonb("source_ref").$type<RevocationSourceRef>(),
    returnReason: text("return_reason"),
    meetingDate: text("meeting_date"),
    minuteRef: text("minute_ref"),
    prefix: text("prefix"),
    year: integer("year"),
    number: integer("number"),
    documentNumber: text("document_number"),
    revokedOn: text("revoked_on"),
    dismissedReason: text("dismissed_reason"),
    decidedBy: text("decided_by"),
    decidedAt: at("decided_at"),
    edition: text("edition").notNull(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("revocation_cases_base_idx").on(t.baseId),
    index("revocation_cases_state_idx").on(t.state),
    uniqueIndex("revocation_cases_number_key").on(t.prefix, t.year, t.number).where(sql`${t.number} is not null`),
  ],
);

/** Alliances of bases (Art. 27): regional, industry, field or academic, with a lead base and a charter. */
export const alliances = pgTable(
  "alliances",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** "regional" | "industry" | "field" | "academic" */
    kind: text("kind").notNull(),
    leadBaseId: text("lead_base_id").notNull(),
    foundedOn: text("founded_on").notNull(),
    description: text("description").notNull().default(""),
    charterFileId: text("charter_file_id"),
    dissolvedOn: text("dissolved_on"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [uniqueIndex("alliances_name_key").on(t.name)],
);

/** A base's membership of an alliance, dated: member on `joinedOn` and every day before `leftOn`. */
export const allianceMembers = pgTable(
  "alliance_members",
  {
    id: text("id").primaryKey(),
    allianceId: text("alliance_id").notNull(),
    baseId: text("base_id").notNull(),
    joinedOn: text("joined_on").notNull(),
    leftOn: text("left_on"),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("alliance_members_alliance_idx").on(t.allianceId),
    index("alliance_members_base_idx").on(t.baseId),
    uniqueIndex("alliance_members_current_key").on(t.allianceId, t.baseId).where(sql`${t.leftOn} is null`),
  ],
);

/** What an alliance did (Art. 27): meetings, joint activities. */
export const allianceActivities = pgTable(
  "alliance_activities",
  {
    id: text("id").primaryKey(),
    allianceId: text("alliance_id").notNull(),
    heldOn: text("held_on").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("alliance_activities_alliance_idx").on(t.allianceId, t.heldOn)],
);
