import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ApiToken, ServiceAccount } from "../../contracts/service-accounts";
import type { Executor } from "./client";
import { accounts, apiTokens, roleGrants } from "./schema";

const count = sql<number>`count(*)::int`;

type TokenRow = typeof apiTokens.$inferSelect;

/** A token as lists show it (never its digest): live, expired or revoked at `now`. */
export function presentApiToken(row: TokenRow, now: Date): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "live",
  };
}

/**
 * One page of service accounts, newest first, each with the state of its integration role and its tokens (newest
 * first). Abilities are left empty for the route to fill.
 */
export async function listServiceAccounts(
  executor: Executor,
  query: { page: number; pageSize: number },
  now: Date,
): Promise<{ items: ServiceAccount[]; total: number }> {
  const rows = await executor
    .select()
    .from(accounts)
    .where(eq(accounts.isService, true))
    .orderBy(desc(accounts.createdAt), accounts.username)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await executor.select({ n: count }).from(accounts).where(eq(accounts.isService, true));
  const ids = rows.map((row) => row.id);
  const tokens = ids.length
    ? await executor
        .select()
        .from(apiTokens)
        .where(inArray(apiTokens.accountId, ids))
        .orderBy(desc(apiTokens.createdAt))
    : [];
  // The integration role's grant rows (revocation requests aside): the newest says where the role stands.
  const grants = ids.length
    ? await executor
        .select({ accountId: roleGrants.accountId, status: roleGrants.status })
        .from(roleGrants)
        .where(and(inArray(roleGrants.accountId, ids), eq(roleGrants.role, "integration"), isNull(roleGrants.revokes)))
        .orderBy(desc(roleGrants.requestedAt))
    : [];
  return {
    total: total?.n ?? 0,
    items: rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      disabled: row.disabled,
      roleStatus: grants.find((grant) => grant.accountId === row.id)?.status ?? "none",
      createdAt: row.createdAt.toISOString(),
      tokens: tokens.filter((token) => token.accountId === row.id).map((token) => presentApiToken(token, now)),
      abilities: [],
    })),
  };
}
