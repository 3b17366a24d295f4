import { randomUUID } from "node:crypto";
import { decideNewAccountRoles, roleSetRefusal } from "../../policy/access/separation";
import type { Role } from "../../policy/roles";
import { checkPasswordStrength } from "../../policy/security/password-policy";
import { hashPassword } from "../auth/passwords";
import { readSecurityPolicy } from "../auth/security-policy";
import type { Tx } from "../db/client";
import { accounts, roleGrants } from "../db/schema";
import { Refused } from "../domain/refused";
import { badRequest } from "../http/validation";
import { type CommandContext, execute, type Invocation } from "./command";
import { bindExpert } from "./link-expert-account";
import { assertUsernameFree } from "./unit-shared";

export interface CreateAccountOptions {
  username: string;
  displayName: string;
  initialPassword: string;
  unitId: string | null;
  recommenderId: string | null;
  isUnitAdmin: boolean;
  roles: Role[];
  /**
   * The expert-pool record an expert account signs in for (experts.account_id), bound in the same transaction.
   * The HTTP contract requires it with the expert role; the demo loader links its pool afterwards.
   */
  expertId?: string | null | undefined;
  /** Demo accounts skip the forced first-login password change. */
  isDemo?: boolean;
}

/**
 * Inserts an account and pending grants for its roles, inside an existing command. The roles keep 三员分立 (at most
 * one administrator role, never beside a business role) on every path, the installation bootstrap's included.
 */
export async function insertAccount(context: CommandContext, options: CreateAccountOptions): Promise<string> {
  const { tx } = context;
  const mixed = roleSetRefusal(options.roles);
  if (mixed) throw new Refused("rule", mixed);
  const { policy } = await readSecurityPolicy(tx);
  const weak = checkPasswordStrength(options.initialPassword, options.username, policy);
  if (weak) throw new Refused("invalid-input", { ...weak, path: "initialPassword" });
  const expertId = options.expertId ?? null;
  if (expertId && !options.roles.includes("expert")) {
    throw badRequest([
      {
        path: "expertId",
        messageZh: "只有申请评审专家角色的账号才能关联专家库人员",
        messageEn: "Only an account requesting the expert role is linked to the expert pool",
      },
    ]);
  }
  await assertUsernameFree(tx, options.username);
  const id = randomUUID();
  const now = context.clock.now();
  await tx.insert(accounts).values({
    id,
    username: options.username,
    displayName: options.displayName,
    passwordHash: await hashPassword(options.initialPassword),
    unitId: options.unitId,
    recommenderId: options.recommenderId,
    isUnitAdmin: options.isUnitAdmin,
    mustChangePassword: !options.isDemo,
    isDemo: options.isDemo ?? false,
    createdAt: now,
  });
  for (const role of new Set(options.roles)) await insertGrant(tx, context, id, role);
  const expert = expertId ? await bindExpert(tx, id, expertId) : null;
  await context.audit({
    action: "account.create",
    targetType: "account",
    targetId: id,
    changes: {
      username: options.username,
      unitId: options.unitId,
      recommenderId: options.recommenderId,
      requestedRoles: options.roles,
      ...(expertId ? { expertId, expertName: expert?.name ?? null } : {}),
    },
  });
  return id;
}

export async function insertGrant(tx: Tx, context: CommandContext, accountId: string, role: Role): Promise<string> {
  const id = randomUUID();
  await tx.insert(roleGrants).values({
    id,
    accountId,
    role,
    status: "pending",
    requestedBy: context.actor.accountId,
    requestedAt: context.clock.now(),
  });
  return id;
}

/**
 * The system administrator creates an account; its roles wait for the security administrator (三员). No
 * administrator role is asked for here: those are set up by the installation bootstrap only (三员分立).
 */
export async function createAccount(invocation: Invocation, options: CreateAccountOptions): Promise<string> {
  const { deps, actor } = invocation;
  return execute(deps, actor, "account.create", { type: "account" }, (context) => {
    const decision = decideNewAccountRoles(options.roles);
    if (!decision.ok) throw new Refused(decision.kind, decision.refusal);
    return insertAccount(context, options);
  });
}
