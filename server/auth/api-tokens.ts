import { and, eq, isNull } from "drizzle-orm";
import type { Caller } from "../access/caller";
import type { Clock } from "../clock";
import { randomToken, sm3 } from "../crypto/sm";
import type { Database } from "../db/client";
import { accounts, apiTokens } from "../db/schema";
import { approvedRoles } from "./sessions";

/** Every token starts with it, so a leaked one is recognisable in logs and by secret scanners. */
export const apiTokenPrefix = "gat_";

/** How much of a token lists and the audit log show: the prefix and four characters of the secret. */
export const shownPrefixLength = apiTokenPrefix.length + 4;

/** A new token: 32 random bytes after the prefix. Only its SM3 digest is stored. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${apiTokenPrefix}${randomToken(32)}`;
  return { token, hash: sm3(token), prefix: token.slice(0, shownPrefixLength) };
}

/** `Authorization: Bearer <token>` → the token, or null when the header is absent or another scheme. */
export function bearerTokenOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1] ?? "";
}

/** last_used_at is written at most this often, so a busy integration's reads stay reads. */
const touchEveryMs = 60_000;

/**
 * The caller behind an API token, or null when no live token matches: unknown, revoked, expired, or its account
 * disabled or not a service account. One read (token and account), a second for the roles; last_used_at at most once
 * a minute. Not audited per request (docs/integration.md): issuing and revoking are.
 */
export async function loadTokenCaller(database: Database, clock: Clock, token: string): Promise<Caller | null> {
  if (!token.startsWith(apiTokenPrefix)) return null;
  const db = database.db;
  const [row] = await db
    .select({ token: apiTokens, account: accounts })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .where(and(eq(apiTokens.tokenHash, sm3(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  const now = clock.now();
  if (row.token.expiresAt <= now || row.account.disabled || !row.account.isService) return null;
  const lastUsed = row.token.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsed > touchEveryMs) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  const account = row.account;
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    roles: await approvedRoles(db, account.id),
    unitId: null,
    unitName: null,
    recommenderId: null,
    recommenderName: null,
    division: null,
    isUnitAdmin: false,
    mustChangePassword: false,
    isDemo: account.isDemo,
    sessionId: `api-token:${row.token.id}`,
    csrfToken: "",
    apiTokenId: row.token.id,
  };
}
