/**
 * P4 start (issue 16 item 6), part of `npm run bench`: `npm start` as README runs it (the compiled server, embedded
 * PGlite, demo data), timed from launch to the first 200 from /readyz — on a fresh data directory (first start:
 * database created, migrated, reference and demo data loaded) and again on the same directory (restart). Baseline in
 * the same run: bare Fastify + PGlite (bench/start-baseline.ts, bundled by esbuild like the server, so neither pays a
 * transpiler) on a fresh and on a used directory. 3 interleaved rounds, medians.
 *
 * Targets: first start < 20 s, restart < 3 s.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { median, printTable, rounds } from "./lib/rounds";

const root = join(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "guohe-bench-start-"));
// Beside the server's bundle, so that its packages resolve from node_modules as the server's do.
const baselineBundle = join(root, ".build", "bench", "start-baseline.mjs");
await build({
  entryPoints: [join(import.meta.dirname, "start-baseline.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  outfile: baselineBundle,
  logLevel: "warning",
});
// Web app and server bundle brought up to date first, so every timed start is a start, not a build.
execFileSync(process.execPath, ["scripts/build-server.mjs"], { cwd: root, stdio: "inherit" });

/** README's first command runs on the embedded database: no server URL leaks in from the caller's environment. */
const { DATABASE_URL: _server, ...embeddedEnvironment } = process.env;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Launches `args` and resolves with the milliseconds until /readyz answers 200; the process is then stopped. */
async function timeToReady(args: string[], dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...embeddedEnvironment, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
        .then((response) => response.ok)
        .catch(() => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 180_000) throw new Error(`${args.join(" ")}: not ready in 180 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const samples = {
  first: [] as number[],
  restart: [] as number[],
  bareFirst: [] as number[],
  bareRestart: [] as number[],
};
for (let round = 0; round < rounds; round += 1) {
  const product = mkdtempSync(join(work, "product-"));
  samples.first.push(await timeToReady(["scripts/start.mjs"], product));
  samples.restart.push(await timeToReady(["scripts/start.mjs"], product));
  const bare = mkdtempSync(join(work, "bare-"));
  samples.bareFirst.push(await timeToReady([baselineBundle], bare));
  samples.bareRestart.push(await timeToReady([baselineBundle], bare));
  rmSync(product, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

const first = median(samples.first);
const restart = median(samples.restart);
const bareFirst = median(samples.bareFirst);
const bareRestart = median(samples.bareRestart);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
printTable(
  `P4 start — npm start, embedded PGlite, demo data; ${rounds} interleaved rounds, medians, Node ${process.versions.node}`,
  [
    {
      id: "P4",
      what: "first start (fresh data directory, demo loaded)",
      figure: s(first),
      baseline: `bare Fastify + PGlite ${s(bareFirst)}`,
      ratio: `${(first / bareFirst).toFixed(1)}×`,
      target: "< 20 s",
      met: first < 20_000,
    },
    {
      id: "P4",
      what: "restart (same data directory)",
      figure: s(restart),
      baseline: `bare Fastify + PGlite ${s(bareRestart)}`,
      ratio: `${(restart / bareRestart).toFixed(1)}×`,
      target: "< 3 s",
      met: restart < 3_000,
    },
  ],
);
