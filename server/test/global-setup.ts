import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ManualClock } from "../clock";
import { loadConfig } from "../config/config";
import { type Database, openEmbedded, openPostgres } from "../db/client";
import { loadDemo } from "../demo/load-demo";
import { seedReferenceData } from "../reference/seed-reference";
import { templateClockStart, testKeys } from "./constants";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
    testRoot: string;
  }
}

async function prepare(database: Database, dataDir: string) {
  await database.migrate();
  const deps = { database, clock: new ManualClock(templateClockStart), keys: testKeys };
  await seedReferenceData(deps);
  await loadDemo(deps, { dataDir, s3: undefined });
}

/**
 * Migrates and seeds one template per database kind, once per run: each test file then clones it in well under a
 * second (PGlite: loadDataDir; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  // Fail fast on a broken config module, with the test keys: never create or read a key file in ./data.
  loadConfig({ AUDIT_KEY: testKeys.audit.toString("hex"), PII_KEY: testKeys.pii.toString("hex") });
  const testRoot = mkdtempSync(join(tmpdir(), "guohe-test-"));
  const pglite = await openEmbedded(null);
  await prepare(pglite, testRoot);
  const dump = await pglite.dumpDataDir!();
  const pgliteTemplate = join(testRoot, "pglite-template.tar");
  writeFileSync(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();

  let postgresTemplate: string | null = null;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    postgresTemplate = `guohe_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${postgresTemplate}`);
    await admin.query(`create database ${postgresTemplate}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${postgresTemplate}`;
    const database = await openPostgres(target.toString(), 2);
    await prepare(database, testRoot);
    await database.close();
  }
  project.provide("pgliteTemplate", pgliteTemplate);
  project.provide("postgresTemplate", postgresTemplate);
  project.provide("testRoot", testRoot);
  console.log(
    `API tests run on: PGlite${postgresTemplate ? " and PostgreSQL (TEST_DATABASE_URL)" : " only (set TEST_DATABASE_URL to add PostgreSQL)"}`,
  );

  return async () => {
    if (url && postgresTemplate) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'guohe\\_t\\_%' or datname = $1",
        [postgresTemplate],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    }
    rmSync(testRoot, { recursive: true, force: true });
  };
}
