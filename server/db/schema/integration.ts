import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * API tokens of service accounts (issue 18; docs/integration.md): shown once when issued, stored only as the SM3
 * digest of the token (like a session's id), so a stolen table yields no live token. A token works until it expires
 * or is revoked; `last_used_at` is written at most once a minute, not audited per request.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    name: text("name").notNull(),
    /** SM3 of the whole token, hex. */
    tokenHash: text("token_hash").notNull(),
    /** The token's first characters, to tell tokens apart in lists and logs (`gat_` and four more). */
    prefix: text("prefix").notNull(),
    createdBy: text("created_by"),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
    revokedBy: text("revoked_by"),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_account_idx").on(t.accountId)],
);

/**
 * Responses to writes sent with an `Idempotency-Key` header (server/http/idempotency.ts), kept 24 hours: the key is
 * claimed (a row without a status) before the write runs, so a concurrent repeat finds it taken; the response is
 * stored once the write has answered, and a repeat with the same request gets it back.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    accountId: text("account_id").notNull(),
    key: text("key").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    /** SM3 of the request's query and body (canonical JSON): a repeat must send the same. */
    requestHash: text("request_hash").notNull(),
    /** Null while the first request is being answered. */
    statusCode: integer("status_code"),
    contentType: text("content_type"),
    body: text("body"),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.key, t.method, t.path] }),
    index("idempotency_keys_expires_idx").on(t.expiresAt),
  ],
);
