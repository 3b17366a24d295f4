import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import * as schema from "./schema";
import { parseStored, type Stored, type StoredColumn, StoredJsonMismatch, storedJsonSchemas } from "./stored-json";

const tables: PgTable[] = Object.values(schema).flatMap((value) => (is(value, PgTable) ? [value] : []));

/** Every jsonb column of the drizzle schema, by SQL name, with its table and primary key. */
const jsonColumns = tables.flatMap((table) => {
  const config = getTableConfig(table);
  const key = config.columns.find((column) => column.primary);
  return config.columns
    .filter((column) => column.columnType === "PgJsonb")
    .map((column) => ({ name: `${config.name}.${column.name}`, table, column, key }));
});

const isStoredColumn = (name: string): name is StoredColumn => Object.hasOwn(storedJsonSchemas, name);

/** Both ways assignable: the column's declared type and its schema's output are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Select<T extends PgTable> = T["$inferSelect"];

describe("stored JSON", () => {
  it("names a schema for every jsonb column, and no column that is not one", () => {
    expect(jsonColumns.map((column) => column.name).sort()).toEqual(Object.keys(storedJsonSchemas).sort());
  });

  it("types each column (db/schema `$type`) as its schema's output", () => {
    expectTypeOf<Same<Stored<"audit_log.changes">, Select<typeof schema.auditLog>["changes"]>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Stored<"outbox.payload">, Select<typeof schema.outbox>["payload"]>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"holiday_years.holidays">, Select<typeof schema.holidayYears>["holidays"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"holiday_years.workdays">, Select<typeof schema.holidayYears>["workdays"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"calls.focus_fields">, Select<typeof schema.calls>["focusFields"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Stored<"calls.rubric">, Select<typeof schema.calls>["rubric"]>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Stored<"calls.materials">, Select<typeof schema.calls>["materials"]>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Stored<"calls.quotas">, Select<typeof schema.calls>["quotas"]>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"calls.invited_unit_ids">, Select<typeof schema.calls>["invitedUnitIds"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Stored<"calls.settings">, Select<typeof schema.calls>["settings"]>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Stored<"applications.form">, Select<typeof schema.applications>["form"]>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"applications.eligibility">, Select<typeof schema.applications>["eligibility"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"application_events.data">, Select<typeof schema.applicationEvents>["data"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<
        Stored<"recommendation_letters.application_ids">,
        Select<typeof schema.recommendationLetters>["applicationIds"]
      >
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Stored<"experts.fields">, Select<typeof schema.experts>["fields"]>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"review_rounds.rubric">, Select<typeof schema.reviewRounds>["rubric"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"review_rounds.settings">, Select<typeof schema.reviewRounds>["settings"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Stored<"draws.record">, Select<typeof schema.draws>["record"]>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"review_assignments.declaration">, Select<typeof schema.reviewAssignments>["declaration"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"review_assignments.scores">, Select<typeof schema.reviewAssignments>["scores"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"review_assignments.comments">, Select<typeof schema.reviewAssignments>["comments"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Stored<"bases.countries">, Select<typeof schema.bases>["countries"]>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"on_site_verifications.team">, Select<typeof schema.onSiteVerifications>["team"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"on_site_verifications.file_ids">, Select<typeof schema.onSiteVerifications>["fileIds"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"approvals.application_ids">, Select<typeof schema.approvals>["applicationIds"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Stored<"public_notices.application_ids">, Select<typeof schema.publicNotices>["applicationIds"]>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<
        Stored<"recognition_documents.application_ids">,
        Select<typeof schema.recognitionDocuments>["applicationIds"]
      >
    >().toEqualTypeOf<true>();
  });

  it("refuses a value that does not match, naming the column and the row", () => {
    expect(() => parseStored("calls.quotas", { r1: "three" }, "call-1")).toThrowError(StoredJsonMismatch);
    expect(() => parseStored("calls.quotas", { r1: "three" }, "call-1")).toThrowError(
      /^calls\.quotas of row call-1 does not match its schema: r1: /,
    );
    expect(parseStored("calls.quotas", { r1: 3 }, "call-1")).toEqual({ r1: 3 });
  });
});

describe.each(databaseKinds())("the demo's stored JSON on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  // Every writer (commands, demo, imports) stores what its column's schema reads back.
  it.each(jsonColumns.map((column) => [column.name, column] as const))(
    "%s matches its schema",
    async (name, column) => {
      if (!isStoredColumn(name) || !column.key) throw new Error(`${name}: no schema or no primary key`);
      const rows = await t.database.db.select({ key: column.key, value: column.column }).from(column.table);
      const mismatches = rows.flatMap((row) => {
        try {
          parseStored(name, row.value, String(row.key));
          return [];
        } catch (error) {
          return [String(error)];
        }
      });
      expect(mismatches).toEqual([]);
    },
  );
});
