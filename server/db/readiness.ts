import { sql } from "drizzle-orm";
import type { Database } from "./client";

/** Whether the database answers (a failure throws) and how many migrations it has applied: what /readyz reports. */
export async function appliedMigrationsIfUp(database: Database): Promise<number> {
  await database.db.execute(sql`select 1`);
  return database.appliedMigrations();
}
