import { and, eq, inArray } from "drizzle-orm";
import { unitTransition } from "../../policy/onboarding/unit-onboarding";
import { accounts, roleGrants, units } from "../db/schema";
import { refused } from "../domain/refused";
import { execute, type Invocation } from "./command";

export interface DecideUnitOptions {
  unitId: string;
  decision: "confirm" | "reject";
  reason: string | null;
}

/**
 * The recommender (or an officer) confirms or rejects a self-registered unit. Confirming approves the applicant
 * grants waiting on it: the recommender vouches for the unit, as it does on paper today.
 */
export async function decideUnit(invocation: Invocation, options: DecideUnitOptions): Promise<void> {
  const { deps, actor } = invocation;
  await execute(deps, actor, `unit.${options.decision}`, { type: "unit", id: options.unitId }, async (context) => {
    const { tx } = context;
    const [unit] = await tx.select().from(units).where(eq(units.id, options.unitId)).for("update");
    if (!unit) throw new Error("unit vanished inside its own transaction");
    const step = unitTransition(unit.status, options.decision);
    if (!step.ok) throw refused.conflict(step.refusal);
    await tx
      .update(units)
      .set({ status: step.to, statusReason: options.reason, version: unit.version + 1 })
      .where(eq(units.id, unit.id));
    const unitAccounts = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.unitId, unit.id));
    const accountIds = unitAccounts.map((a) => a.id);
    if (accountIds.length) {
      await tx
        .update(roleGrants)
        .set({
          status: step.to === "confirmed" ? "approved" : "rejected",
          decidedBy: actor.accountId,
          decidedAt: context.clock.now(),
          reason: options.reason,
        })
        .where(
          and(
            inArray(roleGrants.accountId, accountIds),
            eq(roleGrants.role, "applicant"),
            eq(roleGrants.status, "pending"),
          ),
        );
    }
    await context.audit({ changes: { status: { from: unit.status, to: step.to } }, reason: options.reason });
    await context.enqueue({
      kind: "notify",
      accountIds,
      titleZh: step.to === "confirmed" ? `单位注册已确认：${unit.name}` : `单位注册未通过：${unit.name}`,
      titleEn:
        step.to === "confirmed" ? `Registration confirmed: ${unit.name}` : `Registration not accepted: ${unit.name}`,
      bodyZh: options.reason ?? "",
      bodyEn: options.reason ?? "",
      link: "/my-unit",
    });
  });
}
