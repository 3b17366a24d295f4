import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import {
  type AccountActor,
  type AccountDecision,
  type AccountFacts,
  decideGrantDecision,
  decideGrantRequest,
  decideRevocationRequest,
} from "../../policy/access/separation";
import { isRole, type Role, roleLabels } from "../../policy/roles";
import type { Caller } from "../access/caller";
import { destroyAccountSessions } from "../auth/sessions";
import type { Executor, Tx } from "../db/client";
import { accounts, roleGrants } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { execute, type Invocation } from "./command";
import { insertGrant } from "./create-account";

/**
 * The facts the 三员 rules (policy/access/separation.ts) read about accounts: state and every grant row, for a page
 * of the accounts list or the grant list (no lock). Accounts that do not exist are absent from the map.
 */
export async function loadAccountFacts(
  executor: Executor,
  accountIds: readonly string[],
  now: Date,
): Promise<Map<string, AccountFacts>> {
  const ids = [...new Set(accountIds)];
  if (!ids.length) return new Map();
  const rows = await executor
    .select({
      id: accounts.id,
      service: accounts.isService,
      disabled: accounts.disabled,
      lockedUntil: accounts.lockedUntil,
    })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  return factsOf(rows, await grantRowsOf(executor, ids), now);
}

/**
 * The account's facts inside a command, its row locked first: every change of an account's state or roles queues on
 * it, so two approvals cannot each see the other's role missing. Refuses an unknown account (404).
 */
export async function lockAccountFacts(tx: Tx, accountId: string, now: Date): Promise<AccountFacts> {
  const rows = await tx
    .select({
      id: accounts.id,
      service: accounts.isService,
      disabled: accounts.disabled,
      lockedUntil: accounts.lockedUntil,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .for("update");
  const facts = factsOf(rows, await grantRowsOf(tx, [accountId]), now).get(accountId);
  if (!facts) throw refused.notFound("Account", "账号");
  return facts;
}

function grantRowsOf(executor: Executor, accountIds: readonly string[]) {
  return executor
    .select({
      id: roleGrants.id,
      accountId: roleGrants.accountId,
      role: roleGrants.role,
      status: roleGrants.status,
      requestedBy: roleGrants.requestedBy,
      revokes: roleGrants.revokes,
    })
    .from(roleGrants)
    .where(inArray(roleGrants.accountId, [...accountIds]));
}

function factsOf(
  rows: Array<{ id: string; service: boolean; disabled: boolean; lockedUntil: Date | null }>,
  grants: Array<{
    id: string;
    accountId: string;
    role: string;
    status: AccountFacts["grants"][number]["status"];
    requestedBy: string | null;
    revokes: string | null;
  }>,
  now: Date,
): Map<string, AccountFacts> {
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        service: row.service,
        disabled: row.disabled,
        locked: row.lockedUntil !== null && row.lockedUntil > now,
        grants: grants.flatMap(({ accountId, role, ...grant }) =>
          accountId === row.id && isRole(role) ? [{ ...grant, role }] : [],
        ),
      },
    ]),
  );
}

/** The caller as the 三员 rules see it. */
export function accountActorOf(caller: Pick<Caller, "accountId" | "roles">): AccountActor {
  return { accountId: caller.accountId, roles: caller.roles };
}

/** A refused decision as the domain's `Refused` (its kind mapped to a status at the edge). */
export function throwIfRefused(decision: AccountDecision): void {
  if (!decision.ok) throw new Refused(decision.kind, decision.refusal);
}

/** The system administrator asks for a role; nothing changes until the security administrator approves. */
export async function requestRoleGrant(
  invocation: Invocation,
  options: { accountId: string; role: Role },
): Promise<string> {
  const { deps, actor, caller } = invocation;
  const { accountId, role } = options;
  return execute(deps, actor, "role-grant.request", { type: "account", id: accountId }, async (context) => {
    const facts = await lockAccountFacts(context.tx, accountId, context.clock.now());
    throwIfRefused(decideGrantRequest(facts, accountActorOf(caller), role));
    const id = await insertGrant(context.tx, context, accountId, role);
    await context.audit({ targetType: "role-grant", targetId: id, changes: { accountId, role } });
    return id;
  });
}

/**
 * The system administrator asks to revoke an approved role; the role stays in effect until the security
 * administrator approves the revocation (the same two steps as granting it). The request is a role_grants row naming
 * the grant it revokes, with the reason.
 */
export async function requestRoleRevocation(
  invocation: Invocation,
  options: { grantId: string; reason: string },
): Promise<string> {
  const { deps, actor, caller } = invocation;
  const { grantId, reason } = options;
  return execute(deps, actor, "role-grant.revoke-request", { type: "role-grant", id: grantId }, async (context) => {
    const [grant] = await context.tx
      .select({ accountId: roleGrants.accountId, role: roleGrants.role })
      .from(roleGrants)
      .where(eq(roleGrants.id, grantId));
    if (!grant || !isRole(grant.role)) throw refused.notFound("Role grant", "角色授权");
    const facts = await lockAccountFacts(context.tx, grant.accountId, context.clock.now());
    throwIfRefused(decideRevocationRequest(facts, accountActorOf(caller), grantId));
    const id = randomUUID();
    await context.tx.insert(roleGrants).values({
      id,
      accountId: grant.accountId,
      role: grant.role,
      status: "pending",
      requestedBy: actor.accountId,
      requestedAt: context.clock.now(),
      reason,
      revokes: grantId,
    });
    await context.audit({
      targetType: "role-grant",
      targetId: id,
      changes: { accountId: grant.accountId, role: grant.role, revokes: grantId },
      reason,
    });
    return id;
  });
}

/**
 * The security administrator decides a pending grant or revocation request (policy/access/separation.ts): never one
 * for their own account or one they made; an approval keeps 三员分立 against the roles the account holds now.
 * Approving a revocation marks the request and the grant `revoked`: the role is gone from the account's next request
 * (roles are read per request), its sessions stay for the roles it keeps.
 */
export async function decideRoleGrant(
  invocation: Invocation,
  options: { grantId: string; decision: "approve" | "reject"; reason: string | null },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  const { grantId, decision, reason } = options;
  await execute(deps, actor, `role-grant.${decision}`, { type: "role-grant", id: grantId }, async (context) => {
    const [row] = await context.tx
      .select({ accountId: roleGrants.accountId })
      .from(roleGrants)
      .where(eq(roleGrants.id, grantId));
    if (!row) throw refused.notFound("Role grant", "角色授权申请");
    const facts = await lockAccountFacts(context.tx, row.accountId, context.clock.now());
    const [grant] = await context.tx.select().from(roleGrants).where(eq(roleGrants.id, grantId)).for("update");
    if (!grant) throw refused.notFound("Role grant", "角色授权申请");
    throwIfRefused(decideGrantDecision(facts, accountActorOf(caller), grantId, decision));
    const now = context.clock.now();
    const label = isRole(grant.role) ? roleLabels[grant.role] : { zh: grant.role, en: grant.role };
    if (grant.revokes !== null) {
      await context.tx
        .update(roleGrants)
        .set({ status: decision === "approve" ? "revoked" : "rejected", decidedBy: actor.accountId, decidedAt: now })
        .where(eq(roleGrants.id, grantId));
      if (decision === "approve") {
        await context.tx
          .update(roleGrants)
          .set({ status: "revoked" })
          .where(and(eq(roleGrants.id, grant.revokes), eq(roleGrants.status, "approved")));
      }
      // The row keeps the request's reason; the decision's goes to the audit entry and the notification.
      await context.audit({
        action: decision === "approve" ? "role-grant.revoke" : "role-grant.revoke-reject",
        changes: {
          accountId: grant.accountId,
          role: grant.role,
          revokes: grant.revokes,
          status: decision === "approve" ? "revoked" : "rejected",
        },
        reason,
      });
      await context.enqueue({
        kind: "notify",
        accountIds: [grant.accountId],
        titleZh: decision === "approve" ? `角色已撤销：${label.zh}` : `角色撤销申请未通过：${label.zh}`,
        titleEn: decision === "approve" ? `Role revoked: ${label.en}` : `Role revocation rejected: ${label.en}`,
        bodyZh: reason ?? grant.reason ?? "",
        bodyEn: reason ?? grant.reason ?? "",
      });
      return;
    }
    await context.tx
      .update(roleGrants)
      .set({
        status: decision === "approve" ? "approved" : "rejected",
        decidedBy: actor.accountId,
        decidedAt: now,
        reason,
      })
      .where(eq(roleGrants.id, grantId));
    // Roles are read per request, but end sessions so a changed role set starts clean.
    await destroyAccountSessions(context.tx, [grant.accountId]);
    await context.audit({ changes: { accountId: grant.accountId, role: grant.role, status: decision }, reason });
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
