/**
 * P1 lists (issue 16 item 3), part of `npm run bench`: the scoped lists at province scale against two baselines in the
 * same run — a bare route running `SELECT 1` on the same database, and an authenticated no-op route (the session
 * check only) — at 50 connections, 3 interleaved rounds, medians. Two databases side by side, filled by
 * `npm run seed:volume` as an operator would: a small one (1k applications) and a large one (BENCH_APPLICATIONS,
 * 50k by default), so "50k within 1.5× of 1k" is measured in one run. Embedded PGlite, or PostgreSQL when
 * BENCH_DATABASE_URL names a server (two databases are created there).
 *
 * Targets: no-op ≥ 50% of SELECT 1; every list at 50k ≥ 50% of the no-op (below 25% is not done), p99 < 50 ms;
 * 50k within 1.5× of 1k.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../server/app";
import { systemClock } from "../server/clock";
import { loadConfig } from "../server/config/config";
import { type Database, openEmbedded, openPostgres } from "../server/db/client";
import { demoPassword } from "../server/demo/demo-accounts";
import { interleaved, load, percent, printTable, type Row, rate, type Throughput } from "./lib/rounds";

const connections = 50;
const large = Number(process.env.BENCH_APPLICATIONS ?? 50_000);
const sizes = {
  small: { bases: 200, applications: 1_000, experts: 100 },
  large: { bases: Math.round(large / 5), applications: large, experts: Math.round(large / 10) },
};
const serverUrl = process.env.BENCH_DATABASE_URL;
const engine = serverUrl ? "PostgreSQL" : "PGlite";

interface Platform {
  appUrl: string;
  select1Url: string;
  cookies: Record<"officer" | "recommender" | "applicant", string>;
  close(): Promise<void>;
}

async function databaseUrlFor(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function signIn(appUrl: string, username: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`sign-in ${username}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** A platform on its own database, filled with the volume generator's CLI, serving on a free port. */
async function platform(name: keyof typeof sizes): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), `guohe-bench-${name}-`));
  const databaseUrl = serverUrl ? await databaseUrlFor(`guohe_bench_${name}`) : undefined;
  const env = { ...process.env, DATA_DIR: dataDir, DEMO: "1", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const size = sizes[name];
  const started = Date.now();
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/seed-volume.ts",
      "--bases",
      String(size.bases),
      "--applications",
      String(size.applications),
      "--experts",
      String(size.experts),
    ],
    { env, stdio: ["ignore", "ignore", "inherit"] },
  );
  console.log(`${name}: ${size.applications} applications seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const database: Database = databaseUrl ? await openPostgres(databaseUrl, 10) : await openEmbedded(join(dataDir));
  const bare = Fastify();
  bare.get("/select1", async () => (await database.db.execute(sql`select 1 as one`)) && { ok: true });
  await bare.listen({ port: 0, host: "127.0.0.1" });

  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      DEMO: "1",
      LOGIN_RATE_LIMIT: "100000",
      TRUST_PROXY: "127.0.0.1",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
    logLevel: "silent" as const,
  };
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  // The authenticated no-op: the session check and nothing else.
  app.get("/api/bench/no-op", { config: { anySignedIn: true } }, async () => ({ ok: true }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    appUrl,
    select1Url: `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/select1`,
    cookies: {
      officer: await signIn(appUrl, "officer"),
      recommender: await signIn(appUrl, "rec.wuhan"),
      applicant: await signIn(appUrl, "app.wuhan-ent"),
    },
    async close() {
      await app.close();
      await bare.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const lists = {
  "officer: 申报 list": { who: "officer", path: "/api/applications" },
  "recommender: 申报 list (武汉)": { who: "recommender", path: "/api/applications" },
  "applicant: own 申报": { who: "applicant", path: "/api/applications" },
  "officer: bases": { who: "officer", path: "/api/bases" },
  "officer: expert pool": { who: "officer", path: "/api/experts" },
  "public registry": { who: null, path: "/api/public/bases" },
  "public search 光谷": { who: null, path: `/api/public/bases?q=${encodeURIComponent("光谷")}` },
} as const;

const small = await platform("small");
const big = await platform("large");
const listJob = (at: Platform, list: (typeof lists)[keyof typeof lists]) => () =>
  load(`${at.appUrl}${list.path}`, {
    connections,
    ...(list.who ? { headers: { cookie: at.cookies[list.who] } } : { manyAddresses: true }),
  });

const jobs: Record<string, () => Promise<Throughput>> = {
  select1: () => load(big.select1Url, { connections }),
  noop: () => load(`${big.appUrl}/api/bench/no-op`, { connections, headers: { cookie: big.cookies.officer } }),
};
for (const [name, list] of Object.entries(lists)) {
  jobs[`${name}@small`] = listJob(small, list);
  jobs[`${name}@large`] = listJob(big, list);
}
const results = await interleaved(jobs);
const failed = Object.entries(results).filter(([, r]) => r.non2xx > 0 || r.errors > 0);

const select1 = results.select1!;
const noop = results.noop!;
const rows: Row[] = [
  {
    id: "P1",
    what: "authenticated no-op (session check)",
    figure: rate(noop),
    baseline: `SELECT 1 ${rate(select1)}`,
    ratio: percent(noop.rps, select1.rps),
    target: "≥ 50% of SELECT 1",
    met: noop.rps >= 0.5 * select1.rps,
  },
];
for (const name of Object.keys(lists)) {
  const at50k = results[`${name}@large`]!;
  const at1k = results[`${name}@small`]!;
  rows.push({
    id: "P1",
    what: `${name} @${large / 1000}k`,
    figure: rate(at50k),
    baseline: `no-op ${noop.rps.toFixed(0)} req/s`,
    ratio: percent(at50k.rps, noop.rps),
    target: "≥ 50% of no-op, p99 < 50 ms",
    met: at50k.rps >= 0.5 * noop.rps && at50k.p99 < 50,
  });
  rows.push({
    id: "P1",
    what: `${name} @${large / 1000}k vs @1k`,
    figure: `${at50k.rps.toFixed(0)} req/s`,
    baseline: `@1k ${at1k.rps.toFixed(0)} req/s`,
    ratio: `${(at1k.rps / at50k.rps).toFixed(2)}×`,
    target: "within 1.5× of 1k",
    met: at1k.rps <= 1.5 * at50k.rps,
  });
}
printTable(
  `P1 lists — ${engine}, ${connections} connections, ${Number(process.env.BENCH_ROUNDS ?? 3)} interleaved rounds, medians, Node ${process.versions.node}`,
  rows,
);
if (failed.length) {
  console.log(`\nnon-2xx or errors (figures above are not valid for these): ${failed.map(([k]) => k).join(", ")}`);
}
await small.close();
await big.close();
