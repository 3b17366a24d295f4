/**
 * `npm run audit:verify`: recomputes the HMAC-SM3 audit chain and names the first broken entry.
 * Exit 0 when intact, 1 when broken, 2 when it cannot run. On the embedded database, the platform must be stopped
 * first (the data directory is locked while it runs).
 */
import { verifyAuditChain } from "../server/audit/audit-log";
import { systemClock } from "../server/clock";
import { loadConfig } from "../server/config/config";
import { openEmbedded, openPostgres } from "../server/db/client";
import { loadDemo } from "../server/demo/load-demo";
import { seedReferenceData } from "../server/reference/seed-reference";

const config = loadConfig();
const database = config.databaseUrl ? await openPostgres(config.databaseUrl, 1) : await openEmbedded(config.dataDir);
try {
  await database.migrate();
  if ((await database.appliedMigrations()) > 0 && config.demo) {
    const deps = { database, clock: systemClock, keys: config.keys };
    await seedReferenceData(deps);
    await loadDemo(deps, config.dataDir);
  }
  const verdict = await verifyAuditChain(database.db, config.keys.audit);
  if (verdict.ok) {
    console.log(`审计链完整：已校验 ${verdict.checked} 条 / audit chain intact: ${verdict.checked} entries verified`);
  } else {
    const broken = verdict.firstBroken!;
    console.log(
      `审计链被破坏：第一处异常在 #${broken.seq}（${broken.reason}）/ audit chain broken at entry #${broken.seq}: ${broken.reason}`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await database.close();
}
