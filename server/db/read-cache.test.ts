import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { openPostgres } from "./client";
import { cachedCount, cachedRead, hearsChanges, maxCachedRows, readKey, readTtlMs } from "./read-cache";

/** Long enough for this node's own commit notification (PostgreSQL) to have arrived. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe.each(databaseKinds())("cached reads on %s", (kind) => {
  let t: TestApp;
  const count = (executor: TestApp["database"]["db"]) =>
    cachedCount(executor, readKey("probe-count"), () =>
      executor.select({ n: sql<number>`count(*)::int` }).from(sql`count_cache_probe`),
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.database.executeSql("create table count_cache_probe (x int)");
  }, 120_000);
  afterAll(() => t.close());

  it("is fresh after any committed transaction, reused otherwise until its time is up", async () => {
    const db = t.database.db;
    expect(await count(db)).toBe(0);
    await t.database.transaction((tx) => tx.execute(sql`insert into count_cache_probe values (1)`));
    await settle();
    expect(await count(db)).toBe(1);

    // A write outside any transaction of the platform's: the total stays until the time-to-live has passed.
    await t.database.executeSql("insert into count_cache_probe values (2)");
    const now = Date.now();
    expect(await count(db)).toBe(1);
    vi.spyOn(Date, "now").mockReturnValue(now + readTtlMs + 1);
    try {
      expect(await count(db)).toBe(2);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("is kept across transactions that only read (the outbox polls in one every second)", async () => {
    const db = t.database.db;
    const before = await count(db);
    await t.database.executeSql("insert into count_cache_probe values (8)");
    await t.database.transaction((tx) => tx.execute(sql`select count(*) from count_cache_probe`));
    await settle();
    expect(await count(db)).toBe(before);
    await t.database.transaction((tx) => tx.execute(sql`insert into count_cache_probe values (9)`));
    expect(await count(db)).toBe(before + 2);
  });

  it("never caches inside a transaction, which sees its own rows", async () => {
    const db = t.database.db;
    const before = await count(db);
    await t.database.transaction(async (tx) => {
      await tx.execute(sql`insert into count_cache_probe values (3)`);
      const inside = await cachedCount(tx, readKey("probe-count"), () =>
        tx.select({ n: sql<number>`count(*)::int` }).from(sql`count_cache_probe`),
      );
      expect(inside).toBe(before + 1);
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

  it("starts over beyond its row budget: a burst of distinct reads costs reads, not memory", async () => {
    const db = t.database.db;
    let reads = 0;
    const half = async () => {
      reads += 1;
      return Array.from({ length: maxCachedRows / 2 + 1 }, (_, i) => i);
    };
    await cachedRead(db, "budget-a", half);
    await cachedRead(db, "budget-a", half);
    expect(reads).toBe(1);
    await cachedRead(db, "budget-b", half);
    expect(reads).toBe(2);
    await cachedRead(db, "budget-a", half);
    expect(reads).toBe(3);
  });

  it("reuses nothing while other nodes' commits cannot be heard", async () => {
    const db = t.database.db;
    const before = await count(db);
    hearsChanges(db, false);
    try {
      await t.database.executeSql("insert into count_cache_probe values (4)");
      expect(await count(db)).toBe(before + 1);
    } finally {
      hearsChanges(db, true);
    }
  });

  if (kind === "postgres")
    it("hears another node's commit at once, not after the time-to-live", async () => {
      const db = t.database.db;
      const nodeB = await openPostgres(t.databaseUrl!, 2);
      try {
        const before = await count(db);
        await nodeB.transaction((tx) => tx.execute(sql`insert into count_cache_probe values (5)`));
        let seen = await count(db);
        for (let waited = 0; seen === before && waited < 2_000; waited += 50) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          seen = await count(db);
        }
        expect(seen).toBe(before + 1);

        // A transaction that wrote nothing tells no one: node A keeps its cached total.
        await nodeB.transaction((tx) => tx.execute(sql`select 1`));
        await t.database.executeSql("insert into count_cache_probe values (6)");
        await settle();
        expect(await count(db)).toBe(before + 1);

        // The listening connection is cut: the node listens again, and hears the next commit.
        const cut = await t.database.executeSql(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = 'listen platform_changed'",
        );
        expect(cut.rows.length).toBe(2);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        const cached = await count(db);
        await nodeB.transaction((tx) => tx.execute(sql`insert into count_cache_probe values (7)`));
        seen = await count(db);
        for (let waited = 0; seen === cached && waited < 2_000; waited += 50) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          seen = await count(db);
        }
        expect(seen).toBe(cached + 1);
      } finally {
        await nodeB.close();
      }
    });
});
