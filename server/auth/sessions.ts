import { and, eq, inArray, lt } from "drizzle-orm";
import { isRole, type Role, roles as roleOrder } from "../../policy/roles";
import { securityDefaults } from "../../policy/security/password-policy";
import type { Caller } from "../access/caller";
import type { Clock } from "../clock";
import { randomToken, sm3 } from "../crypto/sm";
import type { Database, Tx } from "../db/client";
import { accounts, recommenders, roleGrants, sessions, units } from "../db/schema";

export const sessionCookie = "sid";
export const csrfCookie = "csrf";

const idleMs = securityDefaults.idleTimeoutMinutes * 60_000;
/** lastSeenAt is written at most this often, so reads stay reads. */
const touchEveryMs = 60_000;

export async function createSession(
  tx: Tx,
  clock: Clock,
  accountId: string,
  meta: { ip: string; userAgent: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = clock.now();
  await tx.insert(sessions).values({
    id: sm3(token),
    accountId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent.slice(0, 300),
    createdAt: now,
    lastSeenAt: now,
  });
  return { token, csrfToken };
}

export async function destroySession(tx: Tx, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function approvedRoles(tx: Tx | Database["db"], accountId: string): Promise<Role[]> {
  const rows = await tx
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .where(and(eq(roleGrants.accountId, accountId), eq(roleGrants.status, "approved")));
  const held = new Set(rows.map((r) => r.role).filter(isRole));
  return roleOrder.filter((role) => held.has(role));
}

export type SessionLookup = { caller: Caller } | { expired: true } | null;

/** Loads the caller behind a session cookie; an idle session (30 min) is deleted and reported as expired. */
export async function loadSession(database: Database, clock: Clock, token: string): Promise<SessionLookup> {
  const sessionId = sm3(token);
  return database.transaction(async (tx) => {
    const [row] = await tx
      .select({ session: sessions, account: accounts })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .where(eq(sessions.id, sessionId));
    if (!row) return null;
    const now = clock.now();
    if (now.getTime() - row.session.lastSeenAt.getTime() > idleMs || row.account.disabled) {
      await tx.delete(sessions).where(eq(sessions.id, sessionId));
      return { expired: true };
    }
    if (now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
      await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
    }
    const account = row.account;
    const [unit] = account.unitId
      ? await tx
          .select({ name: units.name, divisionCode: units.divisionCode })
          .from(units)
          .where(eq(units.id, account.unitId))
      : [];
    const [recommender] = account.recommenderId
      ? await tx
          .select({ name: recommenders.nameZh, divisionCode: recommenders.divisionCode })
          .from(recommenders)
          .where(eq(recommenders.id, account.recommenderId))
      : [];
    return {
      caller: {
        accountId: account.id,
        username: account.username,
        displayName: account.displayName,
        roles: await approvedRoles(tx, account.id),
        unitId: account.unitId,
        unitName: unit?.name ?? null,
        recommenderId: account.recommenderId,
        recommenderName: recommender?.name ?? null,
        division: recommender?.divisionCode ?? unit?.divisionCode ?? null,
        isUnitAdmin: account.isUnitAdmin,
        mustChangePassword: account.mustChangePassword,
        isDemo: account.isDemo,
        sessionId,
        csrfToken: row.session.csrfToken,
      },
    };
  });
}

/** Housekeeping: idle sessions older than the timeout. */
export async function purgeIdleSessions(tx: Tx, clock: Clock): Promise<void> {
  await tx.delete(sessions).where(lt(sessions.lastSeenAt, new Date(clock.now().getTime() - idleMs)));
}

export async function destroyAccountSessions(tx: Tx, accountIds: string[]): Promise<void> {
  if (accountIds.length) await tx.delete(sessions).where(inArray(sessions.accountId, accountIds));
}
