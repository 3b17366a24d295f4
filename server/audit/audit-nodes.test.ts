import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../app";
import { execute } from "../commands/command";
import { openPostgres } from "../db/client";
import { demoPassword } from "../demo/demo-accounts";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { verifyAuditChain } from "./audit-log";

/**
 * One audit chain under two app nodes writing at once (issue 17): on PostgreSQL the second node has its own pool to
 * the same database; every write takes the chain's head row lock, so the chain stays one line with no gap or fork.
 */
describe.each(databaseKinds())("the audit chain under two writing nodes on %s", (kind) => {
  let t: TestApp;
  let second: App;
  let closeSecond: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const database = t.databaseUrl ? await openPostgres(t.databaseUrl, 4) : t.database;
    second = await buildApp({ config: t.config, database, clock: t.clock, logger: false });
    await second.ready();
    closeSecond = async () => {
      await second.close();
      if (database !== t.database) await database.close();
    };
  }, 120_000);
  afterAll(async () => {
    await closeSecond();
    await t.close();
  });

  it("keeps every entry of 80 concurrent audited sign-ins in one verifiable chain", async () => {
    const before = await verifyAuditChain(t.database.db, t.config.keys.audit);
    expect(before.ok).toBe(true);
    const users = ["officer", "rec.wuhan", "app.wuhan-ent", "officer"];
    const attempts = Array.from({ length: 80 }, (_, i) =>
      (i % 2 ? second : t.app).inject({
        method: "POST",
        url: "/api/auth/login",
        // Every fifth a wrong password: refusals are audited too.
        payload: { username: users[i % users.length], password: i % 5 === 0 ? "wrong-Password1" : demoPassword },
      }),
    );
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(64);
    expect(statuses.filter((status) => status === 401)).toHaveLength(16);

    const after = await verifyAuditChain(t.database.db, t.config.keys.audit);
    expect(after.ok).toBe(true);
    expect(after.brokenCount).toBe(0);
    expect(after.lastSeq - before.lastSeq).toBeGreaterThanOrEqual(80);
    expect(after.checked - before.checked).toBe(after.lastSeq - before.lastSeq);
  });

  // Only where transactions run side by side: the embedded database runs one at a time, so nothing waits there.
  if (kind === "postgres")
    it("holds the chain's head only from a command's end to its commit", async () => {
      const deps = { database: t.database, clock: t.clock, keys: t.config.keys };
      const nodeB = await openPostgres(t.databaseUrl!, 2);
      const actor = { accountId: null, name: "测试", role: null, ip: null, requestId: null };
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let audited!: () => void;
      const auditedYet = new Promise<void>((resolve) => {
        audited = resolve;
      });
      let slowDone = false;
      // A long command that records its entry first and then goes on working (a slow upload, a long check).
      const slow = execute(deps, actor, "test.slow", null, async (context) => {
        await context.audit({ changes: { step: "recorded" } });
        audited();
        await gate;
      }).then(() => {
        slowDone = true;
      });
      await auditedYet;
      // Another node's short command meanwhile: not held up behind the slow one's entry.
      const quick = execute({ ...deps, database: nodeB }, actor, "test.quick", null, (context) =>
        context.audit({ changes: { step: "quick" } }),
      );
      const outcome = await Promise.race([
        quick.then(() => "committed"),
        new Promise((resolve) => setTimeout(() => resolve("waiting on the head"), 5_000)),
      ]);
      expect(outcome).toBe("committed");
      expect(slowDone).toBe(false);
      release();
      await slow;
      await nodeB.close();
      const chain = await verifyAuditChain(t.database.db, t.config.keys.audit);
      expect(chain.ok).toBe(true);
      expect(chain.brokenCount).toBe(0);
    });
});
