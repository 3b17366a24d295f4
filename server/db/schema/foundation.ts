import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { AuditChanges } from "../../../contracts/audit";
import type { OutboxMessage } from "../../../contracts/outbox";
import type { IsoDate } from "../../../policy/calendar/dates";
import { holidaySourceKinds } from "../../../policy/calendar/holiday-sources";
import { bytea } from "./columns";

const id = () => text("id").primaryKey();
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** 推荐部门 as a tree: 17 divisions, direct units (Art. 17), and sub-recommenders (districts, development zones). */
export const recommenders = pgTable(
  "recommenders",
  {
    id: id(),
    code: text("code").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    kind: text("kind", { enum: ["division", "direct", "sub"] }).notNull(),
    divisionCode: text("division_code"),
    parentId: text("parent_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("recommenders_code_key").on(t.code), index("recommenders_parent_idx").on(t.parentId)],
);

/** 依托单位. The registered address division (not the USCC digits) decides Art. 7.1. */
export const units = pgTable(
  "units",
  {
    id: id(),
    name: text("name").notNull(),
    uscc: text("uscc").notNull(),
    /** "valid" | "checksum-mismatch" (an officer must confirm, never silently accepted) */
    usccCheck: text("uscc_check", { enum: ["valid", "checksum-mismatch"] }).notNull(),
    usccConfirmedBy: text("uscc_confirmed_by"),
    type: text("type").notNull(),
    divisionCode: text("division_code").notNull(),
    address: text("address").notNull().default(""),
    parentUnitId: text("parent_unit_id"),
    college: text("college"),
    directRecommending: boolean("direct_recommending").notNull().default(false),
    recommenderId: text("recommender_id").notNull(),
    status: text("status", { enum: ["pending", "confirmed", "rejected"] }).notNull(),
    statusReason: text("status_reason"),
    legalRepresentative: text("legal_representative").notNull().default(""),
    contactName: text("contact_name").notNull().default(""),
    contactPhone: bytea("contact_phone"),
    authorisationFileId: text("authorisation_file_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("units_uscc_key").on(t.uscc),
    index("units_recommender_idx").on(t.recommenderId),
    index("units_status_idx").on(t.status),
    // Lists and the public registry search host units by name (issue 16).
    index("units_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

/** People: directors, team members, experts, contacts. ID and phone numbers encrypted, found by blind index. */
export const people = pgTable(
  "people",
  {
    id: id(),
    name: text("name").notNull(),
    title: text("title").notNull(),
    unitId: text("unit_id"),
    employerName: text("employer_name").notNull().default(""),
    email: text("email"),
    phone: bytea("phone"),
    phoneIndex: text("phone_index"),
    idNumber: bytea("id_number"),
    idNumberIndex: text("id_number_index"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("people_unit_idx").on(t.unitId),
    index("people_id_number_idx").on(t.idNumberIndex),
    index("people_phone_idx").on(t.phoneIndex),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    personId: text("person_id"),
    unitId: text("unit_id"),
    recommenderId: text("recommender_id"),
    isUnitAdmin: boolean("is_unit_admin").notNull().default(false),
    mustChangePassword: boolean("must_change_password").notNull().default(true),
    /** A password reset's one-time password: `issued` until it signs in once, `used` after; null once changed. */
    oneTimePassword: text("one_time_password", { enum: ["issued", "used"] }),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: at("locked_until"),
    disabled: boolean("disabled").notNull().default(false),
    isDemo: boolean("is_demo").notNull().default(false),
    /** A service account (policy/access/service-accounts.ts): an outside system's, signing in with API tokens only. */
    isService: boolean("is_service").notNull().default(false),
    lastLoginAt: at("last_login_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("accounts_username_key").on(t.username), index("accounts_unit_idx").on(t.unitId)],
);

/**
 * A role takes effect only once the security administrator approves it (三员). A row with `revokes` set is a
 * request to revoke that approved grant: the same two steps (system administrator requests, security administrator
 * decides); once approved, both rows read `revoked`. Only a grant row ever reads `approved`.
 */
export const roleGrants = pgTable(
  "role_grants",
  {
    id: id(),
    accountId: text("account_id").notNull(),
    role: text("role").notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected", "revoked"] }).notNull(),
    requestedBy: text("requested_by"),
    requestedAt: createdAt(),
    decidedBy: text("decided_by"),
    decidedAt: at("decided_at"),
    reason: text("reason"),
    /** The approved grant this row asks to revoke; null on a grant request. */
    revokes: text("revokes_grant_id"),
  },
  (t) => [
    index("role_grants_account_idx").on(t.accountId),
    index("role_grants_status_idx").on(t.status),
    // One open revocation request per grant.
    uniqueIndex("role_grants_pending_revocation_key")
      .on(t.revokes)
      .where(sql`${t.status} = 'pending' and ${t.revokes} is not null`),
  ],
);

/**
 * Failed sign-ins for usernames that have no usable account (unknown or disabled), keyed by the SM3 of the
 * username: they lock exactly as a real account does, so a 423 does not tell an attacker which usernames exist.
 */
export const loginThrottle = pgTable("login_throttle", {
  usernameKey: text("username_key").primaryKey(),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  lockedUntil: at("locked_until"),
  lastFailedAt: at("last_failed_at").notNull(),
});

/**
 * Request counts per rate-limit key (route and caller's address) and fixed window, shared by every app node
 * (server/http/rate-limit-store.ts). UNLOGGED (migration 0025): counters need no crash safety, and no WAL.
 */
export const rateLimitWindows = pgTable("rate_limit_windows", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  windowEnds: at("window_ends").notNull(),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SM3 of the cookie token: a stolen table does not yield live sessions. */
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    createdAt: createdAt(),
    lastSeenAt: at("last_seen_at").notNull(),
  },
  (t) => [index("sessions_account_idx").on(t.accountId)],
);

/**
 * HMAC-SM3 chained (server/audit) and append-only: triggers refuse UPDATE, DELETE and TRUNCATE but the retention
 * purge's door (migration 0011, docs/adr/0007-audit-trail.md).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: at("at").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    changes: jsonb("changes").$type<AuditChanges>(),
    ip: text("ip"),
    outcome: text("outcome", { enum: ["success", "refused", "failed"] }).notNull(),
    reason: text("reason"),
    requestId: text("request_id"),
    prevMac: text("prev_mac").notNull(),
    mac: text("mac").notNull(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
  ],
);

/**
 * One row: the chain head, locked FOR UPDATE by every append so entries chain in commit order. It only moves forward
 * onto the entry just appended (trigger, migration 0011); a signed checkpoint outside the database anchors it.
 */
export const auditHead = pgTable("audit_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  mac: text("mac").notNull(),
});

/** Written in the business transaction, dispatched after commit (server/outbox). */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<OutboxMessage>().notNull(),
    createdAt: createdAt(),
    dispatchedAt: at("dispatched_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_pending_idx").on(t.createdAt).where(sql`dispatched_at is null`)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    accountId: text("account_id").notNull(),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en").notNull(),
    bodyZh: text("body_zh").notNull().default(""),
    bodyEn: text("body_en").notNull().default(""),
    link: text("link"),
    createdAt: createdAt(),
    readAt: at("read_at"),
  },
  (t) => [index("notifications_account_idx").on(t.accountId, t.createdAt)],
);

export const files = pgTable("files", {
  id: id(),
  sha256: text("sha256").notNull(),
  name: text("name").notNull(),
  mediaType: text("media_type").notNull(),
  size: integer("size").notNull(),
  storageKey: text("storage_key").notNull(),
  uploadedBy: text("uploaded_by"),
  createdAt: createdAt(),
});

/** 领域: officer-editable, seeded with the 2025 call's list. */
export const fields = pgTable(
  "fields",
  {
    id: id(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("fields_name_zh_key").on(t.nameZh)],
);

/** 一带一路 co-building flag, dated: a country is flagged from `since` until `until` (exclusive) or open-ended. */
export const beltAndRoad = pgTable(
  "belt_and_road",
  {
    id: id(),
    country: text("country").notNull(),
    since: text("since").notNull(),
    until: text("until"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("belt_and_road_country_idx").on(t.country)],
);

/**
 * Officer-entered public-holiday years beyond what the calendar package covers (or correcting a packaged one), each
 * with its source: the State Council notice's 文号 (required unless the kind is `demo` — checked in policy/, the
 * column stays nullable for rows entered before sources were recorded). Read through server/decision/holiday-years.ts.
 */
export const holidayYears = pgTable("holiday_years", {
  year: integer("year").primaryKey(),
  holidays: jsonb("holidays").$type<IsoDate[]>().notNull(),
  /** Adjusted working days (调休上班). */
  workdays: jsonb("workdays").$type<IsoDate[]>().notNull(),
  sourceKind: text("source_kind", { enum: holidaySourceKinds }).notNull().default("state-council"),
  documentNumber: text("document_number"),
  note: text("note"),
  createdBy: text("created_by"),
  updatedBy: text("updated_by"),
  createdAt: createdAt(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const schemaVersion = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
