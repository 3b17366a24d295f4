import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { beltAndRoadInput, fieldInput } from "../../contracts/reference";
import { beltAndRoad, fields } from "../db/schema";
import { refused } from "../domain/refused";
import { execute, type Invocation } from "./command";

/** Officers keep the list of 领域 current; names are unique. */
export async function createField(invocation: Invocation, input: z.infer<typeof fieldInput>): Promise<string> {
  const { deps, actor } = invocation;
  return execute(deps, actor, "reference.field.create", { type: "field" }, async (context) => {
    const [existing] = await context.tx.select({ id: fields.id }).from(fields).where(eq(fields.nameZh, input.nameZh));
    if (existing)
      throw refused.conflict({
        code: "duplicate-field",
        messageZh: "该领域已存在。",
        messageEn: "This field already exists.",
        errors: [{ path: "nameZh", messageZh: "已存在", messageEn: "Exists" }],
      });
    const id = randomUUID();
    await context.tx.insert(fields).values({ ...input, id, createdAt: context.clock.now() });
    await context.audit({ targetId: id, changes: input });
    return id;
  });
}

export async function updateField(
  invocation: Invocation,
  options: { fieldId: string; update: Partial<z.infer<typeof fieldInput>> },
): Promise<void> {
  const { deps, actor } = invocation;
  const { fieldId, update } = options;
  await execute(deps, actor, "reference.field.update", { type: "field", id: fieldId }, async (context) => {
    const [updated] = await context.tx
      .update(fields)
      .set(update)
      .where(eq(fields.id, fieldId))
      .returning({ id: fields.id });
    if (!updated) throw refused.notFound("Field", "领域");
    await context.audit({ changes: update });
  });
}

/** The 一带一路 list is dated: an entry flags a country from `since` (and until `until`, exclusive). */
export async function addBeltAndRoad(invocation: Invocation, input: z.infer<typeof beltAndRoadInput>): Promise<string> {
  const { deps, actor } = invocation;
  return execute(deps, actor, "reference.belt-and-road.add", { type: "belt-and-road" }, async (context) => {
    if (input.until && input.until <= input.since) {
      throw refused.invalidInput(
        "invalid-input",
        "结束日期应晚于开始日期。",
        "The end date must follow the start date.",
        [{ path: "until", messageZh: "应晚于开始日期", messageEn: "Must follow the start date" }],
      );
    }
    const id = randomUUID();
    await context.tx.insert(beltAndRoad).values({ ...input, id, createdAt: context.clock.now() });
    await context.audit({ targetId: id, changes: input });
    return id;
  });
}
