import { and, eq, isNotNull, type SQL } from "drizzle-orm";
import type { Role } from "../../policy/roles";
import type { Tx } from "../db/client";
import { accounts, people, roleGrants } from "../db/schema";

/** Active accounts holding an approved `role`, narrowed by `where` (a unit, a recommender): who a notice goes to. */
export async function accountsWithRole(tx: Tx, role: Role, where?: SQL): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: accounts.id })
    .from(accounts)
    .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.status, "approved")))
    .where(and(eq(roleGrants.role, role), eq(accounts.disabled, false), ...(where ? [where] : [])));
  return rows.map((row) => row.id).sort();
}

/**
 * A host unit's recipients: its active accounts with an approved 依托单位 role, and the e-mail addresses their person
 * records hold. One rule for every notice to a unit (reminders, grades, rectification).
 */
export async function unitRecipients(tx: Tx, unitId: string): Promise<{ accountIds: string[]; addresses: string[] }> {
  const rows = await tx
    .selectDistinct({ id: accounts.id, email: people.email })
    .from(accounts)
    .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.status, "approved")))
    .leftJoin(people, and(eq(people.id, accounts.personId), isNotNull(people.email)))
    .where(and(eq(accounts.unitId, unitId), eq(roleGrants.role, "applicant"), eq(accounts.disabled, false)));
  const accountIds = [...new Set(rows.map((row) => row.id))].sort();
  const addresses = [...new Set(rows.flatMap((row) => (row.email?.includes("@") ? [row.email] : [])))].sort();
  return { accountIds, addresses };
}

/** The host unit's accounts a notice goes to (see `unitRecipients`). */
export async function unitAccounts(context: { tx: Tx }, unitId: string): Promise<string[]> {
  return (await unitRecipients(context.tx, unitId)).accountIds;
}
