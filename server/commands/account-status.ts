import { eq } from "drizzle-orm";
import { destroyAccountSessions } from "../auth/sessions";
import { accounts } from "../db/schema";
import { refused } from "../domain/refused";
import { execute, type Invocation } from "./command";

/** Unlocks an account locked by failed sign-ins. */
export async function unlockAccount(invocation: Invocation, options: { accountId: string }): Promise<void> {
  const { deps, actor } = invocation;
  const { accountId } = options;
  await execute(deps, actor, "account.unlock", { type: "account", id: accountId }, async (context) => {
    const [updated] = await context.tx
      .update(accounts)
      .set({ lockedUntil: null, failedAttempts: 0 })
      .where(eq(accounts.id, accountId))
      .returning({ id: accounts.id });
    if (!updated) throw refused.notFound("Account", "账号");
    await context.audit({ changes: { locked: false } });
  });
}

/** Disables or re-enables an account; disabling ends its sessions at once. */
export async function setAccountDisabled(
  invocation: Invocation,
  options: { accountId: string; disabled: boolean },
): Promise<void> {
  const { deps, actor } = invocation;
  const { accountId, disabled } = options;
  await execute(
    deps,
    actor,
    disabled ? "account.disable" : "account.enable",
    { type: "account", id: accountId },
    async (context) => {
      const [updated] = await context.tx
        .update(accounts)
        .set({ disabled })
        .where(eq(accounts.id, accountId))
        .returning({ id: accounts.id });
      if (!updated) throw refused.notFound("Account", "账号");
      if (disabled) await destroyAccountSessions(context.tx, [accountId]);
      await context.audit({ changes: { disabled } });
    },
  );
}
