import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";

/**
 * For tests that play the attacker: runs `statements` as the tables' owner could, with the append-only triggers of
 * audit_log and audit_head (migration 0011) switched off around them. The MACs and the checkpoint must still tell.
 */
export async function asOwnerWithoutTriggers(database: Database, ...statements: SQL[]): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only_rows`);
    await tx.execute(sql`alter table audit_head disable trigger audit_head_forward_only_rows`);
    for (const statement of statements) await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only_rows`);
    await tx.execute(sql`alter table audit_head enable trigger audit_head_forward_only_rows`);
  });
}
