import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "../db/client";
import { accounts, experts, people, roleGrants } from "../db/schema";
import { refused } from "../domain/refused";
import { badRequest } from "../http/validation";
import { execute, type Invocation } from "./command";

/**
 * Binds an expert-pool record to an account inside the caller's transaction: sets experts.account_id (what the
 * expert portal's row scope reads, server/review/assigned.ts) and the account's person. The expert row is locked
 * first, so two administrators cannot give one expert two accounts. Returns the expert's name for the audit.
 */
export async function bindExpert(tx: Tx, accountId: string, expertId: string): Promise<{ name: string }> {
  const [expert] = await tx
    .select({ id: experts.id, personId: experts.personId, accountId: experts.accountId })
    .from(experts)
    .where(eq(experts.id, expertId))
    .for("update");
  if (!expert) {
    throw badRequest([
      { path: "expertId", messageZh: "所选专家不在专家库中", messageEn: "No such expert in the pool" },
    ]);
  }
  if (expert.accountId !== null && expert.accountId !== accountId) {
    throw refused.conflict({
      code: "expert-has-account",
      messageZh: "该专家已关联其他账号。",
      messageEn: "This expert is already linked to another account.",
      errors: [{ path: "expertId", messageZh: "该专家已有账号", messageEn: "This expert already has an account" }],
    });
  }
  await tx.update(experts).set({ accountId }).where(eq(experts.id, expertId));
  await tx.update(accounts).set({ personId: expert.personId }).where(eq(accounts.id, accountId));
  const [person] = await tx.select({ name: people.name }).from(people).where(eq(people.id, expert.personId));
  return { name: person?.name ?? "" };
}

export interface LinkExpertAccountOptions {
  accountId: string;
  expertId: string;
}

/**
 * The system administrator links (or re-links) an existing account that holds or requests the expert role to its
 * pool record. A re-link releases the expert the account signed in for before: one account, one expert.
 */
export async function linkExpertAccount(invocation: Invocation, options: LinkExpertAccountOptions): Promise<void> {
  const { deps, actor } = invocation;
  const { accountId, expertId } = options;
  await execute(deps, actor, "account.link-expert", { type: "account", id: accountId }, async (context) => {
    const { tx } = context;
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .for("update");
    if (!account) throw refused.notFound("Account", "账号");
    const [grant] = await tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.accountId, accountId),
          eq(roleGrants.role, "expert"),
          inArray(roleGrants.status, ["pending", "approved"]),
        ),
      );
    if (!grant) {
      throw badRequest([
        {
          path: "expertId",
          messageZh: "该账号没有评审专家角色（或待审批的申请），不能关联专家库人员",
          messageEn: "The account neither holds nor requests the expert role",
        },
      ]);
    }
    const previous = await tx
      .select({ id: experts.id })
      .from(experts)
      .where(and(eq(experts.accountId, accountId), ne(experts.id, expertId)))
      .for("update");
    const [current] = await tx.select({ accountId: experts.accountId }).from(experts).where(eq(experts.id, expertId));
    if (current?.accountId === accountId && previous.length === 0) return; // already linked: nothing to change
    if (previous.length) {
      await tx
        .update(experts)
        .set({ accountId: null })
        .where(
          inArray(
            experts.id,
            previous.map((row) => row.id),
          ),
        );
    }
    const { name } = await bindExpert(tx, accountId, expertId);
    await context.audit({
      changes: { expertId, expertName: name, previousExpertIds: previous.map((row) => row.id) },
    });
  });
}
