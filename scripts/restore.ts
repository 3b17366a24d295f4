/**
 * `npm run restore -- <backup dir> [--force]`: checks every part of the backup against its SM3 digest and the keys
 * in use against the backup's key check, restores the database into an empty target (the embedded data directory
 * or an empty PostgreSQL database in DATABASE_URL) and the files (into the files directory, or the S3 bucket when
 * S3_BUCKET is set), then compares every table with the manifest and verifies the audit chain. `--force` moves
 * what is in the way aside (`*.before-restore-<time>`), never deletes it; a bucket need not be empty.
 *
 * Exit 0 when restored and verified, 1 when restored but a table or the audit chain differs, 2 when refused.
 */

import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { readCheckpointForVerify, verifyAuditChain } from "../server/audit/audit-log";
import { checkpointPath } from "../server/audit/checkpoint";
import { BackupError, readBackup, restoreBackup } from "../server/backup/backup";
import { tableDigests } from "../server/backup/table-digests";
import { ConfigError, loadConfig } from "../server/config/config";
import { keyFileName } from "../server/config/key-file";
import { S3ByteStore } from "../server/storage/s3-store";
import { runCli } from "./cli-exit";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const from = argv.find((argument) => !argument.startsWith("--"));
  if (!from || !existsSync(resolve(from))) {
    throw new BackupError(
      "用法：npm run restore -- <备份目录> [--force]",
      "usage: npm run restore -- <backup dir> [--force]",
    );
  }
  const config = loadConfig();
  if (config.keyFile?.created) {
    // New demo keys were just made for an empty directory: they cannot be the backup's.
    rmSync(config.keyFile.path, { force: true });
    throw new BackupError(
      `这里没有密钥：请设置备份时使用的 AUDIT_KEY 与 PII_KEY，或把原数据目录中的 ${keyFileName} 复制到 ${config.dataDir}。`,
      `No keys here: set the AUDIT_KEY and PII_KEY the backup was made with, or copy ${keyFileName} from the original data directory into ${config.dataDir}.`,
    );
  }
  const manifest = await readBackup(resolve(from), config.keys);
  const database = await restoreBackup(
    resolve(from),
    {
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      filesDir: resolve(config.dataDir, "files"),
      bucket: config.s3 && new S3ByteStore(config.s3),
      checkpointFile: checkpointPath(config.dataDir),
      keys: config.keys,
      now: new Date(),
    },
    argv.includes("--force"),
  );
  try {
    const restored = await tableDigests(database);
    const differing = Object.keys({ ...manifest.tables, ...restored }).filter(
      (name) => JSON.stringify(restored[name]) !== JSON.stringify(manifest.tables[name]),
    );
    // The restored checkpoint (when the backup had one): the restored chain must still reach it.
    const checkpoint = await readCheckpointForVerify(checkpointPath(config.dataDir));
    const verdict = await verifyAuditChain(database.db, config.keys.audit, { checkpoint });
    console.log(
      `已恢复 ${Object.keys(restored).length} 张表、${Object.keys(manifest.files).length} 个文件；与备份不同的表：${differing.length ? differing.join("、") : "无"}；审计链${verdict.ok ? `完整（${verdict.checked} 条）` : "被破坏"}\n` +
        `restored ${Object.keys(restored).length} tables and ${Object.keys(manifest.files).length} files; tables differing from the backup: ${differing.length ? differing.join(", ") : "none"}; audit chain ${verdict.ok ? `intact (${verdict.checked} entries)` : "broken"}`,
    );
    return differing.length === 0 && verdict.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

await runCli(main, [BackupError, ConfigError]);
