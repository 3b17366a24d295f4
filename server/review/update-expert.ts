import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { expertUpdate } from "../../contracts/review";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { experts, people } from "../db/schema";
import { parseExpertRow } from "../db/stored-json";
import { refused } from "../domain/refused";
import { checkExpertReferences } from "./create-expert";

export type ExpertUpdate = z.output<typeof expertUpdate>;

const definedOnly = <T extends Record<string, unknown>>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * An officer edits an expert (optimistic locking on `version`: a stale one is 409 stale-version). The expert's
 * own row holds the pool's facts (fields, title, unit, division, status, note); name, contact and ID number live
 * on the person and are encrypted there. A unit given by name alone clears the registered unit.
 */
export async function updateExpert(
  deps: CommandDeps,
  actor: Actor,
  expertId: string,
  input: ExpertUpdate,
): Promise<void> {
  await execute(deps, actor, "expert.update", { type: "expert", id: expertId }, async (context) => {
    const { tx, pii } = context;
    const [locked] = await tx.select().from(experts).where(eq(experts.id, expertId)).for("update");
    if (!locked) throw refused.notFound("Expert", "专家");
    const expert = parseExpertRow(locked);
    if (expert.version !== input.version) throw refused.staleVersion();
    const { version, name, phone, email, idNumber, ...changes } = input;

    const registered = await checkExpertReferences(tx, changes, expert.fields);
    const unitId = changes.unitId !== undefined ? changes.unitId : changes.unitName !== undefined ? null : undefined;
    const set = definedOnly({ ...changes, unitId, unitName: registered.unitName ?? changes.unitName });

    const person: Partial<typeof people.$inferInsert> = definedOnly({
      name,
      title: changes.title,
      employerName: set.unitName,
      email,
    });
    if (phone !== undefined) {
      person.phone = phone === null ? null : pii.encrypt(phone);
      person.phoneIndex = phone === null ? null : pii.blindIndex(phone);
    }
    if (idNumber !== undefined) {
      const index = pii.blindIndex(idNumber);
      const [other] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.idNumberIndex, index), ne(people.id, expert.personId)));
      if (other) {
        throw refused.conflict({
          code: "id-number-taken",
          messageZh: "该证件号码已属于另一人员。",
          messageEn: "This ID number belongs to another person.",
          errors: [{ path: "idNumber", messageZh: "该证件号码已属于另一人员", messageEn: "Belongs to another person" }],
        });
      }
      person.idNumber = pii.encrypt(idNumber);
      person.idNumberIndex = index;
    }
    if (Object.keys(person).length) {
      await tx
        .update(people)
        .set({ ...person, version: sql`${people.version} + 1` })
        .where(eq(people.id, expert.personId));
    }
    await tx
      .update(experts)
      .set({ ...set, version: version + 1 })
      .where(eq(experts.id, expertId));

    const before = Object.fromEntries(Object.keys(set).map((key) => [key, expert[key as keyof typeof expert]]));
    const personal = definedOnly({
      name,
      email,
      phone: phone === undefined ? undefined : phone === null ? null : "***",
      idNumber: idNumber === undefined ? undefined : "***",
    });
    await context.audit({ changes: { before, after: { ...set, ...personal } } });
  });
}
