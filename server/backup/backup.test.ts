import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appendAudit, readCheckpointForVerify, verifyAuditChain } from "../audit/audit-log";
import { signCheckpoint, writeCheckpoint } from "../audit/checkpoint";
import { ManualClock } from "../clock";
import type { Keys } from "../config/key-file";
import { type Database, openEmbedded, openPostgres } from "../db/client";
import { FileStore } from "../storage/files";
import { S3ByteStore } from "../storage/s3-store";
import { testClockStart, testKeys } from "../test/constants";
import { type DatabaseKind, databaseKinds } from "../test/harness";
import { startS3Server, type TestS3Server } from "../test/s3-server";
import { BackupError, createBackup, readBackup, restoreBackup } from "./backup";
import { tableDigests } from "./table-digests";

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

async function newDatabase(kind: DatabaseKind, dataDir: string): Promise<{ database: Database; url?: string }> {
  if (kind === "pglite") {
    const tarball = readFileSync(inject("pgliteTemplate"));
    return { database: await openEmbedded(dataDir, { loadDataDir: new Blob([tarball]) }) };
  }
  const url = await emptyPostgres(`template ${inject("postgresTemplate")}`);
  return { database: await openPostgres(url, 2), url };
}

async function emptyPostgres(template = ""): Promise<string> {
  const name = `guohe_b_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name} ${template}`);
  await admin.end();
  const target = new URL(process.env.TEST_DATABASE_URL!);
  target.pathname = `/${name}`;
  return target.toString();
}

describe.each(databaseKinds())("backup and restore on %s", (kind) => {
  const root = join(inject("testRoot"), `backup-${randomUUID()}`);
  const source = { dataDir: join(root, "source"), backup: join(root, "backup") };
  const checkpointFile = join(source.dataDir, "audit-checkpoint.json");
  const clock = new ManualClock(testClockStart);
  let database: Database;
  let url: string | undefined;

  beforeAll(async () => {
    mkdirSync(source.dataDir, { recursive: true });
    ({ database, url } = await newDatabase(kind, source.dataDir));
    const store = new FileStore(join(source.dataDir, "files"));
    await database.transaction(async (tx) => {
      for (const text of ["申报书", "合作协议"]) {
        await store.save(tx, clock, { name: `${text}.pdf`, content: pdf(text), uploadedBy: null }, ["pdf"]);
      }
      for (let n = 0; n < 5; n += 1) {
        await appendAudit(tx, testKeys.audit, clock, {
          actorId: null,
          actorName: "system",
          actorRole: null,
          action: "test.backup",
          outcome: "success",
        });
      }
    });
    // An upload still in flight (staged, not stored) is no part of the backup: the restore test finds two files.
    mkdirSync(join(source.dataDir, "files", ".staging"), { recursive: true });
    writeFileSync(join(source.dataDir, "files", ".staging", "in-flight"), pdf("未存"));
    // The signed checkpoint of the head, as the running platform keeps it beside its data.
    const [head] = (await database.executeSql("select seq, mac from audit_head where id = 1")).rows as Array<{
      seq: number | string;
      mac: string;
    }>;
    await writeCheckpoint(
      checkpointFile,
      signCheckpoint(testKeys.audit, { seq: Number(head!.seq), mac: head!.mac, at: clock.now() }),
    );
    await createBackup(
      {
        database,
        databaseUrl: url,
        filesDir: join(source.dataDir, "files"),
        checkpointFile,
        keys: testKeys,
        now: clock.now(),
      },
      source.backup,
    );
  }, 120_000);
  afterAll(() => database.close());

  const target = async (name: string) => {
    const dataDir = join(root, name);
    mkdirSync(dataDir, { recursive: true });
    return {
      databaseUrl: kind === "postgres" ? await emptyPostgres() : undefined,
      dataDir,
      filesDir: join(dataDir, "files"),
      checkpointFile: join(dataDir, "audit-checkpoint.json"),
      keys: testKeys,
      now: clock.now(),
    };
  };

  it("restores every table and every stored file exactly, and the audit chain verifies", {
    timeout: 120_000,
  }, async () => {
    const into = await target("restored");
    const restored = await restoreBackup(source.backup, into);
    try {
      expect(await tableDigests(restored)).toEqual(await tableDigests(database));
      const auditRows = (await tableDigests(restored))["public.audit_log"];
      expect(auditRows?.rows).toBeGreaterThanOrEqual(5);
      // The checkpoint comes back beside the data, and the restored chain reaches it.
      expect(readFileSync(into.checkpointFile, "utf8")).toBe(readFileSync(checkpointFile, "utf8"));
      const checkpoint = await readCheckpointForVerify(into.checkpointFile);
      const verdict = await verifyAuditChain(restored.db, testKeys.audit, { checkpoint });
      expect(verdict.ok).toBe(true);
      expect(verdict.checkpoint?.status).toBe("reached");
      expect(verdict.checked).toBe(auditRows?.rows);
      const files = (dir: string) =>
        readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      const restoredFiles = files(into.filesDir).map((entry) => readFileSync(join(entry.parentPath, entry.name)));
      expect(restoredFiles.map(String).sort()).toEqual([pdf("合作协议"), pdf("申报书")].map(String).sort());
    } finally {
      await restored.close();
    }
  });

  it("refuses a restore with other keys, naming them, before touching the target", async () => {
    const other: Keys = { audit: Buffer.alloc(32, 1), pii: Buffer.alloc(32, 2) };
    const error = await readBackup(source.backup, other).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).messageZh).toContain("AUDIT_KEY");
  });

  it("refuses a damaged backup and a target that is not empty", { timeout: 120_000 }, async () => {
    const into = await target("not-empty");
    mkdirSync(into.filesDir, { recursive: true });
    writeFileSync(join(into.filesDir, "left-over"), "x");
    if (kind === "pglite") {
      mkdirSync(join(into.dataDir, "pgdata"), { recursive: true });
      writeFileSync(join(into.dataDir, "pgdata", "PG_VERSION"), "17");
    }
    const refusal = await restoreBackup(source.backup, into).then(
      (restored) => restored.close().then(() => null),
      (caught: unknown) => caught,
    );
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as BackupError).messageEn).toContain("not empty");

    // Another chain's checkpoint in the way is named too, and a changed checkpoint copy makes the backup damaged.
    const withCheckpoint = await target("other-checkpoint");
    writeFileSync(withCheckpoint.checkpointFile, "{}");
    const occupied = await restoreBackup(source.backup, withCheckpoint).catch((caught: unknown) => caught);
    expect((occupied as BackupError).messageEn).toContain(withCheckpoint.checkpointFile);
    const copy = join(source.backup, "audit-checkpoint.json");
    const kept = readFileSync(copy);
    writeFileSync(copy, Buffer.concat([kept, Buffer.from(" ")]));
    try {
      const changed = await readBackup(source.backup, testKeys).catch((caught: unknown) => caught);
      expect((changed as BackupError).messageEn).toContain("audit-checkpoint.json");
    } finally {
      writeFileSync(copy, kept);
    }

    const manifest = JSON.parse(readFileSync(join(source.backup, "manifest.json"), "utf8")) as {
      files: Record<string, string>;
    };
    const [first] = Object.keys(manifest.files);
    const path = join(source.backup, "files", first!);
    const original = readFileSync(path);
    writeFileSync(path, Buffer.concat([original, Buffer.from(" ")]));
    try {
      const damaged = await readBackup(source.backup, testKeys).catch((caught: unknown) => caught);
      expect(damaged).toBeInstanceOf(BackupError);
      expect((damaged as BackupError).messageEn).toContain(`files/${first}`);
    } finally {
      writeFileSync(path, original);
    }
  });
});

describe.each(databaseKinds())("backup and restore with the files in an S3 bucket on %s", (kind) => {
  const root = join(inject("testRoot"), `backup-s3-${randomUUID()}`);
  const clock = new ManualClock(testClockStart);
  let s3: TestS3Server;
  let source: S3ByteStore;
  let target: S3ByteStore;
  let database: Database;
  let url: string | undefined;

  beforeAll(async () => {
    s3 = await startS3Server(["source-files", "target-files"]);
    source = new S3ByteStore(s3.settings("source-files"));
    target = new S3ByteStore(s3.settings("target-files"));
    mkdirSync(join(root, "source"), { recursive: true });
    ({ database, url } = await newDatabase(kind, join(root, "source")));
  });
  afterAll(async () => {
    await database?.close();
    await source?.close();
    await target?.close();
    await s3?.close();
  });

  it("reads every stored file from the bucket into the archive, and puts them back into a bucket", {
    timeout: 120_000,
  }, async () => {
    const store = new FileStore(join(root, "source", "files"), source);
    const stored = await database.transaction(async (tx) => {
      const saved = [];
      for (const text of ["申报书", "合作协议"]) {
        saved.push(await store.save(tx, clock, { name: `${text}.pdf`, content: pdf(text), uploadedBy: null }, ["pdf"]));
      }
      return saved;
    });
    const keys = stored.map((file) => join(file.sha256.slice(0, 2), file.sha256)).sort();
    const backup = join(root, "backup");
    const manifest = await createBackup(
      {
        database,
        databaseUrl: url,
        filesDir: join(root, "source", "files"),
        bucket: source,
        checkpointFile: join(root, "source", "audit-checkpoint.json"),
        keys: testKeys,
        now: clock.now(),
      },
      backup,
    );
    expect(Object.keys(manifest.files).sort()).toEqual(keys);
    for (const key of keys) expect(readFileSync(join(backup, "files", key)).equals(await source.read(key))).toBe(true);

    // The target bucket need not be empty: an object already there under a key holds the same bytes.
    await target.putBuffer(keys[0]!, await source.read(keys[0]!));
    const dataDir = join(root, "restored");
    mkdirSync(dataDir, { recursive: true });
    const restored = await restoreBackup(backup, {
      databaseUrl: kind === "postgres" ? await emptyPostgres() : undefined,
      dataDir,
      filesDir: join(dataDir, "files"),
      bucket: target,
      checkpointFile: join(dataDir, "audit-checkpoint.json"),
      keys: testKeys,
      now: clock.now(),
    });
    try {
      expect(await tableDigests(restored)).toEqual(await tableDigests(database));
      for (const key of keys) expect((await target.read(key)).equals(await source.read(key))).toBe(true);
      expect(existsSync(join(dataDir, "files"))).toBe(false);
    } finally {
      await restored.close();
    }
  });
});
