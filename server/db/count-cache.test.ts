import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { cachedCount, countTtlMs } from "./count-cache";

describe.each(databaseKinds())("cached list totals on %s", (kind) => {
  let t: TestApp;
  const count = (executor: TestApp["database"]["db"], now?: number) =>
    cachedCount(executor, executor.select({ n: sql<number>`count(*)::int` }).from(sql`count_cache_probe`), now);

  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.database.executeSql("create table count_cache_probe (x int)");
  }, 120_000);
  afterAll(() => t.close());

  it("is fresh after any committed transaction, reused otherwise until its time is up", async () => {
    const db = t.database.db;
    expect(await count(db)).toBe(0);
    await t.database.transaction((tx) => tx.execute(sql`insert into count_cache_probe values (1)`));
    expect(await count(db)).toBe(1);

    // A write this node did not see end (another node's): the total stays until the time-to-live has passed.
    await t.database.executeSql("insert into count_cache_probe values (2)");
    const now = Date.now();
    expect(await count(db, now)).toBe(1);
    expect(await count(db, now + countTtlMs + 1)).toBe(2);
  });

  it("never caches inside a transaction, which sees its own rows", async () => {
    const db = t.database.db;
    const before = await count(db);
    await t.database.transaction(async (tx) => {
      await tx.execute(sql`insert into count_cache_probe values (3)`);
      expect(await cachedCount(tx, tx.select({ n: sql<number>`count(*)::int` }).from(sql`count_cache_probe`))).toBe(
        before + 1,
      );
    });
    expect(await count(db)).toBe(before + 1);
  });
});
