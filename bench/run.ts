/**
 * `npm run bench [-- P1 P3 …]`: the province-scale benchmarks of issue 16, each in its own process (so memory and
 * start-up figures are its own), on embedded PGlite or, when BENCH_DATABASE_URL names a PostgreSQL server, there.
 * Every benchmark prints its table (figure, baseline measured in the same run, ratio, ✓/✗ against its target); this
 * runner then prints them all again as one summary. A benchmark prints; nothing here fails on a figure — only a
 * benchmark that cannot run makes the exit code non-zero.
 *
 * BENCH_QUICK=1 shrinks every size and runs one short round: a smoke run, whose figures are not the targets'.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Row } from "./lib/rounds";

const sections = [
  { id: "P1", what: "lists at province scale", script: "bench/lists.ts" },
  { id: "P2", what: "deadline day: 500 applicants × 20 MB", script: "bench/deadline-day.ts" },
  { id: "P3", what: "exports: 10k-row Excel, PDFs", script: "bench/exports.ts" },
  { id: "P4", what: "start and restart", script: "bench/start.ts" },
  { id: "P5", what: "web payload", script: "bench/web-payload.ts" },
  { id: "P6", what: "expert draw", script: "bench/draw.ts" },
  { id: "P7", what: "policy CLI", script: "bench/cli.ts" },
  { id: "grading", what: "grading a year of reports", script: "bench/grading.ts" },
  { id: "assistant", what: "policy assistant", script: "bench/assistant/run.ts" },
] as const;

const quick = process.env.BENCH_QUICK === "1";
const quickSizes = {
  BENCH_ROUNDS: "1",
  BENCH_SECONDS: "2",
  BENCH_APPLICATIONS: "5000",
  BENCH_APPLICANTS: "50",
  BENCH_EXPORT_ROWS: "2000",
};
const asked = process.argv.slice(2).map((arg) => arg.toLowerCase());
const chosen = asked.length ? sections.filter((section) => asked.includes(section.id.toLowerCase())) : sections;
if (asked.length && chosen.length !== asked.length) {
  console.error(`unknown benchmark in ${asked.join(" ")}; choose from ${sections.map((s) => s.id).join(" ")}`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "guohe-bench-run-"));
const report = join(work, "report.ndjson");
const outcomes: Array<{ id: string; what: string; seconds: number; status: number | null }> = [];
for (const section of chosen) {
  console.log(`\n━━ ${section.id} ${section.what} (${section.script})`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", section.script], {
    stdio: "inherit",
    env: { ...process.env, ...(quick ? quickSizes : {}), BENCH_REPORT: report },
  });
  outcomes.push({ ...section, seconds: (Date.now() - started) / 1000, status: result.status });
}

let tables: Array<{ title: string; rows: Row[] }> = [];
try {
  tables = readFileSync(report, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  // no benchmark printed a table
}
rmSync(work, { recursive: true, force: true });

const rows = tables.flatMap((table) => table.rows);
console.log(`\n━━ summary${quick ? " (BENCH_QUICK: smoke sizes, not the targets' figures)" : ""}`);
for (const outcome of outcomes) {
  const own = rows.filter((row) => row.id === outcome.id);
  const met = own.filter((row) => row.met === true).length;
  const missed = own.filter((row) => row.met === false).length;
  const state =
    outcome.status !== 0
      ? `did not run (exit ${outcome.status})`
      : own.length
        ? `${met} ✓  ${missed} ✗`
        : "printed above (no targets)";
  console.log(`${outcome.id.padEnd(10)}${outcome.what.padEnd(40)}${state.padEnd(28)}${outcome.seconds.toFixed(0)} s`);
}
const missed = rows.filter((row) => row.met === false);
if (missed.length) {
  console.log("\ntargets not met:");
  for (const row of missed) console.log(`✗ ${row.id} ${row.what}: ${row.figure} (target ${row.target})`);
}
process.exit(outcomes.some((outcome) => outcome.status !== 0) ? 1 : 0);
