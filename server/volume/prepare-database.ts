import { sql } from "drizzle-orm";
import type { CommandDeps } from "../commands/command";
import { accounts } from "../db/schema";
import { loadDemo } from "../demo/load-demo";
import { seedReferenceData } from "../reference/seed-reference";
import type { StorageSettings } from "../storage/files";

/**
 * Brings the database to what the platform's first start leaves (migrations, reference data, the demo) when it
 * holds nothing yet, as bench/run.ts does; otherwise only applies pending migrations, as every start does.
 * Returns true when it loaded the demo.
 */
export async function prepareVolumeDatabase(deps: CommandDeps, storage: StorageSettings): Promise<boolean> {
  const { database } = deps;
  const empty =
    (await database.appliedMigrations()) === 0 ||
    Number((await database.db.select({ n: sql<number>`count(*)::int` }).from(accounts))[0]?.n ?? 0) === 0;
  await database.migrate();
  if (!empty) return false;
  await seedReferenceData(deps);
  return loadDemo(deps, storage);
}
