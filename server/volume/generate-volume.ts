import { sql } from "drizzle-orm";
import { type CommandDeps, execute, systemActor } from "../commands/command";
import type { Tx } from "../db/client";
import { fillApplications } from "./fill-applications";
import { fillBases } from "./fill-bases";
import { fillCalls, volumeCallYears } from "./fill-calls";
import { fillExperts } from "./fill-experts";
import { fillUnits } from "./fill-units";
import { loadVolumeContext, saveCounters } from "./volume-context";

export interface VolumeSizes {
  bases: number;
  applications: number;
  experts: number;
}

/** The tables a run writes, in the order the report lists them. */
export const volumeTables = [
  "units",
  "people",
  "calls",
  "applications",
  "application_events",
  "bases",
  "experts",
] as const;
export type VolumeTable = (typeof volumeTables)[number];

export interface VolumeReport {
  /** Rows added to each table by this run. */
  written: Record<VolumeTable, number>;
  /** Rows in each table after it. */
  totals: Record<VolumeTable, number>;
  seconds: number;
}

async function countRows(tx: Tx): Promise<Record<VolumeTable, number>> {
  const counts = volumeTables.map(
    (table) => sql`(select count(*) from ${sql.identifier(table)})::int as ${sql.identifier(table)}`,
  );
  const result = await tx.execute(sql`select ${sql.join(counts, sql`, `)}`);
  const [row] = (result as unknown as { rows: Array<Record<VolumeTable, number | string>> }).rows;
  return Object.fromEntries(volumeTables.map((table) => [table, Number(row?.[table] ?? 0)])) as Record<
    VolumeTable,
    number
  >;
}

/**
 * Fills the database with province-scale data for the benchmarks: `bases` bases, `applications` applications and
 * `experts` experts, with the host units, directors and calls they need, cloned from the demo rows so every JSON
 * column stays what the repositories parse. One transaction (all or nothing) with one audit entry; set-based
 * statements, so 10 000 / 50 000 / 5 000 take well under a minute. A second run adds as many again.
 */
export async function generateVolume(deps: CommandDeps, sizes: VolumeSizes): Promise<VolumeReport> {
  const started = performance.now();
  const report = await execute(deps, systemActor, "volume.import", { type: "volume" }, async (context) => {
    const { tx } = context;
    // The few sorts and hashes of the set-based inserts then stay in memory (4 MB by default), this transaction only.
    await tx.execute(sql`set local work_mem = '64MB'`);
    const before = await countRows(tx);
    const facts = await loadVolumeContext(tx, context.clock.now());
    // Unit k applies once to each call: enough units for every application, and one per base.
    const unitCount = Math.max(sizes.bases, Math.ceil(sizes.applications / volumeCallYears));
    const units = await fillUnits(tx, facts, context.pii, unitCount);
    await fillCalls(tx, facts, sizes.applications > 0);
    await fillApplications(tx, facts, sizes);
    await fillBases(tx, facts, sizes.bases);
    await fillExperts(tx, facts, context.pii, units, sizes.experts);
    await saveCounters(tx, facts.counters);
    const totals = await countRows(tx);
    const written = Object.fromEntries(volumeTables.map((table) => [table, totals[table] - before[table]])) as Record<
      VolumeTable,
      number
    >;
    await context.audit({ changes: { sizes, written } });
    return { written, totals };
  });
  // As autovacuum would soon after a bulk load (the embedded database has none): fresh statistics for the plans and a
  // visibility map, without which a deep page's index-only scan reads the table (a sort of 50k rows instead, 57 ms).
  await deps.database.executeSql(`vacuum (analyze) ${volumeTables.join(", ")}`);
  return { ...report, seconds: (performance.now() - started) / 1000 };
}
