import { and, eq } from "drizzle-orm";
import { roleGrants, units } from "../db/schema";
import { refused } from "../domain/refused";
import { execute, type Invocation } from "./command";
import { insertAccount } from "./create-account";

/**
 * A confirmed host unit's administrator adds a colleague. The applicant role within the unit takes effect at
 * once: the unit itself was confirmed by its recommender (docs/interpretations.md, "unit accounts").
 */
export async function createUnitAccount(
  invocation: Invocation,
  options: { unitId: string; username: string; displayName: string; initialPassword: string },
): Promise<string> {
  const { deps, actor } = invocation;
  const { unitId, ...colleague } = options;
  return execute(deps, actor, "unit-account.create", { type: "unit", id: unitId }, async (context) => {
    const [unit] = await context.tx.select({ status: units.status }).from(units).where(eq(units.id, unitId));
    if (!unit) throw refused.notFound("Unit", "单位");
    if (unit.status !== "confirmed") {
      throw refused.conflict({
        code: "unit-not-confirmed",
        messageZh: "单位尚未经推荐部门确认，暂不能添加用户。",
        messageEn: "The unit is not confirmed by its recommender yet.",
      });
    }
    const id = await insertAccount(context, {
      ...colleague,
      unitId,
      recommenderId: null,
      isUnitAdmin: false,
      roles: ["applicant"],
    });
    await context.tx
      .update(roleGrants)
      .set({
        status: "approved",
        decidedBy: actor.accountId,
        decidedAt: context.clock.now(),
        reason: "单位管理员添加本单位用户",
      })
      .where(and(eq(roleGrants.accountId, id), eq(roleGrants.role, "applicant")));
    return id;
  });
}
