import { and, eq, ne } from "drizzle-orm";
import { checkPasswordStrength } from "../../policy/security/password-policy";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { accounts, sessions } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { execute, type Invocation } from "./command";

export interface ChangePasswordOptions {
  currentPassword: string;
  newPassword: string;
}

/** Changes the caller's own password; the caller's other sessions are ended, the one in use is kept. */
export async function changePassword(invocation: Invocation, options: ChangePasswordOptions): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "auth.password", { type: "account", id: caller.accountId }, async (context) => {
    const [account] = await context.tx.select().from(accounts).where(eq(accounts.id, caller.accountId));
    if (!account || !(await verifyPassword(account.passwordHash, options.currentPassword))) {
      throw refused.invalidInput("invalid-input", "当前密码不正确。", "The current password is wrong.", [
        { path: "currentPassword", messageZh: "当前密码不正确", messageEn: "Wrong current password" },
      ]);
    }
    const weak = checkPasswordStrength(options.newPassword, account.username);
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
      .set({ passwordHash: await hashPassword(options.newPassword), mustChangePassword: false })
      .where(eq(accounts.id, account.id));
    await context.tx.delete(sessions).where(and(eq(sessions.accountId, account.id), ne(sessions.id, caller.sessionId)));
    await context.audit({ changes: { passwordChanged: true } });
  });
}
