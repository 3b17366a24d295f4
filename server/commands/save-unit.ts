import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { unitInput, unitUpdate } from "../../contracts/organisations";
import { units } from "../db/schema";
import { refused } from "../domain/refused";
import { type CallerlessInvocation, execute, type Invocation } from "./command";
import { assertDivisionInTerritory, assertRecommenderExists, assertUsccFree, usccVerdict } from "./unit-shared";

/**
 * An officer enters a unit directly (confirmed: the department vouches for it). The demo loader enters its units
 * as the system, before any officer account exists, so no caller is needed.
 */
export async function createUnit(invocation: CallerlessInvocation, input: z.infer<typeof unitInput>): Promise<string> {
  const { deps, actor } = invocation;
  return execute(deps, actor, "unit.create", { type: "unit" }, async (context) => {
    const usccCheck = usccVerdict(input.uscc);
    await assertUsccFree(context.tx, input.uscc);
    const recommender = await assertRecommenderExists(context.tx, input.recommenderId);
    assertDivisionInTerritory({ divisionCode: input.divisionCode, recommender });
    const id = randomUUID();
    await context.tx.insert(units).values({
      ...input,
      id,
      usccCheck,
      contactPhone: context.pii.encrypt(input.contactPhone),
      status: "confirmed",
      createdAt: context.clock.now(),
    });
    await context.audit({ targetId: id, changes: { ...input, contactPhone: "***" } });
    return id;
  });
}

/** Edits a unit; a save on a stale version is refused (409), never a silent overwrite. */
export async function updateUnit(
  invocation: Invocation,
  options: { unitId: string; update: z.infer<typeof unitUpdate> },
): Promise<void> {
  const { deps, actor } = invocation;
  const { unitId, update } = options;
  await execute(deps, actor, "unit.update", { type: "unit", id: unitId }, async (context) => {
    const { tx } = context;
    const [unit] = await tx.select().from(units).where(eq(units.id, unitId)).for("update");
    if (!unit) throw refused.notFound("Unit", "单位");
    if (unit.version !== update.version) throw refused.staleVersion();
    const { version, contactPhone, ...fields } = update;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(fields)) {
      const before = unit[key as keyof typeof unit];
      if (value !== undefined && value !== before) changes[key] = { from: before, to: value };
    }
    const usccCheck = fields.uscc && fields.uscc !== unit.uscc ? usccVerdict(fields.uscc) : unit.usccCheck;
    if (fields.uscc && fields.uscc !== unit.uscc) await assertUsccFree(tx, fields.uscc, unit.id);
    if (fields.divisionCode !== undefined || fields.recommenderId !== undefined) {
      // The pair as it will stand; the refusal names the division unless only the recommender moved.
      const divisionCode = fields.divisionCode ?? unit.divisionCode;
      const recommenderId = fields.recommenderId ?? unit.recommenderId;
      const onlyRecommenderMoved = divisionCode === unit.divisionCode && recommenderId !== unit.recommenderId;
      const recommender = await assertRecommenderExists(tx, recommenderId);
      assertDivisionInTerritory({
        divisionCode,
        recommender,
        faultAt: onlyRecommenderMoved ? "recommenderId" : "divisionCode",
      });
    }
    await tx
      .update(units)
      .set({
        ...fields,
        usccCheck,
        usccConfirmedBy: usccCheck === unit.usccCheck ? unit.usccConfirmedBy : null,
        ...(contactPhone ? { contactPhone: context.pii.encrypt(contactPhone) } : {}),
        version: version + 1,
      })
      .where(eq(units.id, unit.id));
    await context.audit({ changes: { ...changes, ...(contactPhone ? { contactPhone: "***" } : {}) } });
  });
}

/** Art. 7.1 via GB 32100-2015: an officer confirms a code whose check digit does not match (early legal codes). */
export async function confirmUscc(
  invocation: Invocation,
  options: { unitId: string; reason: string | null },
): Promise<void> {
  const { deps, actor } = invocation;
  const { unitId, reason } = options;
  await execute(deps, actor, "unit.confirm-uscc", { type: "unit", id: unitId }, async (context) => {
    const [unit] = await context.tx.select().from(units).where(eq(units.id, unitId)).for("update");
    if (!unit) throw refused.notFound("Unit", "单位");
    await context.tx
      .update(units)
      .set({ usccConfirmedBy: actor.accountId ?? "system", version: unit.version + 1 })
      .where(eq(units.id, unitId));
    await context.audit({ changes: { uscc: unit.uscc, usccCheck: unit.usccCheck, confirmed: true }, reason });
  });
}
