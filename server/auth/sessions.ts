import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { isRole, type Role, roles as roleOrder } from "../../policy/roles";
import { resolveSecurityPolicy } from "../../policy/security/password-policy";
import type { Caller } from "../access/caller";
import type { Clock } from "../clock";
import { randomToken, sm3 } from "../crypto/sm";
import type { Database, Tx } from "../db/client";
import { cachedRead } from "../db/read-cache";
import { accounts, recommenders, roleGrants, securityPolicy, sessions, units } from "../db/schema";
import { readSecurityPolicy, securityPolicyRowId } from "./security-policy";

export const sessionCookie = "sid";
export const csrfCookie = "csrf";

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
  return inRoleOrder(rows.map((r) => r.role));
}

/** Known roles only, in the one role order. */
function inRoleOrder(held: readonly string[]): Role[] {
  const known = new Set(held.filter(isRole));
  return roleOrder.filter((role) => known.has(role));
}

export type SessionLookup = { caller: Caller } | { expired: true } | null;

/** The account's approved roles, aggregated inside the session read (so the check is one query). */
const heldRoles = sql<
  string[] | null
>`(select array_agg(${roleGrants.role}) from ${roleGrants} where ${roleGrants.accountId} = ${accounts.id} and ${roleGrants.status} = 'approved')`;

/**
 * The session read, built and prepared once per database (it runs on every signed-in request): drizzle does not
 * build it again, and PostgreSQL plans it once per connection.
 */
function prepareSessionRead(db: Database["db"]) {
  return db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      csrfToken: sessions.csrfToken,
      account: {
        id: accounts.id,
        username: accounts.username,
        displayName: accounts.displayName,
        unitId: accounts.unitId,
        recommenderId: accounts.recommenderId,
        isUnitAdmin: accounts.isUnitAdmin,
        mustChangePassword: accounts.mustChangePassword,
        isDemo: accounts.isDemo,
        disabled: accounts.disabled,
      },
      roles: heldRoles,
      unitName: units.name,
      unitDivision: units.divisionCode,
      recommenderName: recommenders.nameZh,
      recommenderDivision: recommenders.divisionCode,
      policy: securityPolicy.policy,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(units, eq(units.id, accounts.unitId))
    .leftJoin(recommenders, eq(recommenders.id, accounts.recommenderId))
    .leftJoin(securityPolicy, eq(securityPolicy.id, securityPolicyRowId))
    .where(eq(sessions.id, sql.placeholder("sessionId")))
    .prepare("load_session");
}

const preparedReads = new WeakMap<Database["db"], ReturnType<typeof prepareSessionRead>>();

function sessionRead(db: Database["db"]) {
  let prepared = preparedReads.get(db);
  if (!prepared) {
    prepared = prepareSessionRead(db);
    preparedReads.set(db, prepared);
  }
  return prepared;
}

/**
 * When this process last wrote a session's lastSeenAt: the session row may come from the read cache, read before that
 * write. Only a bound on repeated touches (a process that forgets writes one more), so it is simply emptied when large.
 */
const touchedAt = new Map<string, number>();
const maxTouched = 50_000;

/**
 * Loads the caller behind a session cookie in one read (the account's columns it needs, its approved roles and the
 * security policy's idle timeout joined in); an idle session is deleted and reported as expired. lastSeenAt is
 * written at most once a minute. The read is reused (db/read-cache.ts, issue 16) until any node commits a write —
 * a sign-out, a password change, a role or account change, a new security policy all do — or for 5 s at most.
 */
export async function loadSession(database: Database, clock: Clock, token: string): Promise<SessionLookup> {
  const sessionId = sm3(token);
  const db = database.db;
  const [row] = await cachedRead(db, `session\u0000${sessionId}`, () => sessionRead(db).execute({ sessionId }));
  if (!row) return null;
  const now = clock.now();
  const idle = now.getTime() - Math.max(row.lastSeenAt.getTime(), touchedAt.get(sessionId) ?? 0);
  if (idle > idleMsOf(row.policy) || row.account.disabled) {
    touchedAt.delete(sessionId);
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return { expired: true };
  }
  if (idle > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
    if (touchedAt.size >= maxTouched) touchedAt.clear();
    touchedAt.set(sessionId, now.getTime());
  }
  const account = row.account;
  return {
    caller: {
      accountId: account.id,
      username: account.username,
      displayName: account.displayName,
      roles: inRoleOrder(row.roles ?? []),
      unitId: account.unitId,
      unitName: row.unitName,
      recommenderId: account.recommenderId,
      recommenderName: row.recommenderName,
      division: row.recommenderDivision ?? row.unitDivision ?? null,
      isUnitAdmin: account.isUnitAdmin,
      mustChangePassword: account.mustChangePassword,
      isDemo: account.isDemo,
      sessionId,
      csrfToken: row.csrfToken,
    },
  };
}

/** Housekeeping: idle sessions older than the timeout. */
export async function purgeIdleSessions(tx: Tx, clock: Clock): Promise<void> {
  const { policy } = await readSecurityPolicy(tx);
  await tx.delete(sessions).where(lt(sessions.lastSeenAt, new Date(clock.now().getTime() - idleMsOf(policy))));
}

function idleMsOf(stored: Parameters<typeof resolveSecurityPolicy>[0]): number {
  return resolveSecurityPolicy(stored).idleTimeoutMinutes * 60_000;
}

export async function destroyAccountSessions(tx: Tx, accountIds: string[]): Promise<void> {
  if (accountIds.length) await tx.delete(sessions).where(inArray(sessions.accountId, accountIds));
}
