/**
 * A platform for a benchmark: its own database (embedded PGlite, or a fresh database on the PostgreSQL server named by
 * BENCH_DATABASE_URL), filled by `npm run seed:volume` as an operator would, served on a free port beside a bare
 * `SELECT 1` route on the same database (the in-run baseline), with demo accounts signed in.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../../server/app";
import { systemClock } from "../../server/clock";
import { loadConfig } from "../../server/config/config";
import { type Database, openEmbedded, openPostgres } from "../../server/db/client";
import { demoPassword } from "../../server/demo/demo-accounts";

export const serverUrl = process.env.BENCH_DATABASE_URL;
export const engine = serverUrl ? "PostgreSQL" : "PGlite";

export interface VolumeSize {
  bases: number;
  applications: number;
  experts: number;
}

export interface Platform {
  appUrl: string;
  select1Url: string;
  database: Database;
  cookies: Record<"officer" | "recommender" | "applicant", string>;
  close(): Promise<void>;
}

/** A fresh database `name` on the server BENCH_DATABASE_URL names (dropped first if a run left it). */
export async function databaseUrlFor(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A demo account signed in: its Cookie header and CSRF token. */
export async function signInSession(appUrl: string, username: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${appUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`sign-in ${username}: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

export const signIn = async (appUrl: string, username: string) => (await signInSession(appUrl, username)).cookie;

/** A platform named `name` (its database is guohe_bench_<name> on a server), seeded with `size` over the demo. */
export async function platform(name: string, size: VolumeSize): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), `guohe-bench-${name}-`));
  const databaseUrl = serverUrl ? await databaseUrlFor(`guohe_bench_${name}`) : undefined;
  const env = { ...process.env, DATA_DIR: dataDir, DEMO: "1", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
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
    database,
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
