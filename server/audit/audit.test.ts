import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { appendAudit, verifyAuditChain } from "./audit-log";
import { asOwnerWithoutTriggers } from "./testing";

describe.each(databaseKinds())("audit chain on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("verifies after real activity, and the auditor can search it", async () => {
    await t.login("officer");
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit);
    expect(verdict).toMatchObject({ ok: true, brokenCount: 0, broken: [] });
    expect(verdict.checked).toBeGreaterThan(20);
    expect(verdict.lastSeq).toBe(verdict.checked);
    const auditor = await t.login("auditor");
    const found = (await auditor.get("/api/audit?action=auth.login&actor=李处长")).json();
    expect(found.total).toBeGreaterThanOrEqual(1);
    expect(found.items[0]).toMatchObject({ action: "auth.login", outcome: "success" });
    expect((await auditor.get("/api/audit/verify")).json()).toMatchObject({ ok: true });
    expect((await (await t.login("officer")).get("/api/audit")).statusCode).toBe(403);
  });

  it("filters by a period of ISO instants (the web sends toISOString()), and refuses a bound that is not one", async () => {
    const auditor = await t.login("auditor");
    const at = (hours: number) =>
      encodeURIComponent(new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString());
    const within = await auditor.get(`/api/audit?action=auth.login&from=${at(-1)}&to=${at(1)}`);
    expect(within.statusCode).toBe(200);
    expect(within.json().total).toBeGreaterThanOrEqual(1);
    expect((await auditor.get(`/api/audit?action=auth.login&from=${at(1)}`)).json().total).toBe(0);
    const refused = await auditor.get("/api/audit?from=yesterday");
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().errors)).toContain("from");
  });

  it("stores exactly what it MACs: the probe's lone surrogate (an anonymous login as \\ud800) still verifies", async () => {
    // What the failed login of `{"username": "\ud800"}` appended before: the MAC over the escaped surrogate, U+FFFD
    // stored, and audit:verify broken from there on.
    const seq = await t.database.transaction((tx) =>
      appendAudit(tx, t.config.keys.audit, t.clock, {
        actorId: null,
        actorName: "\ud800",
        actorRole: null,
        action: "auth.login.failed",
        targetType: "account",
        targetId: "\ud800",
        changes: { username: "\ud800" },
        ip: "127.0.0.1",
        outcome: "refused",
        reason: "invalid-credentials: \ud800",
      }),
    );
    const [stored] = await t.database.db.select().from(auditLog).where(eq(auditLog.seq, seq));
    expect(stored).toMatchObject({
      actorName: "\ufffd",
      targetId: "\ufffd",
      changes: { username: "\ufffd" },
      reason: "invalid-credentials: \ufffd",
    });
    expect(await verifyAuditChain(t.database.db, t.config.keys.audit)).toMatchObject({ ok: true, lastSeq: seq });
  });

  it("stores exactly what it MACs: lone surrogates and NUL anywhere in an entry, keys and deep values too", async () => {
    const seq = await t.database.transaction((tx) =>
      appendAudit(tx, t.config.keys.audit, t.clock, {
        actorId: null,
        actorName: "\ud800",
        actorRole: "x\udc00y",
        action: "auth.login.failed",
        targetType: "account",
        targetId: "a\u0000b",
        changes: {
          username: "\ud800",
          "key\udbff": { deep: ["ok \ud83d\ude00", "\udc00\ud800", { "\u0000": "nul\u0000" }] },
        },
        ip: "127.0.0.1",
        outcome: "refused",
        reason: "bad\ud800password\u0000",
        requestId: "\udfff",
      }),
    );
    const [stored] = await t.database.db.select().from(auditLog).where(eq(auditLog.seq, seq));
    expect(stored).toMatchObject({
      actorName: "\ufffd",
      actorRole: "x\ufffdy",
      targetId: "a\u2400b",
      reason: "bad\ufffdpassword\u2400",
      requestId: "\ufffd",
      changes: {
        username: "\ufffd",
        "key\ufffd": { deep: ["ok \ud83d\ude00", "\ufffd\ufffd", { "\u2400": "nul\u2400" }] },
      },
    });
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit);
    expect(verdict).toMatchObject({ ok: true, lastSeq: seq, brokenCount: 0 });
  });

  it("reports every tampered entry, not only the first, and goes on checking after each", async () => {
    await asOwnerWithoutTriggers(
      t.database,
      sql`update audit_log set reason = 'tampered' where seq = 5`,
      sql`update audit_log set changes = '{"forged": true}'::jsonb where seq = 9`,
    );
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit);
    expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: 5 }, brokenCount: 2 });
    expect(verdict.broken.map((entry) => entry.seq)).toEqual([5, 9]);
    expect(verdict.broken[1]!.reason).toMatch(/MAC mismatch/);
    expect(verdict.checked).toBe(verdict.lastSeq);
    const fromApi = (await (await t.login("auditor")).get("/api/audit/verify")).json();
    expect(fromApi).toMatchObject({ ok: false, firstBroken: { seq: 5 } });
  });

  it("reports a deleted entry in the middle as a missing range, and a rewritten link", async () => {
    await asOwnerWithoutTriggers(
      t.database,
      sql`delete from audit_log where seq in (14, 15)`,
      sql`update audit_log set prev_mac = ${"f".repeat(64)} where seq = 20`,
    );
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit);
    const bySeq = Object.fromEntries(verdict.broken.map((entry) => [entry.seq, entry.reason]));
    expect(Object.keys(bySeq).map(Number)).toEqual([5, 9, 14, 20]);
    expect(bySeq[14]).toMatch(/entries #14–#15 are missing/);
    expect(bySeq[20]).toMatch(/link to the previous entry is broken.*MAC mismatch/);
  });

  it("a key that is not the audit key verifies no entry", async () => {
    const verdict = await verifyAuditChain(t.database.db, Buffer.alloc(32, 1), { maxReported: 10 });
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken?.seq).toBe(1);
    expect(verdict.broken).toHaveLength(10);
    expect(verdict.brokenCount).toBeGreaterThanOrEqual(verdict.checked);
  });
});
