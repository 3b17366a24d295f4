import { randomUUID } from "node:crypto";
import { hubeiDivisions } from "../../policy/reference/divisions";
import { fields2025 } from "../../policy/reference/fields-2025";
import { seedAssistantFaq } from "../assistant/faq-commands";
import { type CommandDeps, execute, systemActor } from "../commands/command";
import { fields, recommenders } from "../db/schema";

/**
 * Reference data every installation needs: the 17 division recommenders (Art. 17), the 2025 fields and the policy
 * assistant's first FAQ entries. Idempotent: existing rows (perhaps edited by officers) are left alone.
 */
export async function seedReferenceData(deps: CommandDeps): Promise<void> {
  await seedAssistantFaq(deps);
  const existing = await deps.database.db.select({ code: recommenders.code }).from(recommenders);
  const existingFields = await deps.database.db.select({ nameZh: fields.nameZh }).from(fields);
  const haveRecommenders = new Set(existing.map((row) => row.code));
  const haveFields = new Set(existingFields.map((row) => row.nameZh));
  const missingDivisions = hubeiDivisions.filter((division) => !haveRecommenders.has(division.code));
  const missingFields = fields2025.filter((field) => !haveFields.has(field.nameZh));
  if (!missingDivisions.length && !missingFields.length) return;
  await execute(deps, systemActor, "reference.seed", { type: "reference" }, async (context) => {
    const now = context.clock.now();
    for (const division of missingDivisions) {
      await context.tx.insert(recommenders).values({
        id: randomUUID(),
        code: division.code,
        nameZh: `${division.nameZh}科学技术局`,
        nameEn: `${division.nameEn} Science and Technology Bureau`,
        kind: "division",
        divisionCode: division.code,
        parentId: null,
        createdAt: now,
      });
    }
    for (const [index, field] of missingFields.entries()) {
      await context.tx
        .insert(fields)
        .values({ id: randomUUID(), ...field, sortOrder: (index + 1) * 10, createdAt: now });
    }
    await context.audit({
      changes: { recommenders: missingDivisions.map((d) => d.code), fields: missingFields.map((f) => f.nameZh) },
    });
  });
}
