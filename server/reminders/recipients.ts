import { and, eq, isNotNull, type SQL } from "drizzle-orm";
import type { Role } from "../../policy/roles";
import type { Tx } from "../db/client";
import { accounts, people, roleGrants } from "../db/schema";

/** Active accounts with an approved `role` (narrowed by `where`) and their persons' e-mail addresses. */
export async function roleRecipients(
  tx: Tx,
  role: Role,
  where?: SQL,
): Promise<{ accountIds: string[]; addresses: string[] }> {
  const rows = await tx
    .selectDistinct({ id: accounts.id, email: people.email })
    .from(accounts)
    .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.status, "approved")))
    .leftJoin(people, and(eq(people.id, accounts.personId), isNotNull(people.email)))
    .where(and(eq(roleGrants.role, role), eq(accounts.disabled, false), ...(where ? [where] : [])));
  const accountIds = [...new Set(rows.map((row) => row.id))].sort();
  const addresses = [...new Set(rows.flatMap((row) => (row.email?.includes("@") ? [row.email] : [])))].sort();
  return { accountIds, addresses };
}

/** A recommender's own accounts (not its parent's: the one that reviews the unit's reports). */
export const recommenderRecipients = (tx: Tx, recommenderId: string) =>
  roleRecipients(tx, "recommender", eq(accounts.recommenderId, recommenderId));

/** The department's officers. */
export const officerRecipients = (tx: Tx) => roleRecipients(tx, "officer");

export function mergeRecipients(...lists: Array<{ accountIds: string[]; addresses: string[] }>): {
  accountIds: string[];
  addresses: string[];
} {
  return {
    accountIds: [...new Set(lists.flatMap((list) => list.accountIds))].sort(),
    addresses: [...new Set(lists.flatMap((list) => list.addresses))].sort(),
  };
}
