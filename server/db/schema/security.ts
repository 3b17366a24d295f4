import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { SecurityPolicy } from "../../../policy/security/password-policy";

/**
 * The security administrator's 安全策略 (policy/security/password-policy.ts): one row, id 1, absent until first saved
 * (the defaults hold). Read with every session check (joined, no extra statement) and at each sign-in.
 */
export const securityPolicy = pgTable(
  "security_policy",
  {
    id: integer("id").primaryKey(),
    policy: jsonb("policy").$type<Partial<SecurityPolicy>>().notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [check("security_policy_one_row", sql`${t.id} = 1`)],
);
