import { eq } from "drizzle-orm";
import { securityDefaults } from "../../policy/security/password-policy";
import { decoyHash, verifyPassword } from "../auth/passwords";
import { approvedRoles, createSession } from "../auth/sessions";
import { accounts } from "../db/schema";
import { Refused } from "../domain/refused";
import { type Actor, execute, type Invocation } from "./command";

export interface LoginOptions {
  username: string;
  password: string;
  ip: string;
  userAgent: string;
}

export type LoginResult =
  | { ok: true; accountId: string; token: string; csrfToken: string; mustChangePassword: boolean }
  | {
      ok: false;
      kind: "unauthenticated" | "locked";
      code: string;
      messageZh: string;
      messageEn: string;
      lockedUntil?: Date;
    };

const wrongCredentials = {
  ok: false,
  kind: "unauthenticated",
  code: "invalid-credentials",
  messageZh: "用户名或密码错误。",
  messageEn: "Wrong username or password.",
} as const;

/**
 * Password sign-in with lockout: 5 consecutive failures lock the account for 15 minutes (等保 level 3).
 * Success and failure are both audited; the failure counter is written even though the sign-in is refused.
 * It takes no actor: until the password is verified the attempt is nobody's, so it names itself by the username
 * tried and the address it came from, and by the account once that is known.
 */
export async function loginWithPassword(
  invocation: Pick<Invocation, "deps">,
  options: LoginOptions,
): Promise<LoginResult> {
  const { deps } = invocation;
  const actor: Actor = { accountId: null, name: options.username, role: null, ip: options.ip, requestId: null };
  return execute(deps, actor, "auth.login", { type: "account" }, async (context) => {
    const [account] = await context.tx.select().from(accounts).where(eq(accounts.username, options.username));
    const now = context.clock.now();
    if (!account || account.disabled) {
      await verifyPassword(await decoyHash(), options.password);
      await context.audit({ action: "auth.login.failed", reason: account ? "account disabled" : "unknown username" });
      return wrongCredentials;
    }
    // Once the account is known, entries name it as the actor (who tried, from where).
    const [role] = await approvedRoles(context.tx, account.id);
    const target = {
      targetType: "account",
      targetId: account.id,
      actor: { accountId: account.id, name: account.displayName, role: role ?? null },
    };
    if (account.lockedUntil && account.lockedUntil > now) {
      await context.audit({ ...target, action: "auth.login.locked", reason: "account locked" });
      return locked(account.lockedUntil);
    }
    if (!(await verifyPassword(account.passwordHash, options.password))) {
      const failures = account.failedAttempts + 1;
      const lock = failures >= securityDefaults.maxFailedLogins;
      const lockedUntil = lock ? new Date(now.getTime() + securityDefaults.lockoutMinutes * 60_000) : null;
      await context.tx
        .update(accounts)
        .set({ failedAttempts: lock ? 0 : failures, lockedUntil })
        .where(eq(accounts.id, account.id));
      await context.audit({
        ...target,
        action: "auth.login.failed",
        reason: `wrong password (${failures})`,
        changes: { failures, locked: lock },
      });
      return lockedUntil ? locked(lockedUntil) : wrongCredentials;
    }
    await context.tx
      .update(accounts)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(accounts.id, account.id));
    const session = await createSession(context.tx, context.clock, account.id, options);
    await context.audit({ ...target, action: "auth.login" });
    return {
      ok: true,
      accountId: account.id,
      token: session.token,
      csrfToken: session.csrfToken,
      mustChangePassword: account.mustChangePassword,
    };
  });
}

function locked(until: Date): LoginResult {
  const minutes = securityDefaults.lockoutMinutes;
  return {
    ok: false,
    kind: "locked",
    code: "account-locked",
    messageZh: `连续登录失败次数过多，账号已锁定 ${minutes} 分钟。`,
    messageEn: `Too many failed sign-ins: the account is locked for ${minutes} minutes.`,
    lockedUntil: until,
  };
}

export function loginRefusal(result: Extract<LoginResult, { ok: false }>): Refused {
  const { kind, code, messageZh, messageEn } = result;
  return new Refused(kind, { code, messageZh, messageEn });
}
