import { and, eq, inArray, ne } from "drizzle-orm";
import {
  type ChangedBaseFacts,
  type CountryLevels,
  decideMajorChangeEffects,
  directorIdentity,
  type MajorChangeEffects,
  type MajorChangeFacts,
  type MajorChangeValues,
} from "../../policy/changes/change-effects";
import { applicationSchema, type RegistryFacts } from "../../policy/eligibility/input";
import type { MajorChangeKind } from "../../policy/lifecycles/change-report.transitions";
import type { BaseType } from "../../policy/reference/base-types";
import type { Region } from "../../policy/reference/regions";
import { type Title, titleCodes } from "../../policy/reference/titles";
import type { UnitType } from "../../policy/reference/unit-types";
import type { Executor, Tx } from "../db/client";
import { applications, type bases, bases as basesTable, creditRecords, people, units } from "../db/schema";

type BaseRow = typeof bases.$inferSelect;

/** Bases that still count as recognized (Art. 12.3), as the eligibility facts count them. */
const liveBaseStates = ["active", "rectifying", "revocation-proposed"];

const countriesOf = (value: BaseRow["countries"] | undefined): CountryLevels => ({
  key: value?.key ?? [],
  main: value?.main ?? [],
  radiating: value?.radiating ?? [],
});

/** The base as the registry holds it; with `previous` (a filed report), as it was before the filing. */
function baseFacts(base: BaseRow, previous: MajorChangeValues | null | undefined): ChangedBaseFacts {
  const facts: ChangedBaseFacts = {
    type: base.type as BaseType,
    field: base.field,
    isKey: base.isKey,
    region: (base.region as Region | null) ?? null,
    standardName: base.standardName,
    directorName: base.directorName,
    directorPersonId: base.directorPersonId,
    countries: countriesOf(base.countries),
  };
  if (!previous) return facts;
  return {
    ...facts,
    ...(previous.field === undefined ? {} : { field: previous.field }),
    ...(previous.standardName === undefined ? {} : { standardName: previous.standardName }),
    ...(previous.directorName === undefined ? {} : { directorName: previous.directorName }),
    ...(previous.directorPersonId === undefined ? {} : { directorPersonId: previous.directorPersonId ?? null }),
    ...(previous.countries === undefined ? {} : { countries: countriesOf(previous.countries) }),
  };
}

/** Art. 12.1, 12.3: the other live bases with their directors, and the new director's credit records. */
async function directorRegistry(
  executor: Executor | Tx,
  baseId: string,
  personId: string | null,
): Promise<RegistryFacts> {
  const others = await executor
    .select({
      name: basesTable.standardName,
      uscc: units.uscc,
      directorPersonId: basesTable.directorPersonId,
      directorName: basesTable.directorName,
    })
    .from(basesTable)
    .innerJoin(units, eq(units.id, basesTable.unitId))
    .where(and(inArray(basesTable.status, liveBaseStates), ne(basesTable.id, baseId)));
  const credits = personId
    ? await executor
        .select()
        .from(creditRecords)
        .where(and(eq(creditRecords.subjectKind, "person"), eq(creditRecords.personId, personId)))
    : [];
  return {
    activeBases: others.flatMap((other) => {
      const directorId = directorIdentity(other.directorPersonId, other.directorName);
      return [{ name: other.name, unitUscc: other.uscc, ...(directorId ? { directorId } : {}) }];
    }),
    creditRecords: credits
      .filter((row) => row.kind === "bad-credit" || row.kind === "research-misconduct")
      .map((row) => ({
        subject: "director" as const,
        id: row.personId ?? "",
        date: row.recordedOn,
        kind: row.kind as "bad-credit" | "research-misconduct",
      })),
  };
}

/** The base's partners as its application gave them (Art. 7.2, 13); undefined when unknown or unreadable. */
async function basePartners(executor: Executor | Tx, applicationId: string | null) {
  if (!applicationId) return undefined;
  const [row] = await executor
    .select({ form: applications.form })
    .from(applications)
    .where(eq(applications.id, applicationId));
  const parsed = applicationSchema.shape.partners.safeParse(row?.form.application?.partners);
  return parsed.success ? parsed.data : undefined;
}

export interface ChangeSubject {
  report: {
    kind: MajorChangeKind;
    changedOn: string;
    proposed: MajorChangeValues;
    previous?: MajorChangeValues | null;
  };
  base: BaseRow;
}

/** Loads what a change's effects are decided from (policy/changes/change-effects.ts), once. */
export async function loadChangeFacts(executor: Executor | Tx, subject: ChangeSubject): Promise<MajorChangeFacts> {
  const { report, base } = subject;
  const [unit] = await executor.select().from(units).where(eq(units.id, base.unitId));
  const facts: MajorChangeFacts = {
    kind: report.kind,
    changedOn: report.changedOn,
    base: baseFacts(base, report.previous),
    proposed: report.proposed,
    unit: {
      name: unit?.name ?? "",
      uscc: unit?.uscc ?? "",
      type: (unit?.type ?? "enterprise") as UnitType,
      registeredDivision: unit?.divisionCode ?? "",
    },
    registry: {},
  };
  if (report.kind === "director") {
    const personId = report.proposed.directorPersonId?.trim() || null;
    const [person] = personId
      ? await executor.select({ title: people.title }).from(people).where(eq(people.id, personId))
      : [];
    const title = (titleCodes as readonly string[]).includes(person?.title ?? "") ? (person!.title as Title) : null;
    return {
      ...facts,
      ...(title ? { directorTitle: title } : {}),
      registry: await directorRegistry(executor, base.id, personId),
    };
  }
  if (report.kind === "key-or-main-countries") {
    const partners = await basePartners(executor, base.applicationId);
    return { ...facts, ...(partners ? { partners } : {}) };
  }
  return facts;
}

/** Loads and decides in one call: what filing the report would do on the registry as it is now. */
export async function decideLoadedChange(executor: Executor | Tx, subject: ChangeSubject): Promise<MajorChangeEffects> {
  return decideMajorChangeEffects(await loadChangeFacts(executor, subject));
}
