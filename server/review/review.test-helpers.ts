import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { hashPassword } from "../auth/passwords";
import { accounts, experts, people, reviewAssignments, roleGrants } from "../db/schema";
import { demoPassword } from "../demo/demo-accounts";
import type { TestApp } from "../test/harness";

/** Gives every expert of a field a signed-in-able `expert` account (username = expert.<id prefix>), directly. */
export async function expertAccountsFor(t: TestApp, field: string): Promise<Map<string, string>> {
  const rows = await t.database.db
    .select({ id: experts.id, name: people.name, accountId: experts.accountId })
    .from(experts)
    .innerJoin(people, eq(people.id, experts.personId))
    .where(sql`${experts.fields} @> ${JSON.stringify([field])}::jsonb`);
  const usernames = new Map<string, string>();
  const passwordHash = await hashPassword(demoPassword);
  for (const row of rows) {
    if (row.accountId) {
      const [account] = await t.database.db.select().from(accounts).where(eq(accounts.id, row.accountId));
      usernames.set(row.id, account!.username);
      continue;
    }
    const accountId = randomUUID();
    const username = `expert.${row.id.slice(0, 8)}`;
    const now = t.clock.now();
    await t.database.db.insert(accounts).values({
      id: accountId,
      username,
      displayName: row.name,
      passwordHash,
      mustChangePassword: false,
      isDemo: true,
      createdAt: now,
      unitId: null,
      recommenderId: null,
    });
    await t.database.db
      .insert(roleGrants)
      .values({ id: randomUUID(), accountId, role: "expert", status: "approved", requestedAt: now, decidedAt: now });
    await t.database.db.update(experts).set({ accountId }).where(eq(experts.id, row.id));
    usernames.set(row.id, username);
  }
  return usernames;
}

/** The assignments of a round in a given status. */
export async function assignmentsOf(t: TestApp, roundId: string, status?: string) {
  return t.database.db
    .select()
    .from(reviewAssignments)
    .where(
      status
        ? and(eq(reviewAssignments.roundId, roundId), eq(reviewAssignments.status, status))
        : eq(reviewAssignments.roundId, roundId),
    );
}
