import { eq } from "drizzle-orm";
import { decideAccountAction } from "../../policy/access/separation";
import { destroyAccountSessions } from "../auth/sessions";
import { accounts } from "../db/schema";
import { execute, type Invocation } from "./command";
import { accountActorOf, lockAccountFacts, throwIfRefused } from "./role-grants";

/**
 * Unlocks an account locked by failed sign-ins. Never an administrator's account (三员分立,
 * policy/access/separation.ts): its lockout ends by itself.
 */
export async function unlockAccount(invocation: Invocation, options: { accountId: string }): Promise<void> {
  const { deps, actor, caller } = invocation;
  const { accountId } = options;
  await execute(deps, actor, "account.unlock", { type: "account", id: accountId }, async (context) => {
    const facts = await lockAccountFacts(context.tx, accountId, context.clock.now());
    throwIfRefused(decideAccountAction(facts, accountActorOf(caller), "unlock"));
    await context.tx.update(accounts).set({ lockedUntil: null, failedAttempts: 0 }).where(eq(accounts.id, accountId));
    await context.audit({ changes: { locked: false } });
  });
}

/**
 * Disables or re-enables an account; disabling ends its sessions at once. Nobody disables their own account, and no
 * administrator's account is disabled or enabled in the platform (三员分立).
 */
export async function setAccountDisabled(
  invocation: Invocation,
  options: { accountId: string; disabled: boolean },
): Promise<void> {
  const { deps, actor, caller } = invocation;
  const { accountId, disabled } = options;
  await execute(
    deps,
    actor,
    disabled ? "account.disable" : "account.enable",
    { type: "account", id: accountId },
    async (context) => {
      const facts = await lockAccountFacts(context.tx, accountId, context.clock.now());
      throwIfRefused(decideAccountAction(facts, accountActorOf(caller), disabled ? "disable" : "enable"));
      await context.tx.update(accounts).set({ disabled }).where(eq(accounts.id, accountId));
      if (disabled) await destroyAccountSessions(context.tx, [accountId]);
      await context.audit({ changes: { disabled } });
    },
  );
}
