import { randomUUID } from "node:crypto";
import { type AnyColumn, and, desc, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { creditRecordInput, nationalPlatformInput, revocationInput } from "../../contracts/registry";
import type { Ability } from "../../policy/access/abilities";
import { banEnd } from "../../policy/calendar/deadlines";
import type { Caller } from "../access/caller";
import { authorize, covers, resolveScope, unitRows } from "../access/scope";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import type { Executor } from "../db/client";
import { bases, creditRecords, nationalPlatforms, people, revocations, units } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { refused } from "../domain/refused";

/**
 * The registry's facts (5a): credit and research-integrity records, national platforms, revocations and the bases
 * themselves. Officers record them; recommenders read those of their jurisdiction; the eligibility rules read them.
 */

async function manageable(executor: Executor, caller: Caller): Promise<Ability[]> {
  return (await resolveScope(executor, caller, "registry-fact.manage")) ? ["registry-fact.manage"] : [];
}

export async function listRegistryFacts(executor: Executor, caller: Caller, filter: { unitId?: string | undefined }) {
  const scope = await authorize(executor, caller, "registry-fact.read");
  const abilities: Ability[] = ["registry-fact.read", ...(await manageable(executor, caller))];
  const byUnit = (column: AnyColumn): SQL[] => [
    unitRows(scope, column),
    ...(filter.unitId ? [eq(column, filter.unitId)] : []),
  ];
  const credit = await executor
    .select({ record: creditRecords, unitName: units.name, personName: people.name })
    .from(creditRecords)
    .leftJoin(units, eq(units.id, creditRecords.unitId))
    .leftJoin(people, eq(people.id, creditRecords.personId))
    .where(and(...byUnit(creditRecords.unitId)))
    .orderBy(desc(creditRecords.recordedOn));
  const platforms = await executor
    .select({ platform: nationalPlatforms, unitName: units.name })
    .from(nationalPlatforms)
    .innerJoin(units, eq(units.id, nationalPlatforms.unitId))
    .where(and(...byUnit(nationalPlatforms.unitId)))
    .orderBy(desc(nationalPlatforms.createdAt));
  const revoked = await executor
    .select({ revocation: revocations, unitName: units.name })
    .from(revocations)
    .innerJoin(units, eq(units.id, revocations.unitId))
    .where(and(...byUnit(revocations.unitId)))
    .orderBy(desc(revocations.revokedOn));
  const registry = await executor
    .select({ base: bases, unitName: units.name })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(and(...byUnit(bases.unitId)))
    .orderBy(desc(bases.recognizedOn), bases.standardName);
  return {
    creditRecords: credit.map(({ record, unitName, personName }) => ({
      id: record.id,
      subjectKind: record.subjectKind,
      unitId: record.unitId,
      personId: record.personId,
      subjectName: (record.subjectKind === "person" ? personName : unitName) ?? "",
      kind: record.kind,
      recordedOn: record.recordedOn,
      source: record.source,
      note: record.note,
      createdAt: record.createdAt.toISOString(),
      abilities,
    })),
    nationalPlatforms: platforms.map(({ platform, unitName }) => ({
      ...platform,
      unitName,
      createdBy: undefined,
      createdAt: platform.createdAt.toISOString(),
      abilities,
    })),
    revocations: revoked.map(({ revocation, unitName }) => ({
      ...revocation,
      unitName,
      createdBy: undefined,
      banEndsOn: banEnd(revocation.revokedOn),
      createdAt: revocation.createdAt.toISOString(),
      abilities,
    })),
    bases: registry.map(({ base, unitName }) => ({
      id: base.id,
      standardName: base.standardName,
      unitId: base.unitId,
      unitName,
      type: base.type,
      field: base.field,
      directorName: base.directorName,
      countries: parseStored("bases.countries", base.countries, base.id),
      recognizedOn: base.recognizedOn,
      documentNumber: base.documentNumber,
      origin: base.origin,
      status: base.status,
    })),
  };
}

async function unitOf(executor: Executor, unitId: string) {
  const [unit] = await executor.select().from(units).where(eq(units.id, unitId));
  if (!unit) {
    throw refused.invalidInput("invalid-input", "单位不存在。", "No such unit.", [
      { path: "unitId", messageZh: "单位不存在", messageEn: "No such unit" },
    ]);
  }
  return unit;
}

export async function recordCreditRecord(deps: CommandDeps, actor: Actor, input: z.infer<typeof creditRecordInput>) {
  const id = randomUUID();
  return execute(deps, actor, "registry.credit-record.create", { type: "credit-record", id }, async (context) => {
    let unitId = input.unitId;
    if (input.subjectKind === "person") {
      const [person] = await context.tx.select().from(people).where(eq(people.id, input.personId!));
      if (!person) {
        throw refused.invalidInput("invalid-input", "人员不存在。", "No such person.", [
          { path: "personId", messageZh: "人员不存在", messageEn: "No such person" },
        ]);
      }
      unitId = person.unitId; // so the recommender of the person's unit sees it
    } else {
      await unitOf(context.tx, input.unitId!);
    }
    await context.tx.insert(creditRecords).values({
      id,
      subjectKind: input.subjectKind,
      unitId,
      personId: input.subjectKind === "person" ? input.personId : null,
      kind: input.kind,
      recordedOn: input.recordedOn,
      source: input.source,
      note: input.note,
      createdBy: actor.accountId,
      createdAt: context.clock.now(),
    });
    await context.audit({ changes: { ...input, note: input.note ? "…" : null } });
    return id;
  });
}

export async function recordNationalPlatform(
  deps: CommandDeps,
  actor: Actor,
  input: z.infer<typeof nationalPlatformInput>,
) {
  const id = randomUUID();
  return execute(
    deps,
    actor,
    "registry.national-platform.create",
    { type: "national-platform", id },
    async (context) => {
      await unitOf(context.tx, input.unitId);
      await context.tx
        .insert(nationalPlatforms)
        .values({ id, ...input, createdBy: actor.accountId, createdAt: context.clock.now() });
      await context.audit({ changes: input });
      return id;
    },
  );
}

export async function recordRevocation(deps: CommandDeps, actor: Actor, input: z.infer<typeof revocationInput>) {
  const id = randomUUID();
  return execute(deps, actor, "registry.revocation.create", { type: "revocation", id }, async (context) => {
    await unitOf(context.tx, input.unitId);
    await context.tx
      .insert(revocations)
      .values({ id, ...input, createdBy: actor.accountId, createdAt: context.clock.now() });
    await context.audit({ changes: input });
    return id;
  });
}

const tables = { "credit-records": creditRecords, "national-platforms": nationalPlatforms, revocations } as const;
export type FactKind = keyof typeof tables;

/** Removes a fact recorded in error (audited with its content). */
export async function deleteRegistryFact(deps: CommandDeps, actor: Actor, caller: Caller, kind: FactKind, id: string) {
  await execute(deps, actor, `registry.${kind}.delete`, { type: kind, id }, async (context) => {
    const scope = await authorize(context.tx, caller, "registry-fact.manage");
    const table = tables[kind];
    const [row] = await context.tx.select().from(table).where(eq(table.id, id));
    if (!row || !covers(scope, { unitId: row.unitId, recommenderId: null })) throw refused.notFound("Record", "记录");
    await context.tx.delete(table).where(eq(table.id, id));
    await context.audit({ changes: { deleted: row } });
  });
}
