import { and, eq, inArray, or } from "drizzle-orm";
import type { CommandContext } from "../commands/command";
import { accounts, applications, roleGrants, units } from "../db/schema";

/** Accounts told about an application's progress: the host unit's users and its recommenders' (holder and own). */
export async function stakeholderAccounts(context: CommandContext, applicationId: string): Promise<string[]> {
  const [row] = await context.tx
    .select({ unitId: applications.unitId, holder: applications.recommenderId, own: units.recommenderId })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(eq(applications.id, applicationId));
  if (!row) return [];
  const recommenderIds = [...new Set([row.holder, row.own])];
  const found = await context.tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.disabled, false),
        or(eq(accounts.unitId, row.unitId), inArray(accounts.recommenderId, recommenderIds)),
      ),
    );
  return [...new Set(found.map((account) => account.id))];
}

/** Approved officers, for hand-offs that need the department's attention. */
export async function officerAccounts(context: CommandContext): Promise<string[]> {
  const rows = await context.tx
    .select({ id: roleGrants.accountId })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, "officer"), eq(roleGrants.status, "approved")));
  return [...new Set(rows.map((row) => row.id))];
}

/** Enqueues one notification about an application to its unit and recommenders, in the command's transaction. */
export async function notifyStakeholders(
  context: CommandContext,
  applicationId: string,
  message: { titleZh: string; titleEn: string; bodyZh?: string; bodyEn?: string },
): Promise<void> {
  const accountIds = await stakeholderAccounts(context, applicationId);
  if (accountIds.length === 0) return;
  await context.enqueue({ kind: "notify", accountIds, link: `/applications/${applicationId}`, ...message });
}
