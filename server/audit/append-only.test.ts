import { asc, eq, lte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../db/client";
import { auditHead, auditLog } from "../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { appendAudit, purgeAction, verifyAuditChain } from "./audit-log";

/** The error and its causes as one text: drizzle wraps the database's error in "Failed query: …". */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const texts: string[] = [];
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) texts.push(cause.message);
    return texts.join("\n");
  }
  throw new Error("expected the database to refuse");
}

const count = async (db: Executor) => (await db.select({ seq: auditLog.seq }).from(auditLog)).length;

describe.each(databaseKinds())("the audit log is append-only in the database on %s (migration 0011)", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("refuses UPDATE, DELETE and TRUNCATE of audit_log", async () => {
    const db = t.database.db;
    const entries = await count(db);
    expect(entries).toBeGreaterThan(10);
    expect(await refusal(db.execute(sql`update audit_log set reason = 'tampered' where seq = 5`))).toMatch(
      /audit_log is append-only: UPDATE refused/,
    );
    expect(await refusal(db.execute(sql`delete from audit_log where seq = ${entries}`))).toMatch(
      /audit_log is append-only: DELETE refused/,
    );
    expect(await refusal(db.execute(sql`delete from audit_log`))).toMatch(/append-only: DELETE refused/);
    expect(await refusal(db.execute(sql`truncate audit_log`))).toMatch(/audit_log is append-only: TRUNCATE refused/);
    expect(await count(db)).toBe(entries);
    expect((await verifyAuditChain(db, t.config.keys.audit)).ok).toBe(true);
  });

  it("refuses to rewind, move or delete audit_head; appends still advance it", async () => {
    const db = t.database.db;
    const [head] = await db.select().from(auditHead);
    const [earlier] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.seq, head!.seq - 2));
    expect(await refusal(db.execute(sql`update audit_head set seq = ${earlier!.seq}, mac = ${earlier!.mac}`))).toMatch(
      /audit_head only moves forward onto a new entry: UPDATE refused/,
    );
    expect(await refusal(db.execute(sql`update audit_head set seq = seq + 1`))).toMatch(/UPDATE refused/);
    expect(await refusal(db.execute(sql`delete from audit_head`))).toMatch(/DELETE refused/);
    expect(await refusal(db.execute(sql`truncate audit_head`))).toMatch(/TRUNCATE refused/);
    const seq = await t.database.transaction((tx) =>
      appendAudit(tx, t.config.keys.audit, t.clock, {
        actorId: null,
        actorName: "system",
        actorRole: null,
        action: "test.append",
        outcome: "success",
      }),
    );
    expect(seq).toBe(head!.seq + 1);
    expect((await db.select().from(auditHead))[0]!.seq).toBe(seq);
  });

  it("leaves one door: a retention purge of old entries, which verify accepts only with its audit.purge entry", async () => {
    const db = t.database.db;
    const [third] = await db.select().from(auditLog).where(eq(auditLog.seq, 3));
    // The demo's entries are from March 2026, more than six months before the database's now().
    expect(third!.at.getTime()).toBeLessThan(Date.now() - 190 * 86_400_000);

    // Without the purge setting, and beyond it, and as an UPDATE, the door stays shut.
    expect(await refusal(db.execute(sql`delete from audit_log where seq <= 3`))).toMatch(/DELETE refused/);
    const purgeThrough3 = sql`select set_config('guohe.audit_purge_through', '3', true)`;
    expect(
      await refusal(
        t.database.transaction(async (tx) => {
          await tx.execute(purgeThrough3);
          await tx.execute(sql`delete from audit_log where seq <= 4`);
        }),
      ),
    ).toMatch(/DELETE refused/);
    expect(
      await refusal(
        t.database.transaction(async (tx) => {
          await tx.execute(purgeThrough3);
          await tx.execute(sql`update audit_log set reason = 'x' where seq = 2`);
        }),
      ),
    ).toMatch(/UPDATE refused/);
    // An entry younger than six months is never purged, even inside the setting.
    const young = await t.database.transaction((tx) =>
      appendAudit(
        tx,
        t.config.keys.audit,
        { now: () => new Date() },
        {
          actorId: null,
          actorName: "system",
          actorRole: null,
          action: "test.append",
          outcome: "success",
        },
      ),
    );
    expect(
      await refusal(
        t.database.transaction(async (tx) => {
          await tx.execute(sql`select set_config('guohe.audit_purge_through', ${String(young)}, true)`);
          await tx.execute(sql`delete from audit_log where seq = ${young}`);
        }),
      ),
    ).toMatch(/DELETE refused/);

    // The purge as ADR 0007 describes it: its entry first (naming the range and the last purged MAC), then the delete.
    await t.database.transaction(async (tx) => {
      await appendAudit(tx, t.config.keys.audit, t.clock, {
        actorId: null,
        actorName: "system",
        actorRole: null,
        action: purgeAction,
        changes: { throughSeq: 3, lastMac: third!.mac, count: 3 },
        outcome: "success",
      });
      await tx.execute(purgeThrough3);
      await tx.delete(auditLog).where(lte(auditLog.seq, 3));
    });
    const [first] = await db.select().from(auditLog).orderBy(asc(auditLog.seq)).limit(1);
    expect(first!.seq).toBe(4);
    const verdict = await verifyAuditChain(db, t.config.keys.audit);
    expect(verdict).toMatchObject({ ok: true, purgedThrough: 3 });

    // Without a purge entry that vouches for it, a missing prefix is reported.
    await t.database.transaction(async (tx) => {
      await tx.execute(sql`select set_config('guohe.audit_purge_through', '5', true)`);
      await tx.delete(auditLog).where(lte(auditLog.seq, 5));
    });
    const after = await verifyAuditChain(db, t.config.keys.audit);
    expect(after).toMatchObject({ ok: false, firstBroken: { seq: 1 } });
    expect(after.firstBroken!.reason).toMatch(/entries #1–#5 are missing/);
  });
});
