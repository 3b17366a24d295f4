import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { postgresRateLimitStore, purgeRateLimitWindows, settling } from "./rate-limit-store";

/** Two "nodes": two Fastify instances with the plugin, counting in the same database. */
async function node(t: TestApp): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(t.database.db) });
  app.get("/limited", { config: { rateLimit: { max: 5, timeWindow: "1 minute" } } }, async () => ({ ok: true }));
  app.get("/other", { config: { rateLimit: { max: 5, timeWindow: "1 minute" } } }, async () => ({ ok: true }));
  app.get("/brief", { config: { rateLimit: { max: 2, timeWindow: 400 } } }, async () => ({ ok: true }));
  const settled = (max: number, timeWindow: number | string) => ({
    config: { rateLimitSettled: true, rateLimit: { max, timeWindow } },
  });
  app.get("/read", settled(10, "1 minute"), async () => ({ ok: true }));
  app.get("/read-brief", settled(4, 400), async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe.each(databaseKinds())("rate limits shared through the database on %s", (kind) => {
  let t: TestApp;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const hit = (app: FastifyInstance, url: string, ip = "10.0.0.1") =>
    app.inject({ method: "GET", url, remoteAddress: ip });

  beforeAll(async () => {
    t = await startTestApp(kind);
    a = await node(t);
    b = await node(t);
  }, 120_000);
  afterAll(async () => {
    await a.close();
    await b.close();
    await t.close();
  });

  it("counts one caller's requests on both nodes against one limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await hit(i % 2 ? b : a, "/limited")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await hit(a, "/limited");
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
  });

  it("keeps routes and callers apart", async () => {
    expect((await hit(b, "/other")).statusCode).toBe(200);
    expect((await hit(a, "/limited", "10.0.0.2")).statusCode).toBe(200);
    expect((await hit(a, "/limited", "10.0.0.2")).headers["x-ratelimit-remaining"]).toBe("3");
  });

  it("opens a new window when the last has ended, and the housekeeping deletes ended windows", async () => {
    expect((await hit(a, "/brief")).statusCode).toBe(200);
    expect((await hit(b, "/brief")).statusCode).toBe(200);
    expect((await hit(a, "/brief")).statusCode).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await hit(b, "/brief")).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await purgeRateLimitWindows(t.database.db);
    const left = await t.database.executeSql("select key from rate_limit_windows");
    expect(left.rows.length).toBeGreaterThan(0); // the minute-long windows remain
    expect(JSON.stringify(left.rows)).not.toContain("/brief");
  });

  it("counts exactly under concurrent requests from both nodes", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => hit(i % 2 ? a : b, "/other", "10.0.0.9")));
    const ok = results.filter((r) => r.statusCode === 200).length;
    expect(ok).toBe(5);
    expect(results.filter((r) => r.statusCode === 429)).toHaveLength(15);
  });

  it("gives each of many concurrent hits on one node its own count, whatever batch it lands in", async () => {
    const callers = ["10.0.1.1", "10.0.1.2", "10.0.1.3"];
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => hit(a, "/limited", callers[i % callers.length])),
    );
    for (const caller of callers) {
      const mine = results.filter((_, i) => callers[i % callers.length] === caller);
      expect(mine.filter((r) => r.statusCode === 200)).toHaveLength(5);
      const remaining = mine.filter((r) => r.statusCode === 200).map((r) => r.headers["x-ratelimit-remaining"]);
      expect(remaining.sort()).toEqual(["0", "1", "2", "3", "4"]);
    }
  });

  describe("a route whose limit settles in the background (rateLimitSettled)", () => {
    const stored = async (route: string, ip: string) =>
      (
        await t.database.executeSql(
          `select hits from rate_limit_windows where key like '%${route}|%' and key like '%${ip}%'`,
        )
      ).rows as Array<{ hits: number }>;
    const settle = () => new Promise((resolve) => setTimeout(resolve, settling.intervalMs * 2 + 100));

    it("answers the first half of the limit on the node and adds it to the shared count afterwards", async () => {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await hit(a, "/read", "10.0.2.1"));
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(answers.map((r) => r.headers["x-ratelimit-remaining"])).toEqual(["9", "8", "7"]);
      expect(await stored("/read", "10.0.2.1")).toEqual([]);
      await settle();
      expect(await stored("/read", "10.0.2.1")).toEqual([{ hits: 3 }]);
    });

    it("counts exactly on one node, past half the limit and under concurrent requests", async () => {
      const sequential = [];
      for (let i = 0; i < 12; i += 1) sequential.push(await hit(a, "/read", "10.0.2.2"));
      expect(sequential.map((r) => r.statusCode)).toEqual([...Array(10).fill(200), 429, 429]);
      expect(sequential.slice(0, 10).map((r) => r.headers["x-ratelimit-remaining"])).toEqual([
        "9",
        "8",
        "7",
        "6",
        "5",
        "4",
        "3",
        "2",
        "1",
        "0",
      ]);
      const concurrent = await Promise.all(Array.from({ length: 14 }, () => hit(b, "/read", "10.0.2.3")));
      const admitted = concurrent.filter((r) => r.statusCode === 200);
      expect(admitted).toHaveLength(10);
      expect(admitted.map((r) => Number(r.headers["x-ratelimit-remaining"])).sort((x, y) => x - y)).toEqual([
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
      ]);
    });

    it("holds a caller spread over two nodes to the limit, with at most half of it more before they settle", async () => {
      const statuses = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await hit(i % 2 ? b : a, "/read", "10.0.2.4")).statusCode);
      const admitted = statuses.filter((status) => status === 200).length;
      expect(admitted).toBeGreaterThanOrEqual(10);
      expect(admitted).toBeLessThanOrEqual(15);
      await settle();
      expect((await hit(a, "/read", "10.0.2.4")).statusCode).toBe(429);
      expect((await hit(b, "/read", "10.0.2.4")).statusCode).toBe(429);
      expect((await stored("/read", "10.0.2.4"))[0]?.hits).toBe(22);
    });

    it("opens a new window on the node when the last has ended", async () => {
      expect((await hit(a, "/read-brief", "10.0.2.5")).headers["x-ratelimit-remaining"]).toBe("3");
      expect((await hit(a, "/read-brief", "10.0.2.5")).headers["x-ratelimit-remaining"]).toBe("2");
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect((await hit(a, "/read-brief", "10.0.2.5")).headers["x-ratelimit-remaining"]).toBe("3");
    });

    it("counts a new key exactly when the node has no room left for it", async () => {
      const room = settling.keys;
      settling.keys = 0;
      try {
        expect((await hit(a, "/read", "10.0.2.6")).statusCode).toBe(200);
        expect(await stored("/read", "10.0.2.6")).toEqual([{ hits: 1 }]);
      } finally {
        settling.keys = room;
      }
    });
  });
});
