/**
 * `npm run bench`: request throughput of the platform against two baselines measured in the same run — a bare
 * Fastify route, and a route that runs `SELECT 1` on the same embedded database — so the figures are ratios that
 * mean something on any machine. Each target runs for BENCH_SECONDS (default 5) with 10 connections.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { buildApp } from "../server/app";
import { systemClock } from "../server/clock";
import { loadConfig } from "../server/config/config";
import { openEmbedded } from "../server/db/client";
import { demoPassword } from "../server/demo/demo-accounts";
import { loadDemo } from "../server/demo/load-demo";
import { seedReferenceData } from "../server/reference/seed-reference";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const dataDir = mkdtempSync(join(tmpdir(), "guohe-bench-"));

async function measure(title: string, url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 10, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { title, rps: result.requests.average, p99: result.latency.p99 };
}

const database = await openEmbedded(join(dataDir, "db"));
await database.migrate();
const deps = { database, clock: systemClock, keys: loadConfig({ DATA_DIR: dataDir }).keys };
await seedReferenceData(deps);
await loadDemo(deps, dataDir);

const bare = Fastify();
bare.get("/", async () => ({ ok: true }));
bare.get("/select1", async () => (await database.db.execute(sql`select 1 as one`)) && { ok: true });
await bare.listen({ port: 0, host: "127.0.0.1" });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

const config = { ...loadConfig({ DATA_DIR: dataDir, LOGIN_RATE_LIMIT: "100000" }), logLevel: "silent" };
const app = await buildApp({ config, database, clock: systemClock, logger: false });
await app.listen({ port: 0, host: "127.0.0.1" });
const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const login = await fetch(`${appUrl}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "rec.wuhan", password: demoPassword }),
});
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");

const results = [
  await measure("bare Fastify route", `${bareUrl}/`),
  await measure("SELECT 1 route", `${bareUrl}/select1`),
  await measure("GET /api/auth/me", `${appUrl}/api/auth/me`, { cookie }),
  await measure("GET /api/units (scoped list, 武汉 sub-tree)", `${appUrl}/api/units`, { cookie }),
];
const [baseline, select1] = results as [(typeof results)[0], (typeof results)[0]];
console.log(`\nbench (${seconds} s each, 10 connections, PGlite embedded, Node ${process.versions.node})`);
console.log(
  "target".padEnd(46),
  "req/s".padStart(9),
  "p99 ms".padStart(8),
  "÷ bare".padStart(8),
  "÷ SELECT 1".padStart(11),
);
for (const r of results) {
  console.log(
    r.title.padEnd(46),
    r.rps.toFixed(0).padStart(9),
    String(r.p99).padStart(8),
    (r.rps / baseline.rps).toFixed(3).padStart(8),
    (r.rps / select1.rps).toFixed(3).padStart(11),
  );
}
await app.close();
await bare.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
