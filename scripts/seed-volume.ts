/**
 * `npm run seed:volume -- --bases 10000 --applications 50000 --experts 5000`: province-scale data for the benchmarks
 * (server/volume), on the database the platform is configured for — DATABASE_URL, or the embedded one in DATA_DIR,
 * which must not be running (its data directory is locked). An empty database is first migrated and given the
 * reference and demo data, as the platform's first start does. Volume data is demo data: without AUDIT_KEY and
 * PII_KEY the demo's key file is used, as with DEMO=1.
 *
 * Exit 0 when written, 2 when it cannot run.
 */

import { RunningClock, systemClock } from "../server/clock";
import { ConfigError, loadConfig } from "../server/config/config";
import { type Database, openEmbedded, openPostgres } from "../server/db/client";
import { DataDirLockedError } from "../server/db/data-dir-lock";
import { generateVolume, type VolumeTable, volumeTables } from "../server/volume/generate-volume";
import { prepareVolumeDatabase } from "../server/volume/prepare-database";
import { parseVolumeArguments, volumeUsage } from "../server/volume/volume-arguments";
import { VolumeError } from "../server/volume/volume-error";
import { runCli } from "./cli-exit";

const tableNames: Record<VolumeTable, string> = {
  units: "依托单位 units",
  people: "人员 people",
  calls: "认定批次 calls",
  applications: "申报 applications",
  application_events: "申报记录 application events",
  bases: "基地 bases",
  experts: "专家 experts",
};

async function open(databaseUrl: string | undefined, dataDir: string): Promise<Database> {
  if (databaseUrl) return openPostgres(databaseUrl, 2);
  return openEmbedded(dataDir).catch((error: unknown) => {
    if (error instanceof DataDirLockedError) {
      throw new VolumeError(
        `平台正在运行（数据目录 ${dataDir} 被锁定）：请先停止平台，再写入容量数据。`,
        `The platform is running (its data directory ${dataDir} is locked): stop it first, then write the volume data.`,
      );
    }
    throw error;
  });
}

async function main(): Promise<number> {
  const parsed = parseVolumeArguments(process.argv.slice(2));
  if (parsed.kind === "help") {
    console.log(volumeUsage);
    return 0;
  }
  if (parsed.kind === "invalid") throw new VolumeError(parsed.messageZh, `${parsed.messageEn}\n${volumeUsage}`);
  const config = loadConfig({ ...process.env, DEMO: process.env.DEMO ?? "1" });
  const clock = config.demoClock ? new RunningClock(config.demoClock) : systemClock;
  const database = await open(config.databaseUrl, config.dataDir);
  try {
    const deps = { database, clock, keys: config.keys };
    const started = performance.now();
    if (await prepareVolumeDatabase(deps, config)) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `空数据库：已建表并载入基础数据与演示数据（${seconds} 秒）/ empty database: migrated, seeded, demo loaded (${seconds} s)`,
      );
    }
    const report = await generateVolume(deps, parsed.sizes);
    const where = config.databaseUrl ? "PostgreSQL" : `PGlite ${config.dataDir}`;
    console.log(
      `容量数据已写入，用时 ${report.seconds.toFixed(1)} 秒 / volume data written in ${report.seconds.toFixed(1)} s (${where})`,
    );
    console.log(`${"表 table".padEnd(32)}${"新增 added".padStart(12)}${"合计 total".padStart(12)}`);
    for (const table of volumeTables) {
      console.log(
        `${tableNames[table].padEnd(32)}${String(report.written[table]).padStart(12)}${String(report.totals[table]).padStart(12)}`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}

await runCli(main, [VolumeError, ConfigError]);
