import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { cachedCount, cachedRead, readTtlMs } from "./read-cache";

describe.each(databaseKinds())("cached reads on %s", (kind) => {
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
    expect(await count(db, now + readTtlMs + 1)).toBe(2);
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

  it("reads once for concurrent callers of a key, and keeps no failed read", async () => {
    const db = t.database.db;
    let reads = 0;
    const read = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return reads;
    };
    const values = await Promise.all(Array.from({ length: 50 }, () => cachedRead(db, "probe-shared", read)));
    expect(new Set(values)).toEqual(new Set([1]));
    expect(reads).toBe(1);

    let attempts = 0;
    const failing = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("connection lost");
      return attempts;
    };
    await expect(cachedRead(db, "probe-failing", failing)).rejects.toThrow("connection lost");
    expect(await cachedRead(db, "probe-failing", failing)).toBe(2);
    expect(await cachedRead(db, "probe-failing", failing)).toBe(2);
  });
});
