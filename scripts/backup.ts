/**
 * `npm run backup [-- --out <dir>]`: the database (pg_dump for PostgreSQL, the data directory's dump for the
 * embedded one), the stored files (the files directory, or read from the S3 bucket) and a manifest of SM3 digests with a check of the keys (never the keys). The
 * embedded platform must be stopped (its data directory is locked while it runs); PostgreSQL may stay in use.
 * The keys are not in the backup: keep AUDIT_KEY and PII_KEY (or the demo's keys.json) apart from it.
 *
 * Exit 0 when written, 2 when it cannot run.
 */

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkpointPath } from "../server/audit/checkpoint";
import { BackupError, createBackup } from "../server/backup/backup";
import { ConfigError, loadConfig } from "../server/config/config";
import { openEmbedded, openPostgres } from "../server/db/client";
import { DataDirLockedError } from "../server/db/data-dir-lock";
import { S3ByteStore } from "../server/storage/s3-store";
import { runCli } from "./cli-exit";

function outArgument(argv: string[], now: Date): string {
  const index = argv.indexOf("--out");
  if (index !== -1 && argv[index + 1]) return resolve(argv[index + 1]!);
  return resolve("backups", `guohe-${now.toISOString().replace(/[:.]/g, "-")}`);
}

async function main(): Promise<number> {
  // Before the configuration is read: in demo mode that would create the data directory's key file.
  const dataDir = resolve(process.env.DATA_DIR || "./data");
  if (!process.env.DATABASE_URL && !existsSync(join(dataDir, "pgdata"))) {
    throw new BackupError(
      `这里还没有平台数据（${dataDir}），无可备份。`,
      `There is no platform data here (${dataDir}) to back up.`,
    );
  }
  const config = loadConfig();
  const now = new Date();
  const out = outArgument(process.argv.slice(2), now);
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, 2)
    : await openEmbedded(config.dataDir).catch((error: unknown) => {
        if (error instanceof DataDirLockedError) {
          throw new BackupError(
            "平台正在运行（数据目录被锁定）：请先停止平台，再备份内置数据库。",
            "The platform is running (its data directory is locked): stop it first, then back up the embedded database.",
          );
        }
        throw error;
      });
  try {
    if ((await database.appliedMigrations()) === 0) {
      throw new BackupError("这里还没有平台数据，无可备份。", "There is no platform data here to back up.");
    }
    const manifest = await createBackup(
      {
        database,
        databaseUrl: config.databaseUrl,
        filesDir: resolve(config.dataDir, "files"),
        bucket: config.s3 && new S3ByteStore(config.s3),
        checkpointFile: checkpointPath(config.dataDir),
        keys: config.keys,
        now,
      },
      out,
    );
    const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `备份完成：${out}（${Object.keys(manifest.tables).length} 张表、${rows} 行、${Object.keys(manifest.files).length} 个文件${manifest.checkpoint ? "、审计检查点" : ""}）\n` +
        `backup written: ${out} (${Object.keys(manifest.tables).length} tables, ${rows} rows, ${Object.keys(manifest.files).length} files${manifest.checkpoint ? ", the audit checkpoint" : ""})`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

await runCli(main, [BackupError, ConfigError]);
