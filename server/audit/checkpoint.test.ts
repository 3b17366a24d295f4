import { statSync, writeFileSync } from "node:fs";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditHead, auditLog } from "../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { readCheckpointForVerify, verifyAuditChain } from "./audit-log";
import {
  checkpointPath,
  checkpointSignatureValid,
  parseCheckpoint,
  readCheckpoint,
  signCheckpoint,
} from "./checkpoint";
import { AuditCheckpointer } from "./checkpointer";
import { asOwnerWithoutTriggers } from "./testing";

describe("checkpoint signature", () => {
  const key = Buffer.alloc(32, 7);
  it("signs seq, mac and time with the audit key; another key or any edit fails", () => {
    const checkpoint = signCheckpoint(key, { seq: 12, mac: "a".repeat(64), at: new Date("2026-03-10T02:00:00Z") });
    expect(checkpointSignatureValid(key, checkpoint)).toBe(true);
    expect(checkpointSignatureValid(Buffer.alloc(32, 8), checkpoint)).toBe(false);
    expect(checkpointSignatureValid(key, { ...checkpoint, seq: 11 })).toBe(false);
    expect(checkpointSignatureValid(key, { ...checkpoint, at: "2026-03-11T02:00:00.000Z" })).toBe(false);
  });

  it("reads a checkpoint from its file or from the server's log line", () => {
    const checkpoint = signCheckpoint(key, { seq: 3, mac: "b".repeat(64), at: "2026-03-10T02:00:00.000Z" });
    const logLine = JSON.stringify({ level: 30, time: 1, auditCheckpoint: checkpoint, msg: "audit checkpoint" });
    expect(parseCheckpoint(logLine)).toEqual(checkpoint);
    expect(parseCheckpoint(JSON.stringify({ format: "guohe-audit-checkpoint/1", ...checkpoint }))).toEqual(checkpoint);
    expect(() => parseCheckpoint('{"seq": 3}')).toThrow(/not an audit checkpoint/);
    expect(() => parseCheckpoint("garbage")).toThrow(/not JSON/);
  });
});

describe.each(databaseKinds())("the signed checkpoint outside the database on %s", (kind) => {
  let t: TestApp;
  let path: string;
  const head = async () => (await t.database.db.select().from(auditHead))[0]!;
  beforeAll(async () => {
    t = await startTestApp(kind);
    path = checkpointPath(t.config.dataDir, {});
  });
  afterAll(() => t.close());

  it("the running platform keeps it in the data directory, owner-only, following the head", async () => {
    const first = await readCheckpoint(path);
    expect(first).toMatchObject({ seq: (await head()).seq, mac: (await head()).mac });
    expect(checkpointSignatureValid(t.config.keys.audit, first!)).toBe(true);
    if (process.platform !== "win32") expect(statSync(path).mode & 0o777).toBe(0o600);
    await t.login("officer"); // appends auth.login
    const moved = (await head()).seq;
    expect(moved).toBeGreaterThan(first!.seq);
    await vi.waitFor(async () => expect((await readCheckpoint(path))?.seq).toBe(moved), { timeout: 5_000 });
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit, {
      checkpoint: await readCheckpointForVerify(path),
    });
    expect(verdict).toMatchObject({ ok: true, checkpoint: { status: "reached", seq: moved } });
  });

  it("writes it to the log too, at start and when it moves", async () => {
    const lines: unknown[] = [];
    const log = { info: (object: unknown) => lines.push(object), error: (object: unknown) => lines.push(object) };
    const checkpointer = new AuditCheckpointer({
      database: t.database,
      key: t.config.keys.audit,
      clock: t.clock,
      path: `${path}.logged`,
      log: log as never,
    });
    await checkpointer.start();
    await checkpointer.stop();
    const written = await readCheckpoint(`${path}.logged`);
    expect(written).toMatchObject({ seq: (await head()).seq });
    expect(lines).toEqual([{ auditCheckpoint: written }, { auditCheckpoint: written }]);
  });

  it("detects a deleted tail even when audit_head was rewound, naming the missing range", async () => {
    const checkpoint = await readCheckpoint(path);
    const last = checkpoint!.seq;
    const [keep] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.seq, last - 3));
    await asOwnerWithoutTriggers(
      t.database,
      sql`delete from audit_log where seq > ${last - 3}`,
      sql`update audit_head set seq = ${keep!.seq}, mac = ${keep!.mac}`,
    );
    // What the attacker counted on: the chain and its head agree.
    expect(await verifyAuditChain(t.database.db, t.config.keys.audit)).toMatchObject({ ok: true });
    // The checkpoint does not.
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit, {
      checkpoint: await readCheckpointForVerify(path),
    });
    expect(verdict).toMatchObject({
      ok: false,
      brokenCount: 1,
      firstBroken: { seq: last - 2 },
      checkpoint: { status: "not-reached", seq: last },
    });
    expect(verdict.firstBroken!.reason).toContain(`entries #${last - 2}–#${last} are missing`);
    const fromApi = (await (await t.login("auditor")).get("/api/audit/verify")).json();
    expect(fromApi).toMatchObject({ ok: false });

    // New entries since (the auditor's login) do not make the platform move the checkpoint back or over the gap.
    const errors: unknown[] = [];
    const checkpointer = new AuditCheckpointer({
      database: t.database,
      key: t.config.keys.audit,
      clock: t.clock,
      path,
      log: { info: () => undefined, error: (_object: unknown, message: string) => errors.push(message) } as never,
    });
    expect(await checkpointer.checkpoint()).toBeNull();
    expect(errors.join("\n")).toMatch(new RegExp(`no longer reaches the checkpoint #${last}`));
    expect(await readCheckpoint(path)).toEqual(checkpoint);
    const [newest] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(newest!.seq).toBeGreaterThan(last - 3);
  });

  it("reports a checkpoint file that was edited", async () => {
    const checkpoint = await readCheckpoint(path);
    const edited = `${path}.edited`;
    writeFileSync(edited, JSON.stringify({ ...checkpoint, seq: checkpoint!.seq - 3 }));
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit, {
      checkpoint: await readCheckpointForVerify(edited),
    });
    expect(verdict.checkpoint).toMatchObject({ status: "invalid-signature" });
    expect(verdict.broken.some((entry) => /signature is invalid/.test(entry.reason))).toBe(true);
    writeFileSync(edited, "not a checkpoint");
    const unreadable = await verifyAuditChain(t.database.db, t.config.keys.audit, {
      checkpoint: await readCheckpointForVerify(edited),
    });
    expect(unreadable).toMatchObject({ ok: false, checkpoint: { status: "unreadable" } });
  });
});
