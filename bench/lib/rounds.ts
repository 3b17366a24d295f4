/**
 * What every province-scale benchmark shares (issue 16): targets measured in interleaved rounds beside their
 * baselines, medians, and one printed table of figure, baseline, ratio and ✓/✗ against the target. A benchmark
 * prints; nothing here asserts a timing.
 */
import { appendFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const requestSetup = fileURLToPath(new URL("./load-requests.cjs", import.meta.url));

export const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
export const seconds = Number(process.env.BENCH_SECONDS ?? 5);

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export interface Throughput {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon against one URL for `seconds`; refuses to report a figure made of errors. */
export async function load(
  url: string,
  options: {
    connections: number;
    headers?: Record<string, string>;
    /**
     * Each request from another address through a trusted proxy (the server must run with TRUST_PROXY=127.0.0.1),
     * as a province's visitors would: public routes are limited per address.
     */
    manyAddresses?: boolean;
    /** Each request asks for the next of this many pages of 20 (`?page=`), round and round. */
    pages?: number;
  },
): Promise<Throughput> {
  const { manyAddresses = false, pages = 0 } = options;
  // The load generator in a worker thread of its own: on the platform's event loop it cost the platform a share of
  // its time that grew with each response's size.
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: seconds,
    headers: options.headers ?? {},
    workers: 1,
    ...(manyAddresses || pages
      ? { initialContext: { manyAddresses, pages }, requests: [{ setupRequest: requestSetup }] }
      : {}),
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Runs every job once per round, in the same order each round, and keeps each job's medians. */
export async function interleaved<K extends string>(
  jobs: Record<K, () => Promise<Throughput>>,
): Promise<Record<K, Throughput>> {
  const samples = Object.fromEntries(Object.keys(jobs).map((key) => [key, [] as Throughput[]])) as Record<
    K,
    Throughput[]
  >;
  for (let round = 0; round < rounds; round += 1) {
    for (const key of Object.keys(jobs) as K[]) samples[key].push(await jobs[key]());
  }
  return Object.fromEntries(
    (Object.keys(jobs) as K[]).map((key) => {
      const list = samples[key];
      return [
        key,
        {
          rps: median(list.map((s) => s.rps)),
          p99: median(list.map((s) => s.p99)),
          non2xx: list.reduce((sum, s) => sum + s.non2xx, 0),
          errors: list.reduce((sum, s) => sum + s.errors, 0),
        },
      ];
    }),
  ) as Record<K, Throughput>;
}

export interface Row {
  id: string;
  what: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

/** Columns wide enough for Chinese: a CJK character takes two cells in a terminal. */
const cells = (text: string) => [...text].reduce((sum, char) => sum + (/[\u1100-\uffff]/.test(char) ? 2 : 1), 0);
const pad = (text: string, width: number) => text + " ".repeat(Math.max(1, width - cells(text)));

/**
 * One table per benchmark: every figure beside its in-run baseline, its ratio and the target it is held to. When
 * BENCH_REPORT names a file (bench/run.ts), the table is also appended to it as one JSON line for the summary.
 */
export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  const widths = { id: 4, what: 56, figure: 24, baseline: 32, ratio: 9 };
  console.log(
    `   ${pad("id", widths.id)}${pad("what", widths.what)}${pad("measured", widths.figure)}${pad("baseline (same run)", widths.baseline)}${pad("ratio", widths.ratio)}target`,
  );
  for (const row of rows) {
    const mark = row.met === null ? "·" : row.met ? "✓" : "✗";
    console.log(
      `${mark}  ${pad(row.id, widths.id)}${pad(row.what, widths.what)}${pad(row.figure, widths.figure)}${pad(row.baseline, widths.baseline)}${pad(row.ratio, widths.ratio)}${row.target}`,
    );
  }
  if (process.env.BENCH_REPORT) appendFileSync(process.env.BENCH_REPORT, `${JSON.stringify({ title, rows })}\n`);
}

export const rate = (t: Throughput) => `${t.rps.toFixed(0)} req/s p99 ${t.p99} ms`;
export const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
