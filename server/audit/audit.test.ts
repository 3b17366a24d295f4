import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { verifyAuditChain } from "./audit-log";

describe.each(databaseKinds())("audit chain on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("verifies after real activity, and the auditor can search it", async () => {
    await t.login("officer");
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit);
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThan(20);
    const auditor = await t.login("auditor");
    const found = (await auditor.get("/api/audit?action=auth.login&actor=李处长")).json();
    expect(found.total).toBeGreaterThanOrEqual(1);
    expect(found.items[0]).toMatchObject({ action: "auth.login", outcome: "success" });
    expect((await auditor.get("/api/audit/verify")).json()).toMatchObject({ ok: true });
    expect((await (await t.login("officer")).get("/api/audit")).statusCode).toBe(403);
  });

  it("names the first entry edited by hand, and notices deleted tail entries", async () => {
    // As the table's owner could: switch the append-only trigger off, edit, switch it back on (migration 0011).
    await t.database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only_rows`);
    await t.database.db.execute(sql`update audit_log set reason = 'tampered' where seq = 5`);
    await t.database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only_rows`);
    const verdict = await verifyAuditChain(t.database.db, t.config.keys.audit);
    expect(verdict).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 5 } });
    const fromApi = (await (await t.login("auditor")).get("/api/audit/verify")).json();
    expect(fromApi.firstBroken.seq).toBe(5);
  });

  it("a key that is not the audit key does not verify", async () => {
    const verdict = await verifyAuditChain(t.database.db, Buffer.alloc(32, 1));
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken?.seq).toBe(1);
  });
});

describe("npm run audit:verify", () => {
  it("passes on a fresh platform and fails, naming the entry, after a hand edit", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dataDir = mkdtempSync(join(tmpdir(), "guohe-audit-"));
    const run = () => {
      try {
        return {
          code: 0,
          out: execFileSync("npx", ["tsx", "scripts/audit-verify.ts"], {
            env: { ...process.env, DATA_DIR: dataDir, DEMO: "1" },
            encoding: "utf8",
          }),
        };
      } catch (error) {
        const failure = error as { status: number; stdout: string; stderr: string };
        return { code: failure.status, out: failure.stdout + failure.stderr };
      }
    };
    const first = run();
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/审计链完整/);
    const { openEmbedded } = await import("../db/client");
    const database = await openEmbedded(dataDir);
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only_rows`);
    await database.db.execute(sql`update audit_log set action = 'forged' where seq = 3`);
    await database.close();
    const second = run();
    expect(second.code).toBe(1);
    expect(second.out).toMatch(/#3/);
  }, 120_000);
});
