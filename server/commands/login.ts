import { eq, lt } from "drizzle-orm";
import type { SecurityPolicy } from "../../policy/security/password-policy";
import { decoyHash, verifyPassword } from "../auth/passwords";
import { readSecurityPolicy } from "../auth/security-policy";
import { approvedRoles, createSession } from "../auth/sessions";
import { sm3 } from "../crypto/sm";
import type { Tx } from "../db/client";
import { accounts, loginThrottle } from "../db/schema";
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
 * Password sign-in with lockout: consecutive failures lock the account (the security policy's threshold and minutes,
 * 5 and 15 by default; 等保 level 3). A reset's one-time password signs in once: the second time it is refused as a
 * wrong password.
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
    const { policy } = await readSecurityPolicy(context.tx);
    // A service account signs in with API tokens only (policy/access/service-accounts.ts): no password to try.
    if (!account || account.disabled || account.isService) {
      await verifyPassword(await decoyHash(), options.password);
      const lockedUntil = await countUnusableFailure(context.tx, options.username, now, policy);
      await context.audit({
        action: lockedUntil ? "auth.login.locked" : "auth.login.failed",
        reason: !account ? "unknown username" : account.isService ? "service account" : "account disabled",
      });
      return lockedUntil ? locked(lockedUntil, policy) : wrongCredentials;
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
      return locked(account.lockedUntil, policy);
    }
    const spent = account.oneTimePassword === "used";
    if (spent || !(await verifyPassword(account.passwordHash, options.password))) {
      const failures = account.failedAttempts + 1;
      const lock = failures >= policy.maxFailedLogins;
      const lockedUntil = lock ? lockEnd(now, policy) : null;
      await context.tx
        .update(accounts)
        .set({ failedAttempts: lock ? 0 : failures, lockedUntil })
        .where(eq(accounts.id, account.id));
      await context.audit({
        ...target,
        action: "auth.login.failed",
        reason: spent ? `one-time password already used (${failures})` : `wrong password (${failures})`,
        changes: { failures, locked: lock },
      });
      return lockedUntil ? locked(lockedUntil, policy) : wrongCredentials;
    }
    await context.tx
      .update(accounts)
      .set({
        failedAttempts: 0,
        lockedUntil: null,
        lastLoginAt: now,
        ...(account.oneTimePassword === "issued" ? { oneTimePassword: "used" as const } : {}),
      })
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

/**
 * A username without a usable account locks after the same number of failures as a real one, so whether a 423
 * comes back says nothing about which usernames exist. Returns the lock's end while it holds.
 */
async function countUnusableFailure(tx: Tx, username: string, now: Date, policy: SecurityPolicy): Promise<Date | null> {
  const usernameKey = sm3(username);
  const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.usernameKey, usernameKey)).for("update");
  if (row?.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
  const failures = (row?.failedAttempts ?? 0) + 1;
  const lockedUntil = failures >= policy.maxFailedLogins ? lockEnd(now, policy) : null;
  const values = { failedAttempts: lockedUntil ? 0 : failures, lockedUntil, lastFailedAt: now };
  await tx
    .insert(loginThrottle)
    .values({ usernameKey, ...values })
    .onConflictDoUpdate({ target: loginThrottle.usernameKey, set: values });
  return lockedUntil;
}

/** Housekeeping: throttle rows whose lock and failure window have passed. */
export async function purgeLoginThrottle(tx: Tx, now: Date): Promise<void> {
  const { policy } = await readSecurityPolicy(tx);
  await tx.delete(loginThrottle).where(lt(loginThrottle.lastFailedAt, lockEnd(now, policy, -1)));
}

function lockEnd(from: Date, policy: SecurityPolicy, sign: 1 | -1 = 1): Date {
  return new Date(from.getTime() + sign * policy.lockoutMinutes * 60_000);
}

function locked(until: Date, policy: SecurityPolicy): LoginResult {
  const minutes = policy.lockoutMinutes;
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
