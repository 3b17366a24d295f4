import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { type App, buildApp } from "../app";
import { ManualClock } from "../clock";
import { type Config, loadConfig } from "../config/config";
import { type Database, openEmbedded, openPostgres, type QueryListener } from "../db/client";
import { demoPassword } from "../demo/demo-accounts";
import { dispatchOutbox } from "../outbox/outbox";
import { testClockStart, testKeys } from "./constants";

export type DatabaseKind = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function databaseKinds(): DatabaseKind[] {
  return inject("postgresTemplate") ? ["pglite", "postgres"] : ["pglite"];
}

async function cloneDatabase(
  kind: DatabaseKind,
  onQuery: QueryListener,
): Promise<{ database: Database; url?: string }> {
  if (kind === "pglite") {
    const tarball = await readFile(inject("pgliteTemplate"));
    return { database: await openEmbedded(null, { loadDataDir: new Blob([tarball]), onQuery }) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `guohe_t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("postgresTemplate")}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { database: await openPostgres(target.toString(), 4, onQuery), url: target.toString() };
}

export interface Agent {
  username: string;
  /** The Cookie header this agent sends. */
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  kind: DatabaseKind;
  app: App;
  database: Database;
  /** PostgreSQL only: the test database's URL, for a second node's own connection pool. */
  databaseUrl?: string;
  clock: ManualClock;
  config: Config;
  /** Signs in (demo password by default) and returns an agent carrying the cookie and CSRF token. */
  login(username: string, password?: string): Promise<Agent>;
  /** Anonymous requests. */
  anonymous: Agent;
  /** Records every SQL statement run while `work` runs (on this app's database), for counting reads. */
  queriesDuring(work: () => Promise<unknown>): Promise<string[]>;
  /** Delivers every queued outbox row (all batches); returns how many were delivered. */
  flushOutbox(): Promise<number>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Adds test-only routes or hooks before the app is ready (a deliberately slow route, a close hook). */
  beforeReady?: (app: App) => void;
}

export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  let recording: string[] | null = null;
  const { database, url: databaseUrl } = await cloneDatabase(kind, (query) => recording?.push(query));
  const clock = new ManualClock(testClockStart);
  const dataDir = join(inject("testRoot"), randomUUID());
  mkdirSync(dataDir, { recursive: true });
  // The fixed test keys, given as settings: no key file is generated, and DEMO=0 apps start too.
  const config: Config = loadConfig({
    DATA_DIR: dataDir,
    DEMO: "1",
    LOGIN_RATE_LIMIT: "1000",
    API_TOKEN_RATE_LIMIT: "10000",
    LOG_LEVEL: "silent",
    AUDIT_KEY: testKeys.audit.toString("hex"),
    PII_KEY: testKeys.pii.toString("hex"),
    ...env,
  });
  const app = await buildApp({ config, database, clock, logger: false });
  options.beforeReady?.(app);
  await app.ready();

  const agent = (username: string, cookie: string, csrfToken: string): Agent => {
    const request = (options: InjectOptions) =>
      app.inject({
        ...options,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
          ...options.headers,
        },
      });
    return {
      username,
      cookie,
      csrfToken,
      request,
      get: (url) => request({ method: "GET", url }),
      post: (url, payload) =>
        request({ method: "POST", url, ...(payload === undefined ? {} : { payload: payload as object }) }),
      patch: (url, payload) => request({ method: "PATCH", url, payload: payload as object }),
    };
  };

  return {
    kind,
    app,
    database,
    ...(databaseUrl ? { databaseUrl } : {}),
    clock,
    config,
    anonymous: agent("", "", ""),
    async login(username, password = demoPassword) {
      const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
      if (response.statusCode !== 200) {
        throw new Error(`login ${username} → ${response.statusCode} ${response.body}`);
      }
      const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      return agent(username, cookie, response.json().csrfToken);
    },
    async queriesDuring(work) {
      recording = [];
      try {
        await work();
        return recording;
      } finally {
        recording = null;
      }
    },
    async flushOutbox() {
      let delivered = 0;
      for (let batch = await dispatchOutbox(database, clock, null); batch > 0; ) {
        delivered += batch;
        batch = await dispatchOutbox(database, clock, null);
      }
      return delivered;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
