import { eq, inArray } from "drizzle-orm";
import { accounts, roleGrants } from "../db/schema";
import { type CallerlessInvocation, execute } from "./command";
import { insertAccount } from "./create-account";

export interface AdministratorSpec {
  username: string;
  displayName: string;
  password: string;
  role: "sysadmin" | "secadmin" | "auditor";
}

/**
 * The three administrators (三员) of a new installation are created by the system itself (`systemActor`), their
 * grants approved at once: there is nobody yet to approve them, nor to be signed in. Returns false, changing
 * nothing, when any administrator already exists.
 */
export async function bootstrapAdministrators(
  invocation: CallerlessInvocation,
  options: { administrators: AdministratorSpec[]; isDemo: boolean },
): Promise<boolean> {
  const { deps, actor } = invocation;
  const { administrators, isDemo } = options;
  return execute(deps, actor, "account.bootstrap", { type: "account" }, async (context) => {
    const existing = await context.tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(inArray(roleGrants.role, ["sysadmin", "secadmin", "auditor"]));
    if (existing.length > 0) return false;
    for (const spec of administrators) {
      const [taken] = await context.tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(accounts.username, spec.username));
      if (taken) continue;
      const id = await insertAccount(context, {
        username: spec.username,
        displayName: spec.displayName,
        initialPassword: spec.password,
        unitId: null,
        recommenderId: null,
        isUnitAdmin: false,
        roles: [spec.role],
        isDemo,
      });
      await context.tx
        .update(roleGrants)
        .set({ status: "approved", decidedAt: context.clock.now(), reason: "系统初始化 / installation bootstrap" })
        .where(eq(roleGrants.accountId, id));
    }
    return true;
  });
}
