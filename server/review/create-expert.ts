import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { FieldError } from "../../contracts/errors";
import type { expertInput } from "../../contracts/review";
import { type Actor, type CommandContext, type CommandDeps, execute } from "../commands/command";
import type { Executor } from "../db/client";
import { experts, fields as fieldTable, people, units } from "../db/schema";
import { refused } from "../domain/refused";
import { badRequest } from "../http/validation";

export type ExpertInput = z.output<typeof expertInput>;

/**
 * Adds one expert in the caller's transaction: the person is found by ID number (blind index) or created, with
 * phone and ID number encrypted; one person is at most one expert. Shared by the form and the Excel import.
 */
export async function insertExpert(context: CommandContext, input: ExpertInput): Promise<string> {
  const { tx, pii, clock } = context;
  let personId: string | null = null;
  if (input.idNumber) {
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(eq(people.idNumberIndex, pii.blindIndex(input.idNumber)));
    personId = person?.id ?? null;
  }
  if (personId) {
    const [existing] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.personId, personId));
    if (existing) {
      throw refused.conflict({
        code: "expert-exists",
        messageZh: "该人员已在专家库中。",
        messageEn: "This person is already in the expert pool.",
        errors: [{ path: "idNumber", messageZh: "该证件号码已在专家库中", messageEn: "Already in the pool" }],
      });
    }
  } else {
    personId = randomUUID();
    await tx.insert(people).values({
      id: personId,
      name: input.name,
      title: input.title,
      // Not attached to the unit's people: a host unit's staff must not learn who sits in the expert pool.
      // experts.unit_id keeps the unit for the same-unit rule.
      unitId: null,
      employerName: input.unitName,
      email: input.email,
      phone: input.phone ? pii.encrypt(input.phone) : null,
      phoneIndex: input.phone ? pii.blindIndex(input.phone) : null,
      idNumber: input.idNumber ? pii.encrypt(input.idNumber) : null,
      idNumberIndex: input.idNumber ? pii.blindIndex(input.idNumber) : null,
      createdAt: clock.now(),
    });
  }
  const id = randomUUID();
  await tx.insert(experts).values({
    id,
    personId,
    fields: input.fields,
    title: input.title,
    unitId: input.unitId,
    unitName: input.unitName,
    divisionCode: input.divisionCode,
    status: input.status,
    note: input.note,
    createdAt: clock.now(),
  });
  return id;
}

/**
 * Checks what zod cannot: every field is in the live list of 领域 (`kept` ones, already on the expert, may have
 * been retired since), and a `unitId` names a registered unit. Returns that unit's name, which then stands for
 * `unitName` so the pool and the unit registry spell it the same way. Field errors carry their path.
 */
export async function checkExpertReferences(
  executor: Executor,
  input: { fields?: string[] | undefined; unitId?: string | null | undefined },
  kept: readonly string[] = [],
): Promise<{ unitName: string | null }> {
  const problems: FieldError[] = [];
  const asked = (input.fields ?? []).filter((name) => !kept.includes(name));
  if (asked.length) {
    const known = new Set(
      (
        await executor
          .select({ name: fieldTable.nameZh })
          .from(fieldTable)
          .where(and(eq(fieldTable.active, true), inArray(fieldTable.nameZh, asked)))
      ).map((row) => row.name),
    );
    for (const name of asked.filter((n) => !known.has(n))) {
      problems.push({
        path: "fields",
        messageZh: `领域“${name}”不在领域目录中`,
        messageEn: `Field "${name}" is not in the list of fields`,
      });
    }
  }
  let unitName: string | null = null;
  if (input.unitId) {
    const [unit] = await executor.select({ name: units.name }).from(units).where(eq(units.id, input.unitId));
    if (unit) unitName = unit.name;
    else problems.push({ path: "unitId", messageZh: "所选单位不存在", messageEn: "No such registered unit" });
  }
  if (problems.length) throw badRequest(problems);
  return { unitName };
}

const redact = (input: ExpertInput) => ({
  ...input,
  phone: input.phone ? "***" : null,
  idNumber: input.idNumber ? "***" : null,
});

/** 专家库: an officer adds an expert (fields from the live list; a registered unit by id, or a unit's name). */
export async function createExpert(deps: CommandDeps, actor: Actor, given: ExpertInput): Promise<string> {
  return execute(deps, actor, "expert.create", { type: "expert" }, async (context) => {
    const { unitName } = await checkExpertReferences(context.tx, given);
    const input = { ...given, unitName: unitName ?? given.unitName };
    const id = await insertExpert(context, input);
    await context.audit({ targetId: id, changes: redact(input) });
    return id;
  });
}
