import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import type { Keys } from "../config/key-file";
import { hmacSm3, sm3 } from "../crypto/sm";
import { type Database, openEmbedded, openPostgres } from "../db/client";
import { files as filesTable } from "../db/schema";
import type { ByteStore } from "../storage/byte-store";
import { stagingDirectoryName } from "../storage/files";
import { tableDigests } from "./table-digests";

const run = promisify(execFile);

export const backupFormat = "guohe-backup/1";
const manifestName = "manifest.json";
const embeddedDump = "database.tar.gz";
const postgresDump = "database.dump";
const checkpointCopy = "audit-checkpoint.json";

const manifestSchema = z.object({
  format: z.literal(backupFormat),
  createdAt: z.string(),
  kind: z.enum(["pglite", "postgres"]),
  /** HMAC-SM3 of a constant under each key: proves the keys match without holding them. */
  keyCheck: z.string(),
  database: z.object({ file: z.string(), sm3: z.string() }),
  /** Per table (schema.name): row count and a digest of its rows, compared after a restore. */
  tables: z.record(z.string(), z.object({ rows: z.number(), digest: z.string() })),
  /** The files directory: path relative to it → SM3 of its bytes. */
  files: z.record(z.string(), z.string()),
  /** The signed audit checkpoint kept outside the database, when there was one: SM3 of the file. */
  checkpoint: z.object({ sm3: z.string() }).nullable().default(null),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Why a backup or restore cannot go on; the CLI prints both languages and exits 2. */
export class BackupError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh}\n${messageEn}`);
  }
}

export function keyCheck(keys: Keys): string {
  return `${hmacSm3(keys.audit, "guohe-backup-key-check")}:${hmacSm3(keys.pii, "guohe-backup-key-check")}`;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

async function digestFiles(root: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const path of await listFiles(root)) digests[path] = sm3(await readFile(join(root, path)));
  return digests;
}

/** Runs `work` on every item, `width` at a time: a bucket takes milliseconds per request, mostly waiting. */
async function forEachConcurrently<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/**
 * Reads every stored file the database holds from the bucket into `dir`, under its key (the layout of the files
 * directory, so a backup restores onto either storage). An object gone since the dump (discarded: no row holds it
 * any more) is skipped, as `cp` skips a file deleted meanwhile.
 */
async function copyFromBucket(database: Database, bucket: ByteStore, dir: string) {
  const keys = await database.db.selectDistinct({ key: filesTable.storageKey }).from(filesTable);
  await forEachConcurrently(keys, 4, async ({ key }) => {
    const path = join(dir, key);
    await mkdir(dirname(path), { recursive: true });
    try {
      await pipeline(bucket.stream(key), createWriteStream(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      await rm(path, { force: true });
    }
  });
}

export interface BackupSource {
  database: Database;
  /** `DATABASE_URL` when the database is PostgreSQL: pg_dump reads it. */
  databaseUrl: string | undefined;
  filesDir: string;
  /** Set when the files are kept in an S3-compatible bucket: they are read from it instead of `filesDir`. */
  bucket?: ByteStore;
  /** Where the platform keeps the signed audit checkpoint (server/audit/checkpoint.ts `checkpointPath`). */
  checkpointFile: string;
  keys: Keys;
  now: Date;
}

/**
 * Writes the database, the stored files (the files directory, or read from the bucket) and a manifest of SM3 digests
 * into `outDir` (which must not exist yet).
 * The embedded database must be open here (its data directory locked, so the platform is stopped); PostgreSQL is
 * dumped by pg_dump in one snapshot and may stay in use.
 */
export async function createBackup(source: BackupSource, outDir: string): Promise<BackupManifest> {
  if (await stat(outDir).catch(() => null)) {
    throw new BackupError(`备份目录已存在：${outDir}`, `The backup directory already exists: ${outDir}`);
  }
  await mkdir(outDir, { recursive: true });
  // The checkpoint before the database: it is then never newer than the chain the dump holds, so the restored chain
  // reaches it.
  const checkpoint = await readFile(source.checkpointFile).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (checkpoint) await writeFile(join(outDir, checkpointCopy), checkpoint, { mode: 0o600 });
  const kind = source.database.kind;
  const tables = await tableDigests(source.database);
  let file: string;
  if (kind === "pglite") {
    if (!source.database.dumpDataDir) throw new Error("embedded database without dumpDataDir");
    const tar = Buffer.from(await (await source.database.dumpDataDir()).arrayBuffer());
    file = embeddedDump;
    await writeFile(join(outDir, file), gzipSync(tar));
  } else {
    if (!source.databaseUrl) throw new Error("PostgreSQL backup without its URL");
    file = postgresDump;
    await pgTool("pg_dump", ["--format=custom", "--no-owner", `--file=${join(outDir, file)}`, source.databaseUrl]);
  }
  if (source.bucket) await copyFromBucket(source.database, source.bucket, join(outDir, "files"));
  else {
    // Uploads still in flight (staged, not stored) are no part of the backup; one vanishing mid-copy would end it.
    const filter = (path: string) => relative(source.filesDir, path) !== stagingDirectoryName;
    await cp(source.filesDir, join(outDir, "files"), { recursive: true, filter }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      },
    );
  }
  const manifest: BackupManifest = {
    format: backupFormat,
    createdAt: source.now.toISOString(),
    kind,
    keyCheck: keyCheck(source.keys),
    database: { file, sm3: sm3(await readFile(join(outDir, file))) },
    tables,
    files: await digestFiles(join(outDir, "files")),
    checkpoint: checkpoint ? { sm3: sm3(checkpoint) } : null,
  };
  await writeFile(join(outDir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest and checks every part against its digest and the keys in use; refuses on any difference. */
export async function readBackup(fromDir: string, keys: Keys): Promise<BackupManifest> {
  const text = await readFile(join(fromDir, manifestName), "utf8").catch(() => null);
  const parsed = text === null ? null : manifestSchema.safeParse(JSON.parse(text));
  if (!parsed?.success) {
    throw new BackupError(
      `不是本平台的备份（缺少或无法读取 ${manifestName}）：${fromDir}`,
      `Not a backup of this platform (${manifestName} missing or unreadable): ${fromDir}`,
    );
  }
  const manifest = parsed.data;
  if (manifest.keyCheck !== keyCheck(keys)) {
    throw new BackupError(
      "当前密钥（AUDIT_KEY、PII_KEY）与备份时的密钥不同：恢复后个人信息无法解密、审计链无法校验。请使用备份时的密钥。",
      "The keys in use (AUDIT_KEY, PII_KEY) are not the keys of the backup: personal data could not be decrypted nor the audit chain verified. Use the backup's keys.",
    );
  }
  const damaged: string[] = [];
  const databaseBytes = await readFile(join(fromDir, manifest.database.file)).catch(() => null);
  if (!databaseBytes || sm3(databaseBytes) !== manifest.database.sm3) damaged.push(manifest.database.file);
  const files = await digestFiles(join(fromDir, "files"));
  for (const [path, digest] of Object.entries(manifest.files))
    if (files[path] !== digest) damaged.push(`files/${path}`);
  for (const path of Object.keys(files)) if (!(path in manifest.files)) damaged.push(`files/${path}`);
  if (manifest.checkpoint) {
    const checkpoint = await readFile(join(fromDir, checkpointCopy)).catch(() => null);
    if (!checkpoint || sm3(checkpoint) !== manifest.checkpoint.sm3) damaged.push(checkpointCopy);
  }
  if (damaged.length) {
    throw new BackupError(
      `备份已损坏或被改动，未恢复任何内容：${damaged.slice(0, 10).join("、")}`,
      `The backup is damaged or was changed; nothing was restored: ${damaged.slice(0, 10).join(", ")}`,
    );
  }
  return manifest;
}

export interface RestoreTarget {
  /** Set for PostgreSQL (an empty database); unset for the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  filesDir: string;
  /**
   * Set when the files are kept in an S3-compatible bucket: they are put there instead of into `filesDir`. The bucket
   * need not be empty: a key names its content (SHA-256), so an object already there holds the same bytes.
   */
  bucket?: ByteStore;
  /** Where the restored platform will look for its audit checkpoint. */
  checkpointFile: string;
  keys: Keys;
  now: Date;
}

async function isEmptyDir(path: string): Promise<boolean> {
  const entries = await readdir(path).catch(() => []);
  return entries.length === 0;
}

/**
 * Restores a checked backup: the embedded database into an empty `dataDir/pgdata`, or PostgreSQL into an empty
 * database; then the files. With `force`, what is there is moved aside (`*.before-restore-<time>`), never deleted.
 * Returns the restored database, open, for the caller to compare and verify.
 */
export async function restoreBackup(fromDir: string, target: RestoreTarget, force = false): Promise<Database> {
  const manifest = await readBackup(fromDir, target.keys);
  const wanted = target.databaseUrl ? "postgres" : "pglite";
  if (manifest.kind !== wanted) {
    throw new BackupError(
      `备份来自${manifest.kind === "pglite" ? "内置数据库" : " PostgreSQL"}，不能恢复到${wanted === "pglite" ? "内置数据库" : " PostgreSQL"}。`,
      `The backup is of ${manifest.kind === "pglite" ? "the embedded database" : "PostgreSQL"}; it cannot be restored into ${wanted === "pglite" ? "the embedded database" : "PostgreSQL"}.`,
    );
  }
  const aside = `.before-restore-${target.now.toISOString().replace(/[:.]/g, "-")}`;
  const pgdata = join(target.dataDir, "pgdata");
  // Every target is checked before anything is written: a refusal leaves all of them as they were.
  const occupied: string[] = [];
  if (!target.databaseUrl && !(await isEmptyDir(pgdata))) occupied.push(pgdata);
  if (target.databaseUrl && !(await isEmptyPostgres(target.databaseUrl))) {
    occupied.push(target.databaseUrl.replace(/\/\/[^@]*@/, "//"));
  }
  if (!target.bucket && !(await isEmptyDir(target.filesDir))) occupied.push(target.filesDir);
  // A checkpoint already there belongs to another chain: the restored one would not reach it.
  if (await stat(target.checkpointFile).catch(() => null)) occupied.push(target.checkpointFile);
  if (occupied.length && !force) throw notEmpty(occupied.join(", "));

  let database: Database;
  if (!target.databaseUrl) {
    if (occupied.includes(pgdata)) await rename(pgdata, `${pgdata}${aside}`);
    const tar = gunzipSync(await readFile(join(fromDir, manifest.database.file)));
    database = await openEmbedded(target.dataDir, { loadDataDir: new Blob([tar]) });
  } else {
    await pgTool("pg_restore", [
      "--no-owner",
      "--clean",
      "--if-exists",
      "--exit-on-error",
      `--dbname=${target.databaseUrl}`,
      join(fromDir, manifest.database.file),
    ]);
    database = await openPostgres(target.databaseUrl, 2);
  }
  if (target.bucket) {
    const { bucket } = target;
    await forEachConcurrently(Object.keys(manifest.files), 4, async (path) => {
      await bucket.putBuffer(path, await readFile(join(fromDir, "files", path)));
    });
  } else {
    if (occupied.includes(target.filesDir)) await rename(target.filesDir, `${target.filesDir}${aside}`);
    await mkdir(target.filesDir, { recursive: true });
    await cp(join(fromDir, "files"), target.filesDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
  if (occupied.includes(target.checkpointFile)) await rename(target.checkpointFile, `${target.checkpointFile}${aside}`);
  if (manifest.checkpoint) {
    await mkdir(dirname(target.checkpointFile), { recursive: true, mode: 0o700 });
    await writeFile(target.checkpointFile, await readFile(join(fromDir, checkpointCopy)), { mode: 0o600 });
  }
  return database;
}

async function isEmptyPostgres(url: string): Promise<boolean> {
  const database = await openPostgres(url, 1);
  try {
    const result = await database.executeSql(
      "select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
    );
    return Number((result.rows[0] as { n: number }).n) === 0;
  } finally {
    await database.close();
  }
}

function notEmpty(where: string) {
  return new BackupError(
    `恢复目标不为空：${where}。确认要替换时加 --force（原内容移到一旁，不删除）。`,
    `The restore target is not empty: ${where}. Add --force to replace it (what is there is moved aside, not deleted).`,
  );
}

/** pg_dump / pg_restore from PATH, or from the newest /usr/lib/postgresql/<n>/bin. */
async function pgTool(tool: "pg_dump" | "pg_restore", args: string[]): Promise<void> {
  const versions = (await readdir("/usr/lib/postgresql").catch(() => []))
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  const candidates = [...versions.map((version) => `/usr/lib/postgresql/${version}/bin/${tool}`), tool];
  for (const candidate of candidates) {
    try {
      await run(candidate, args, { maxBuffer: 16 * 1024 * 1024 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      throw new BackupError(`${tool} 失败：${stderr.trim()}`, `${tool} failed: ${stderr.trim()}`);
    }
  }
  throw new BackupError(
    `找不到 ${tool}：请安装 postgresql-client（与服务器同一主版本）。`,
    `${tool} not found: install postgresql-client (the server's major version).`,
  );
}
