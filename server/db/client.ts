import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { makeDataDirectory } from "../config/data-directory";
import { serverPaths } from "../paths";
import { changeChannel, listenForChanges } from "./change-listener";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";
import { hearsChanges, readsChanged } from "./read-cache";
import * as schema from "./schema";

export type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;
/** The outer handle. Only `Database.transaction` and read-only helpers touch it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, Relations>;
/** What every repository and command receives: one transaction. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Relations>;
/** Reads may run on either. */
export type Executor = Db | Tx;

export const migrationsFolder = serverPaths.migrations;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** The transaction executor: every state change runs in exactly one of these. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  /** Applied migration count, for /readyz. */
  appliedMigrations(): Promise<number>;
  close(): Promise<void>;
  /** Raw SQL for infrastructure that brings its own (the pg-boss job queue): `{ rows }` of the last statement. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PGlite only: the data directory as a tarball, to clone a migrated template in tests. */
  dumpDataDir?(): Promise<Blob>;
  /** PostgreSQL only: the connection pool's counts, for /metrics. */
  poolStats?(): PoolStats;
}

export interface PoolStats {
  total: number;
  idle: number;
  /** Queries queued for want of a free connection. */
  waiting: number;
}

/** Both drivers return `{ rows }` from execute(); read the `n` of the first row. */
function firstCount(result: unknown): number {
  const rows = (result as { rows?: Array<{ n?: number | string }> }).rows;
  return Number(rows?.[0]?.n ?? 0);
}

/**
 * Whether the transaction wrote anything (read at its end); on PostgreSQL, every node listening (change-listener.ts)
 * is told at commit if it did. Transactions that only read (the outbox's poll every second) change no cached read.
 */
const endOfWork = {
  pglite: sql.raw("select txid_current_if_assigned() is not null as wrote"),
  postgres: sql.raw(
    `select txid_current_if_assigned() is not null as wrote, case when txid_current_if_assigned() is not null then pg_notify('${changeChannel}', '') end`,
  ),
};

function wroteOf(result: unknown): boolean {
  return (result as { rows?: Array<{ wrote?: boolean }> }).rows?.[0]?.wrote === true;
}

function wrap(
  kind: Database["kind"],
  db: Db,
  migrate: () => Promise<void>,
  close: () => Promise<void>,
  executeSql: Database["executeSql"],
): Database {
  return {
    kind,
    db,
    executeSql,
    // Committed with a write: the lists' cached reads (read-cache.ts) may have changed, here and on other nodes.
    async transaction(work) {
      let wrote = false;
      const result = await db.transaction(async (tx) => {
        const value = await work(tx);
        wrote = wroteOf(await tx.execute(endOfWork[kind]));
        return value;
      });
      if (wrote) readsChanged(db);
      return result;
    },
    migrate,
    async appliedMigrations() {
      const result = await db.execute(
        sql`select count(*)::int as n from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
      );
      if (firstCount(result) === 0) return 0;
      return firstCount(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    },
    close,
  };
}

/** Sees every SQL statement before it runs: the API tests count the reads one request makes. */
export type QueryListener = (query: string) => void;

const loggerFor = (onQuery: QueryListener | undefined) => (onQuery ? { logger: { logQuery: onQuery } } : {});

/**
 * PGlite's shared buffers, in this process's memory (PostgreSQL's default is 128 MB). The data files are in the operating
 * system's page cache as well, so a smaller pool costs little: at 50k applications the list queries ran no slower with
 * 32 MB, and the platform's resident memory was some 100 MB smaller (issue 16, P2's RSS).
 */
const embeddedSharedBuffers = "32MB";

/** Embedded PostgreSQL in `dataDir` (null: in memory), guarded by an exclusive lock on the directory. */
export async function openEmbedded(
  dataDir: string | null,
  options: { loadDataDir?: Blob; onQuery?: QueryListener } = {},
): Promise<Database> {
  let lock: DataDirLock | null = null;
  if (dataDir) {
    makeDataDirectory(dataDir);
    lock = await acquireDataDirLock(dataDir);
  }
  try {
    const client = await PGlite.create({
      ...(dataDir ? { dataDir: join(dataDir, "pgdata") } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${embeddedSharedBuffers}`],
    });
    const db = drizzlePglite({ client, schema, ...loggerFor(options.onQuery) }) as unknown as Db;
    const database = wrap(
      "pglite",
      db,
      () => migratePglite(db as never, { migrationsFolder }),
      async () => {
        await client.close();
        await lock?.release();
      },
      // PGlite's query() takes one statement with parameters, exec() several without: pg-boss sends both kinds.
      async (text, values) => {
        if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    );
    database.dumpDataDir = () => client.dumpDataDir("none");
    return database;
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

export async function openPostgres(url: string, poolSize = 10, onQuery?: QueryListener): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  await pool.query("select 1");
  const db = drizzlePg({ client: pool, schema, ...loggerFor(onQuery) }) as unknown as Db;
  const listener = listenForChanges(
    url,
    () => readsChanged(db),
    (listening) => hearsChanges(db, listening),
  );
  const database = wrap(
    "postgres",
    db,
    () => migratePg(db as never, { migrationsFolder }),
    async () => {
      await listener.close();
      await pool.end();
    },
    async (text, values) => {
      // Several statements in one text answer one result each; the caller wants the last.
      const result: pg.QueryResult | pg.QueryResult[] = await pool.query(text, values);
      return { rows: (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [] };
    },
  );
  database.poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  return database;
}
