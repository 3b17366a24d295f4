import { and, eq, ne } from "drizzle-orm";
import { checkPasswordStrength } from "../../policy/security/password-policy";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { readSecurityPolicy } from "../auth/security-policy";
import { destroyAccountSessions } from "../auth/sessions";
import { accounts, sessions } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { execute, type Invocation } from "./command";

export interface ChangePasswordOptions {
  currentPassword: string;
  newPassword: string;
}

const wrongCurrent = () =>
  refused.invalidInput("invalid-input", "当前密码不正确。", "The current password is wrong.", [
    { path: "currentPassword", messageZh: "当前密码不正确", messageEn: "Wrong current password" },
  ]);

/**
 * Changes the caller's own password; the caller's other sessions are ended, the one in use is kept.
 * A wrong current password counts as a failed sign-in: at the sign-in limit the account locks and every session
 * of it ends, so a stolen session cannot be used to guess the password. The count is committed with the refusal.
 */
export async function changePassword(invocation: Invocation, options: ChangePasswordOptions): Promise<void> {
  const { deps, actor, caller } = invocation;
  const refusal = await execute(
    deps,
    actor,
    "auth.password",
    { type: "account", id: caller.accountId },
    async (context): Promise<Refused | null> => {
      const [account] = await context.tx.select().from(accounts).where(eq(accounts.id, caller.accountId)).for("update");
      if (!account) return wrongCurrent();
      const { policy } = await readSecurityPolicy(context.tx);
      if (!(await verifyPassword(account.passwordHash, options.currentPassword))) {
        const failures = account.failedAttempts + 1;
        const lock = failures >= policy.maxFailedLogins;
        const now = context.clock.now();
        const lockedUntil = lock ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
        await context.tx
          .update(accounts)
          .set({ failedAttempts: lock ? 0 : failures, lockedUntil })
          .where(eq(accounts.id, account.id));
        if (lock) await destroyAccountSessions(context.tx, [account.id]);
        await context.audit({
          action: lock ? "auth.password.locked" : "auth.password.failed",
          reason: `wrong current password (${failures})`,
          changes: { failures, locked: lock },
        });
        return lock ? lockedOut(policy.lockoutMinutes) : wrongCurrent();
      }
      const weak = checkPasswordStrength(options.newPassword, account.username, policy);
      if (weak) throw new Refused("invalid-input", weak);
      if (options.newPassword === options.currentPassword) {
        throw refused.invalidInput(
          "invalid-input",
          "新密码不能与当前密码相同。",
          "The new password must differ from the current one.",
          [
            {
              path: "newPassword",
              messageZh: "新密码不能与当前密码相同",
              messageEn: "Must differ from the current password",
            },
          ],
        );
      }
      await context.tx
        .update(accounts)
        .set({
          passwordHash: await hashPassword(options.newPassword),
          mustChangePassword: false,
          oneTimePassword: null,
          failedAttempts: 0,
        })
        .where(eq(accounts.id, account.id));
      await context.tx
        .delete(sessions)
        .where(and(eq(sessions.accountId, account.id), ne(sessions.id, caller.sessionId)));
      await context.audit({ changes: { passwordChanged: true } });
      return null;
    },
  );
  if (refusal) throw refusal;
}

function lockedOut(minutes: number): Refused {
  return new Refused("locked", {
    code: "account-locked",
    messageZh: `当前密码连续输入错误次数过多，账号已锁定 ${minutes} 分钟，请稍后重新登录。`,
    messageEn: `Too many wrong current passwords: the account is locked for ${minutes} minutes; sign in again later.`,
  });
}
