/**
 * `npm run audit:verify [-- --checkpoint <file>]`: recomputes the HMAC-SM3 audit chain and reports every broken or
 * missing entry, and whether the chain still reaches the signed checkpoint kept outside the database
 * (`AUDIT_CHECKPOINT_FILE`, or `audit-checkpoint.json` in the data directory; `--checkpoint` names another file, e.g.
 * a line copied from the server's log).
 *
 * Exit 0 when intact, 1 when broken or truncated, 2 when it cannot run: the embedded platform is running (its data
 * directory is locked: stop it first), there is no platform here yet, or the configuration or database is unusable.
 *
 * It only reads: it neither migrates nor loads demo data, and checks one consistent snapshot (a read-only REPEATABLE
 * READ transaction), so it may run beside a server on PostgreSQL.
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { sql } from "drizzle-orm";
import {
  type ChainVerdict,
  type CheckpointReading,
  readCheckpointForVerify,
  verifyAuditChain,
} from "../server/audit/audit-log";
import { checkpointPath } from "../server/audit/checkpoint";
import { type Config, loadConfig } from "../server/config/config";
import { type Database, openEmbedded, openPostgres } from "../server/db/client";
import { DataDirLockedError } from "../server/db/data-dir-lock";

/** Broken entries printed; the rest are counted. */
const listed = 20;

class CannotRun extends Error {}

function checkpointArgument(argv: string[]): string | undefined {
  const index = argv.indexOf("--checkpoint");
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (!value) throw new CannotRun("用法 / usage: npm run audit:verify -- --checkpoint <file>");
  return resolve(value);
}

const noPlatform = (where: string) =>
  new CannotRun(
    `这里还没有平台：${where} 中没有数据库，无可校验（本命令只读，不会建库）。\n` +
      `no platform here yet: there is no database in ${where} to verify (this command only reads; it creates nothing).`,
  );

/** Whether the embedded data directory holds a database; checked before anything could create one. */
function holdsEmbeddedDatabase(dataDir: string): boolean {
  try {
    return readdirSync(resolve(dataDir, "pgdata")).length > 0;
  } catch {
    return false;
  }
}

async function open(): Promise<{ database: Database; config: Config }> {
  if (!process.env.DATABASE_URL) {
    // Before the configuration is read: in demo mode that would create the data directory's key file.
    const dataDir = resolve(process.env.DATA_DIR || "./data");
    if (!holdsEmbeddedDatabase(dataDir)) throw noPlatform(dataDir);
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    return { database: await openPostgres(config.databaseUrl, 1), config };
  }
  try {
    return { database: await openEmbedded(config.dataDir), config };
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new CannotRun(
        "平台正在运行（数据目录被锁定）：请先停止平台，再校验审计链。\n" +
          "the platform is running (its data directory is locked): stop the platform first, then verify the audit chain.\n" +
          error.message,
      );
    }
    throw error;
  }
}

function print(verdict: ChainVerdict, reading: CheckpointReading) {
  const checkpoint = verdict.checkpoint;
  if (verdict.ok) {
    console.log(`审计链完整：已校验 ${verdict.checked} 条 / audit chain intact: ${verdict.checked} entries verified`);
    if (verdict.purgedThrough !== undefined) {
      console.log(
        `  #${verdict.purgedThrough} 及之前的条目已按保留期清理（链中有清理记录）/ entries up to #${verdict.purgedThrough} were purged by a recorded retention purge`,
      );
    }
  } else {
    const first = verdict.firstBroken!;
    console.log(
      `审计链被破坏：共 ${verdict.brokenCount} 处异常，第一处异常在 #${first.seq} / audit chain broken: ${verdict.brokenCount} problem(s), the first at entry #${first.seq}`,
    );
    for (const entry of verdict.broken.slice(0, listed)) console.log(`  #${entry.seq}: ${entry.reason}`);
    if (verdict.brokenCount > listed) {
      console.log(`  …另有 ${verdict.brokenCount - listed} 处 / … and ${verdict.brokenCount - listed} more`);
    }
    if (verdict.checked > 0 && verdict.broken.filter((entry) => /MAC/.test(entry.reason)).length === verdict.checked) {
      console.log(
        "  没有一条能通过校验：AUDIT_KEY 是平台运行时所用的密钥吗？/ no entry verifies: is AUDIT_KEY the key the platform runs with?",
      );
    }
  }
  if (checkpoint?.status === "reached") {
    console.log(
      `  检查点：链到达 #${checkpoint.seq}（${checkpoint.at}，${reading.path}）/ checkpoint: the chain reaches #${checkpoint.seq} of ${checkpoint.at} (${reading.path})`,
    );
  } else if (checkpoint?.status === "none") {
    console.log(
      `  注意：${reading.path} 没有检查点，无法排除末尾被截断（可用 --checkpoint 指定从日志中取得的检查点）/ ` +
        `note: no checkpoint at ${reading.path}: a truncated tail cannot be ruled out (--checkpoint takes one copied from the server's log)`,
    );
  }
}

async function main(): Promise<number> {
  const explicit = checkpointArgument(process.argv.slice(2));
  const { database, config } = await open();
  try {
    if ((await database.appliedMigrations()) === 0) {
      throw noPlatform(database.kind === "postgres" ? "DATABASE_URL" : config.dataDir);
    }
    // The checkpoint first, then the snapshot: the checkpoint is then never newer than what the snapshot sees.
    const reading = await readCheckpointForVerify(explicit ?? checkpointPath(config.dataDir));
    if (explicit && "checkpoint" in reading && !reading.checkpoint) {
      throw new CannotRun(`没有这个检查点文件 / no such checkpoint file: ${explicit}`);
    }
    const verdict = await database.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      return verifyAuditChain(tx, config.keys.audit, { checkpoint: reading });
    });
    print(verdict, reading);
    return verdict.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
