import { and, eq } from "drizzle-orm";
import { isRole, type Role, roleLabels } from "../../policy/roles";
import { destroyAccountSessions } from "../auth/sessions";
import { accounts, roleGrants } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { execute, type Invocation } from "./command";
import { insertGrant } from "./create-account";

/** The system administrator asks for a role; nothing changes until the security administrator approves. */
export async function requestRoleGrant(
  invocation: Invocation,
  options: { accountId: string; role: Role },
): Promise<string> {
  const { deps, actor } = invocation;
  const { accountId, role } = options;
  return execute(deps, actor, "role-grant.request", { type: "account", id: accountId }, async (context) => {
    const [account] = await context.tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
    if (!account) throw refused.notFound("Account", "账号");
    const [open] = await context.tx
      .select({ id: roleGrants.id, status: roleGrants.status })
      .from(roleGrants)
      .where(and(eq(roleGrants.accountId, accountId), eq(roleGrants.role, role)));
    if (open && (open.status === "pending" || open.status === "approved")) {
      throw refused.conflict({
        code: "grant-exists",
        messageZh: "该账号已有此角色或申请待批。",
        messageEn: "The account already has this role or a pending request for it.",
      });
    }
    const id = await insertGrant(context.tx, context, accountId, role);
    await context.audit({ targetType: "role-grant", targetId: id, changes: { accountId, role } });
    return id;
  });
}

/**
 * The security administrator decides a pending grant. A person may not approve a grant to their own account,
 * nor one they requested (三员 separation).
 */
export async function decideRoleGrant(
  invocation: Invocation,
  options: { grantId: string; decision: "approve" | "reject"; reason: string | null },
): Promise<void> {
  const { deps, actor } = invocation;
  const { grantId, decision, reason } = options;
  await execute(deps, actor, `role-grant.${decision}`, { type: "role-grant", id: grantId }, async (context) => {
    const [grant] = await context.tx.select().from(roleGrants).where(eq(roleGrants.id, grantId)).for("update");
    if (!grant) throw refused.notFound("Role grant", "角色授权申请");
    if (grant.status !== "pending") {
      throw refused.conflict({
        code: "grant-decided",
        messageZh: "该申请已处理。",
        messageEn: "This request has already been decided.",
      });
    }
    if (grant.accountId === actor.accountId || grant.requestedBy === actor.accountId) {
      throw new Refused("forbidden", {
        code: "separation-of-duties",
        messageZh: "不能审批自己账号或自己提出的授权申请。",
        messageEn: "You cannot decide a grant for your own account or one you requested.",
      });
    }
    await context.tx
      .update(roleGrants)
      .set({
        status: decision === "approve" ? "approved" : "rejected",
        decidedBy: actor.accountId,
        decidedAt: context.clock.now(),
        reason,
      })
      .where(eq(roleGrants.id, grantId));
    // Roles are read per request, but end sessions so a changed role set starts clean.
    await destroyAccountSessions(context.tx, [grant.accountId]);
    await context.audit({ changes: { accountId: grant.accountId, role: grant.role, status: decision }, reason });
    const label = isRole(grant.role) ? roleLabels[grant.role] : { zh: grant.role, en: grant.role };
    await context.enqueue({
      kind: "notify",
      accountIds: [grant.accountId],
      titleZh: decision === "approve" ? `角色授权已生效：${label.zh}` : `角色授权未通过：${label.zh}`,
      titleEn: decision === "approve" ? `Role granted: ${label.en}` : `Role request rejected: ${label.en}`,
      bodyZh: reason ?? "",
      bodyEn: reason ?? "",
    });
  });
}
