import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { IssuedApiToken } from "../../contracts/service-accounts";
import { decideTokenIssue } from "../../policy/access/service-accounts";
import { authorize } from "../access/scope";
import { newApiToken } from "../auth/api-tokens";
import { accounts, apiTokens } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { execute, type Invocation } from "./command";
import { insertGrant } from "./create-account";
import { assertUsernameFree } from "./unit-shared";

/** Never a password hash: argon2 verifies nothing against it, and the login refuses service accounts before trying. */
const noPassword = "!service-account: signs in with API tokens only";

/**
 * The system administrator creates a service account for an outside system (policy/access/service-accounts.ts): no
 * password, no unit, and a request for the integration role that the security administrator decides (三员, as every
 * role). Its tokens act once the role is approved.
 */
export async function createServiceAccount(
  invocation: Invocation,
  options: { username: string; displayName: string },
): Promise<string> {
  const { deps, actor, caller } = invocation;
  const id = randomUUID();
  return execute(deps, actor, "account.create-service", { type: "account", id }, async (context) => {
    await authorize(context.tx, caller, "api-token.manage");
    await assertUsernameFree(context.tx, options.username);
    await context.tx.insert(accounts).values({
      id,
      username: options.username,
      displayName: options.displayName,
      passwordHash: noPassword,
      mustChangePassword: false,
      isService: true,
      createdAt: context.clock.now(),
    });
    await insertGrant(context.tx, context, id, "integration");
    await context.audit({
      changes: { username: options.username, displayName: options.displayName, requestedRoles: ["integration"] },
    });
    return id;
  });
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Issues an API token for a service account: the token is returned once and only its SM3 digest is kept. The audit
 * entry and the account's notification name the token by its prefix, never in full.
 */
export async function issueApiToken(
  invocation: Invocation,
  options: { accountId: string; name: string; expiresInDays: number },
): Promise<IssuedApiToken> {
  const { deps, actor, caller } = invocation;
  const id = randomUUID();
  return execute(deps, actor, "api-token.issue", { type: "account", id: options.accountId }, async (context) => {
    const [account] = await context.tx
      .select({ service: accounts.isService, disabled: accounts.disabled })
      .from(accounts)
      .where(eq(accounts.id, options.accountId))
      .for("update");
    const decision = decideTokenIssue(account ?? { service: false, disabled: false }, caller.roles);
    if (!decision.ok) throw new Refused(decision.kind, decision.refusal);
    const now = context.clock.now();
    const expiresAt = new Date(now.getTime() + options.expiresInDays * dayMs);
    const { token, hash, prefix } = newApiToken();
    await context.tx.insert(apiTokens).values({
      id,
      accountId: options.accountId,
      name: options.name,
      tokenHash: hash,
      prefix,
      createdBy: actor.accountId,
      createdAt: now,
      expiresAt,
    });
    await context.audit({ changes: { token: id, name: options.name, prefix, expiresAt: expiresAt.toISOString() } });
    await context.enqueue({
      kind: "notify",
      accountIds: [options.accountId],
      titleZh: `已签发 API 令牌“${options.name}”（${prefix}…），有效期至 ${expiresAt.toISOString().slice(0, 10)}`,
      titleEn: `API token "${options.name}" (${prefix}…) issued, valid until ${expiresAt.toISOString().slice(0, 10)}`,
    });
    return {
      id,
      name: options.name,
      prefix,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
      status: "live" as const,
      token,
    };
  });
}

/** Revokes a token at once: the next request with it is a 401. Revoking twice is a 409. */
export async function revokeApiToken(invocation: Invocation, options: { tokenId: string }): Promise<void> {
  const { deps, actor, caller } = invocation;
  const [found] = await deps.database.db
    .select({ accountId: apiTokens.accountId })
    .from(apiTokens)
    .where(eq(apiTokens.id, options.tokenId));
  await execute(deps, actor, "api-token.revoke", { type: "account", id: found?.accountId ?? null }, async (context) => {
    await authorize(context.tx, caller, "api-token.manage");
    const [row] = await context.tx.select().from(apiTokens).where(eq(apiTokens.id, options.tokenId)).for("update");
    if (!row) throw refused.notFound("API token", "API 令牌");
    if (row.revokedAt) {
      throw refused.conflict({
        code: "token-revoked",
        messageZh: "该令牌已吊销。",
        messageEn: "The token is already revoked.",
      });
    }
    const now = context.clock.now();
    await context.tx
      .update(apiTokens)
      .set({ revokedAt: now, revokedBy: actor.accountId })
      .where(and(eq(apiTokens.id, row.id), isNull(apiTokens.revokedAt)));
    await context.audit({ changes: { token: row.id, name: row.name, prefix: row.prefix } });
    await context.enqueue({
      kind: "notify",
      accountIds: [row.accountId],
      titleZh: `API 令牌“${row.name}”（${row.prefix}…）已吊销`,
      titleEn: `API token "${row.name}" (${row.prefix}…) revoked`,
    });
  });
}
