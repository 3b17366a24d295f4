/**
 * P7 policy CLI (issue 16 item 8), `npx tsx bench/cli.ts`: the start-up of `node scripts/policy.mjs check <one file>`
 * against a bare `node -e 0` (and the tsx start it replaced), and 1,000 case files checked in one run — through a
 * directory and through NDJSON on stdin — against the one-file figure × 1,000. Cases are the docs/examples ones,
 * copied with fresh caseIds into a temporary directory. Interleaved rounds (BENCH_ROUNDS, 3 by default), medians;
 * each start-up figure is itself the median of several launches per round. Target: start-up < 300 ms.
 */
import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, printTable, type Row, rounds } from "./lib/rounds";

const root = join(import.meta.dirname, "..");
const caseCount = 1_000;
const launchesPerRound = 10;
const tsxLaunchesPerRound = 3;
const oneFile = "docs/examples/eligibility-case.json";

/** Wall time of one child process, refusing a figure from a run that did not work. */
function timed(command: string, args: string[], options: SpawnSyncOptions = {}): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 30, ...options });
  const ms = performance.now() - started;
  // Exit 1 only says a rule fails (an example case does, on purpose); 2 or a signal means the run is no figure.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${args.join(" ")}: exit ${result.status ?? result.signal}\n${result.stderr}`);
  return { ms, stdout: String(result.stdout) };
}

const launches = (count: number, command: string, args: string[]) =>
  median(Array.from({ length: count }, () => timed(command, args).ms));

// 1,000 cases from the examples, one file each and the same as NDJSON lines.
const examples: Record<string, unknown>[] = [
  JSON.parse(readFileSync(join(root, oneFile), "utf8")),
  ...JSON.parse(readFileSync(join(root, "docs/examples/eligibility-batch.json"), "utf8")),
];
const directory = mkdtempSync(join(tmpdir(), "guohe-bench-cli-"));
const lines: string[] = [];
for (let index = 0; index < caseCount; index += 1) {
  const value = { ...examples[index % examples.length], caseId: `bench-${String(index).padStart(4, "0")}` };
  writeFileSync(join(directory, `case-${String(index).padStart(4, "0")}.json`), JSON.stringify(value, null, 2));
  lines.push(JSON.stringify(value));
}
const ndjson = `${lines.join("\n")}\n`;

// Build the bundle if stale, and warm the file cache, before anything is timed.
timed(process.execPath, ["scripts/policy.mjs", "check", oneFile]);

const samples = {
  node: [] as number[],
  check: [] as number[],
  tsx: [] as number[],
  dir: [] as number[],
  nd: [] as number[],
};
for (let round = 0; round < rounds; round += 1) {
  samples.node.push(launches(launchesPerRound, process.execPath, ["-e", "0"]));
  samples.check.push(launches(launchesPerRound, process.execPath, ["scripts/policy.mjs", "check", oneFile]));
  samples.tsx.push(
    launches(tsxLaunchesPerRound, join(root, "node_modules", ".bin", "tsx"), [
      "scripts/policy-cli.ts",
      "check",
      oneFile,
    ]),
  );
  samples.dir.push(timed(process.execPath, ["scripts/policy.mjs", "check", directory]).ms);
  const piped = timed(process.execPath, ["scripts/policy.mjs", "check", "--ndjson", "-"], { input: ndjson });
  const results = piped.stdout.trimEnd().split("\n").length;
  if (results !== caseCount) throw new Error(`NDJSON run printed ${results} results for ${caseCount} cases`);
  samples.nd.push(piped.ms);
}
rmSync(directory, { recursive: true, force: true });

const node = median(samples.node);
const check = median(samples.check);
const tsx = median(samples.tsx);
const perFileTotal = check * caseCount;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const batchRow = (what: string, value: number): Row => ({
  id: "P7",
  what,
  figure: `${seconds(value)} (${(value / caseCount).toFixed(2)} ms/case)`,
  baseline: `one file × 1,000 ${seconds(perFileTotal)}`,
  ratio: `${(perFileTotal / value).toFixed(0)}× less`,
  target: "— (none set)",
  met: null,
});
printTable(
  `P7 policy CLI — ${rounds} interleaved rounds, medians (start-up: median of ${launchesPerRound} launches a round), Node ${process.versions.node}`,
  [
    {
      id: "P7",
      what: "start-up: policy.mjs check <1 file>",
      figure: ms(check),
      baseline: `node -e 0 ${ms(node)}`,
      ratio: `${(check / node).toFixed(2)}×`,
      target: "< 300 ms",
      met: check < 300,
    },
    {
      id: "P7",
      what: "start-up: tsx policy-cli.ts check (before)",
      figure: ms(tsx),
      baseline: `bundle ${ms(check)}`,
      ratio: `${(tsx / check).toFixed(1)}×`,
      target: "— (the replaced start)",
      met: null,
    },
    batchRow(`${caseCount.toLocaleString("en")} case files in one run: a directory`, median(samples.dir)),
    batchRow(`${caseCount.toLocaleString("en")} cases in one run: --ndjson - (stdin)`, median(samples.nd)),
  ],
);
