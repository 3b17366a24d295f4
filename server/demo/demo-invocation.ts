import { and, eq } from "drizzle-orm";
import { isRole } from "../../policy/roles";
import type { Caller } from "../access/caller";
import type { Actor, CommandDeps, Invocation } from "../commands/command";
import { accounts, roleGrants } from "../db/schema";

/**
 * A demo account acting as it would when signed in: its caller (approved roles, unit, recommender) and its audit
 * actor, read from the database. The demo loader calls commands through these the way the routes do.
 */
export async function demoInvocation(deps: CommandDeps, username: string): Promise<Invocation> {
  const db = deps.database.db;
  const [account] = await db.select().from(accounts).where(eq(accounts.username, username));
  if (!account) throw new Error(`demo account ${username} missing`);
  const grants = await db
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .where(and(eq(roleGrants.accountId, account.id), eq(roleGrants.status, "approved")));
  const caller: Caller = {
    accountId: account.id,
    username,
    displayName: account.displayName,
    roles: grants.map((g) => g.role).filter(isRole),
    unitId: account.unitId,
    unitName: null,
    recommenderId: account.recommenderId,
    recommenderName: null,
    division: null,
    isUnitAdmin: account.isUnitAdmin,
    mustChangePassword: false,
    isDemo: true,
    sessionId: "",
    csrfToken: "",
  };
  const actor: Actor = {
    accountId: account.id,
    name: account.displayName,
    role: caller.roles[0] ?? null,
    ip: "127.0.0.1",
    requestId: null,
  };
  return { deps, caller, actor };
}
