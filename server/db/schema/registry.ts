import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { BaseCountries } from "../../../contracts/registry";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * The registry of recognized bases: created by recognition (Art. 14.3) or imported from the existing registry
 * (bases recognized under the 2016/2022 measures, MOST international bases in Hubei, Art. 21). `status` follows
 * policy/lifecycles/base.transitions.ts.
 */
export const bases = pgTable(
  "bases",
  {
    id: text("id").primaryKey(),
    standardName: text("standard_name").notNull(),
    unitId: text("unit_id").notNull(),
    recommenderId: text("recommender_id"),
    applicationId: text("application_id"),
    type: text("type").notNull(),
    field: text("field").notNull(),
    isKey: boolean("is_key").notNull().default(false),
    isOffshore: boolean("is_offshore").notNull().default(false),
    offshoreCountry: text("offshore_country"),
    region: text("region"),
    college: text("college"),
    directorPersonId: text("director_person_id"),
    directorName: text("director_name").notNull().default(""),
    /** {key: string[], main: string[], radiating: string[]} ISO codes (Art. 13). */
    countries: jsonb("countries").$type<BaseCountries>().notNull().default({ key: [], main: [], radiating: [] }),
    recognizedOn: text("recognized_on").notNull(),
    documentNumber: text("document_number").notNull(),
    /** "provincial-2016" | "provincial-2022" | "provincial-2025" | "most-international" */
    origin: text("origin").notNull(),
    edition: text("edition").notNull(),
    status: text("status").notNull(),
    statusChangedOn: text("status_changed_on"),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("bases_unit_idx").on(t.unitId),
    // Art. 12.3: the director's other bases, read by every eligibility check (a scan of every base without it).
    index("bases_director_idx").on(t.directorPersonId),
    index("bases_status_idx").on(t.status),
    uniqueIndex("bases_name_unit_key").on(t.standardName, t.unitId),
    // The registry's default order (newest recognition first), and its search by name (issue 16).
    index("bases_list_idx").on(t.recognizedOn.desc().nullsFirst(), t.standardName, t.id),
    index("bases_name_trgm_idx").using("gin", sql`${t.standardName} gin_trgm_ops`),
  ],
);

/** 不良信用 / 科研诚信 records of units and people (Art. 7.1, 12.1: none in the last 3 years). */
export const creditRecords = pgTable(
  "credit_records",
  {
    id: text("id").primaryKey(),
    subjectKind: text("subject_kind", { enum: ["unit", "person"] }).notNull(),
    unitId: text("unit_id"),
    personId: text("person_id"),
    kind: text("kind").notNull(),
    recordedOn: text("recorded_on").notNull(),
    source: text("source").notNull().default(""),
    note: text("note"),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("credit_records_unit_idx").on(t.unitId), index("credit_records_person_idx").on(t.personId)],
);

/** National-level platforms a unit holds (Art. 7.6, 21): 一带一路 joint laboratories, MOST international bases. */
export const nationalPlatforms = pgTable(
  "national_platforms",
  {
    id: text("id").primaryKey(),
    unitId: text("unit_id").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    approvedOn: text("approved_on"),
    documentNumber: text("document_number"),
    /** Art. 21: the provincial base that upgraded to this platform and exited on `approvedOn`. */
    baseId: text("base_id"),
    /** Art. 24: the day MOST revoked the national status; the unit may then apply provincially. */
    revokedOn: text("revoked_on"),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("national_platforms_unit_idx").on(t.unitId)],
);

/** Revocations (Art. 20, 24) with their date: the unit is barred for 3 years. */
export const revocations = pgTable(
  "revocations",
  {
    id: text("id").primaryKey(),
    unitId: text("unit_id").notNull(),
    baseId: text("base_id"),
    baseName: text("base_name").notNull(),
    ground: text("ground").notNull(),
    revokedOn: text("revoked_on").notNull(),
    documentNumber: text("document_number"),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("revocations_unit_idx").on(t.unitId)],
);
