import { type SecurityPolicy, securityPolicyChanges } from "../../policy/security/password-policy";
import { readSecurityPolicy, securityPolicyRowId } from "../auth/security-policy";
import { securityPolicy } from "../db/schema";
import { refused } from "../domain/refused";
import { execute, type Invocation } from "./command";

/**
 * The security administrator saves the 安全策略 (bounds checked by the contract): the one row written with the
 * optimistic version read, the audit entry listing each changed value old → new. From the next request on, sign-in,
 * the idle check and every new password follow it.
 */
export async function updateSecurityPolicy(
  invocation: Invocation,
  options: { policy: SecurityPolicy; version: number },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "security-policy.update", { type: "security-policy" }, async (context) => {
    const current = await readSecurityPolicy(context.tx, { lock: true });
    if (current.version !== options.version) throw refused.staleVersion();
    const now = context.clock.now();
    const row = { policy: options.policy, updatedBy: caller.accountId, updatedAt: now };
    await context.tx
      .insert(securityPolicy)
      .values({ id: securityPolicyRowId, version: 1, ...row })
      .onConflictDoUpdate({ target: securityPolicy.id, set: { ...row, version: current.version + 1 } });
    await context.audit({
      targetType: "security-policy",
      targetId: String(securityPolicyRowId),
      changes: securityPolicyChanges(current.policy, options.policy),
    });
  });
}
