import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";

/** Column name → SQL type of a temporary table the generator fills from rows built in code. */
export type ColumnTypes = Record<string, string>;

/** A temporary table dropped at commit: the generated rows' facts that later set-based inserts join on. */
export async function createScratchTable(tx: Tx, table: string, columns: ColumnTypes): Promise<void> {
  const definition = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(", ");
  await tx.execute(sql.raw(`create temporary table ${table} (${definition}) on commit drop`));
}

/**
 * Rows built in code (those needing a check digit or encryption), a few thousand per statement: each batch is one
 * jsonb parameter that jsonb_to_recordset unpacks, so both drivers parse one value rather than thousands.
 */
export async function insertJsonRows(
  tx: Tx,
  table: string,
  columns: ColumnTypes,
  rows: readonly object[],
  batchSize = 2000,
): Promise<void> {
  const names = Object.keys(columns).join(", ");
  const definition = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(", ");
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = JSON.stringify(rows.slice(start, start + batchSize));
    await tx.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${batch}::jsonb) as x(${sql.raw(definition)})`,
    );
  }
}
