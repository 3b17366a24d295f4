import { eq, inArray } from "drizzle-orm";
import { accounts, roleGrants } from "../db/schema";
import { type CommandDeps, execute, systemActor } from "./command";
import { insertAccount } from "./create-account";

export interface AdministratorSpec {
  username: string;
  displayName: string;
  password: string;
  role: "sysadmin" | "secadmin" | "auditor";
}

/**
 * The three administrators (三员) of a new installation are created by the system itself, their grants approved
 * at once: there is nobody yet to approve them. Refused when any administrator already exists.
 */
export async function bootstrapAdministrators(
  deps: CommandDeps,
  specs: AdministratorSpec[],
  isDemo: boolean,
): Promise<boolean> {
  return execute(deps, systemActor, "account.bootstrap", { type: "account" }, async (context) => {
    const existing = await context.tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(inArray(roleGrants.role, ["sysadmin", "secadmin", "auditor"]));
    if (existing.length > 0) return false;
    for (const spec of specs) {
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
