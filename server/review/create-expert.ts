import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { expertInput } from "../../contracts/review";
import { type Actor, type CommandContext, type CommandDeps, execute } from "../commands/command";
import { experts, people } from "../db/schema";
import { apiError } from "../http/errors";

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
      throw apiError(409, "expert-exists", "该人员已在专家库中。", "This person is already in the expert pool.", [
        { path: "idNumber", messageZh: "该证件号码已在专家库中", messageEn: "Already in the pool" },
      ]);
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

const redact = (input: ExpertInput) => ({
  ...input,
  phone: input.phone ? "***" : null,
  idNumber: input.idNumber ? "***" : null,
});

/** 专家库: an officer adds an expert. */
export async function createExpert(deps: CommandDeps, actor: Actor, input: ExpertInput): Promise<string> {
  return execute(deps, actor, "expert.create", { type: "expert" }, async (context) => {
    const id = await insertExpert(context, input);
    await context.audit({ targetId: id, changes: redact(input) });
    return id;
  });
}
