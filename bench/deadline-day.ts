/**
 * P2 deadline day (issue 16 item 4), `npx tsx bench/deadline-day.ts`: BENCH_APPLICANTS host units (500 by default),
 * each signed in with its own account and draft, upload a BENCH_MB MiB PDF (20) to the draft at the same moment
 * (bench/lib/upload-burst.ts, a child process). The platform runs as `npm start` runs it, the compiled server in a
 * process of its own (bench/lib/server-process.ts), on a fresh embedded database with the demo, or on PostgreSQL when
 * BENCH_DATABASE_URL names a server (a database `guohe_bench_deadline` is made there); the data, applicants included,
 * is made beforehand by bench/lib/deadline-day-applicants.ts in a process of its own, and every applicant then signs
 * in over HTTP. Each round's uploads are checked with the platform stopped, which is then started again.
 * Baselines in the same run: `cp` of as many files of the same size on the same disk, then `sync` (uploads are synced
 * file by file), and, shown only, the same burst to a bare route that parses the multipart body and drops the file
 * (what HTTP and parsing alone cost on this machine, the client included). Interleaved for BENCH_ROUNDS rounds (3),
 * medians.
 *
 * Shown too: how long after its body's last byte an upload is answered, and when the last answer came; a short wait
 * there means reading the bytes, not the work around them, sets the pace.
 *
 * Targets: 0 errors; 0 lost (every 201 has its row and its bytes on disk under the SHA-256 sent); peak RSS of this
 * process < 512 MB (sampled every 100 ms from /proc; an embedded database holds some 400 MB of it); aggregate upload
 * MB/s ≥ 50% of cp's.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import multipart from "@fastify/multipart";
import { eq, gte } from "drizzle-orm";
import Fastify from "fastify";
import pg from "pg";
import { type Database, openEmbedded, openPostgres } from "../server/db/client";
import { files } from "../server/db/schema";
import type { DeadlineDayApplicant } from "./lib/deadline-day-applicants";
import { databaseUrlFor, engine, serverUrl, signInSession } from "./lib/platform";
import { median, printTable, type Row, rounds } from "./lib/rounds";
import { startServerProcess } from "./lib/server-process";
import type { UploadBurst, UploadJob } from "./lib/upload-burst";

const applicantCount = Number(process.env.BENCH_APPLICANTS ?? 500);
const megabytes = Number(process.env.BENCH_MB ?? 20);
const bytes = megabytes * 1024 * 1024;
const mib = (n: number) => n / 1024 / 1024;
const gigabytes = (n: number) => n / 1024 / 1024 / 1024;

const dataDir = mkdtempSync(join(tmpdir(), "guohe-bench-deadline-"));
const filesRoot = join(dataDir, "files");

const databaseUrl = serverUrl ? await databaseUrlFor("guohe_bench_deadline") : undefined;
const environment = {
  DATA_DIR: dataDir,
  DEMO: "1",
  LOGIN_RATE_LIMIT: "100000",
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};
let started = performance.now();
const applicants = JSON.parse(
  execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "lib", "deadline-day-applicants.ts")], {
    env: { ...process.env, ...environment, BENCH_APPLICANTS: String(applicantCount) },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  }).toString("utf8"),
) as DeadlineDayApplicant[];
console.log(
  `${applicantCount} host units with an account and a draft each in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);

// The platform as `npm start` runs it: the compiled server in a process of its own, so its RSS is the platform's alone.
execFileSync(process.execPath, [join(import.meta.dirname, "..", "scripts", "build-server.mjs")], { stdio: "inherit" });
let platform = await startServerProcess(environment);

/** The database, opened by this process while the platform is stopped (PGlite allows one process per directory). */
async function openDatabase(): Promise<Database> {
  return databaseUrl ? await openPostgres(databaseUrl, 4) : await openEmbedded(dataDir);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Runs `work` on every item, `limit` at a time. */
async function eachLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

started = performance.now();
const sessions = await eachLimited(applicants, 4, (applicant) => signInSession(platform.url, applicant.username));
console.log(`${applicantCount} sign-ins in ${((performance.now() - started) / 1000).toFixed(0)} s`);

const bare = Fastify();
await bare.register(multipart, { limits: { fileSize: bytes, files: 1 } });
bare.post("/api/applications/:id/files", async (request, reply) => {
  const part = await request.file();
  let dropped = 0;
  if (part) for await (const chunk of part.file) dropped += (chunk as Buffer).length;
  return reply.code(dropped > 0 ? 201 : 400).send({ files: [] });
});
await bare.listen({ port: 0, host: "127.0.0.1" });
const drainUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

// The cp baseline's source: one file of the upload's size, linked under as many names as there are applicants
// (cp copies each link as a file of its own; the source is read from the page cache, as the uploads come from memory).
const cpSource = join(dataDir, "cp-source");
mkdirSync(cpSource);
await writeFile(join(cpSource, "0"), randomBytes(bytes));
for (let index = 1; index < applicantCount; index += 1) linkSync(join(cpSource, "0"), join(cpSource, String(index)));

function copyBaseline() {
  const target = join(dataDir, "cp-target");
  execFileSync("sync");
  const from = performance.now();
  execFileSync("cp", ["-r", cpSource, target]);
  const copied = performance.now();
  execFileSync("sync");
  const synced = performance.now();
  rmSync(target, { recursive: true, force: true });
  execFileSync("sync");
  const total = mib(bytes * applicantCount);
  return { cp: total / ((copied - from) / 1000), cpSync: total / ((synced - from) / 1000) };
}

interface RoundOutcome {
  megabytesPerSecond: number;
  peakRss: number;
  errors: number;
  acknowledged: number;
  stored: number;
  lost: number;
  stagedLeft: number;
  firstError: string | null;
  /** Seconds into the burst when the last acknowledged body was handed to the kernel, and when its answer came. */
  lastSentS: number;
  lastAnsweredS: number;
  /** Median seconds from an upload's last byte handed off to its answer. */
  answerAfterSentS: number;
  /** The platform process's CPU seconds (all threads, user + system) and minor page faults during the burst. */
  cpuSeconds: number;
  minorFaults: number;
}

/** The burst from its own process (bench/lib/upload-burst.ts) against `url`, `rss()` sampled meanwhile. */
async function runBurst(
  url: string,
  round: number,
  rss: () => number,
): Promise<{ burst: UploadBurst; peakRss: number }> {
  const job: UploadJob = {
    url,
    bytes,
    round,
    applicants: applicants.map((applicant, index) => ({ applicationId: applicant.applicationId, ...sessions[index]! })),
  };
  const jobFile = join(dataDir, "job.json");
  await writeFile(jobFile, JSON.stringify(job));
  execFileSync("sync");
  let peakRss = rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rss());
  }, 100);
  const client = join(import.meta.dirname, "lib", "upload-burst.ts");
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", client, jobFile], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    child.on("error", reject);
    // "close", not "exit": the answer is read to its end (the child may exit before its stdout is drained).
    child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`upload-burst exited ${code}`))));
  });
  clearInterval(sampler);
  return { burst: JSON.parse(output) as UploadBurst, peakRss };
}

/** The ceiling of HTTP and multipart parsing on this machine: the same burst to a bare route that drops the file. */
async function drainRound(round: number): Promise<{ megabytesPerSecond: number; cpuSecondsPerGb: number }> {
  const before = process.cpuUsage();
  const { burst } = await runBurst(drainUrl, round, () => process.memoryUsage().rss);
  const { user, system } = process.cpuUsage(before);
  const drained = burst.results.filter((result) => result.status === 201).length;
  return {
    megabytesPerSecond: mib(bytes * drained) / (burst.elapsedMs / 1000),
    cpuSecondsPerGb: (user + system) / 1e6 / gigabytes(bytes * drained),
  };
}

async function uploadRound(round: number): Promise<RoundOutcome> {
  const since = new Date();
  const before = platform.usage();
  const { burst, peakRss } = await runBurst(platform.url, round, platform.rss);
  const after = platform.usage();
  // Checked with the platform stopped (an embedded database has one process), then started again for the next round.
  await platform.stop();
  const database = await openDatabase();

  // Every acknowledged upload: its row, and its bytes on disk under the SHA-256 the applicant sent.
  const acknowledged = burst.results.filter((result) => result.status === 201);
  const verified = await eachLimited(acknowledged, 4, async (result) => {
    if (!result.fileId || result.storedSha256 !== result.sha256) return false;
    const [row] = await database.db.select().from(files).where(eq(files.id, result.fileId));
    if (!row || row.sha256 !== result.sha256 || row.size !== bytes) return false;
    const path = join(filesRoot, row.storageKey);
    return existsSync(path) && (await sha256Of(path)) === result.sha256;
  });
  const roundRows = await database.db.select().from(files).where(gte(files.createdAt, since));
  const staging = join(filesRoot, ".staging");
  const stagedLeft = existsSync(staging) ? readdirSync(staging).length : 0;
  // The round's bytes are checked: removed, so three rounds of 10 GB do not fill the disk.
  for (const row of roundRows) rmSync(join(filesRoot, row.storageKey), { force: true });
  execFileSync("sync");
  await database.close();
  platform = await startServerProcess(environment);
  const failures = burst.results.filter((result) => result.status !== 201);
  return {
    megabytesPerSecond: mib(bytes * acknowledged.length) / (burst.elapsedMs / 1000),
    peakRss,
    errors: failures.length,
    acknowledged: acknowledged.length,
    stored: roundRows.length,
    lost: verified.filter((ok) => !ok).length,
    stagedLeft,
    firstError: failures[0] ? `${failures[0].status} ${failures[0].error}` : null,
    lastSentS: Math.max(...acknowledged.map((result) => result.sentMs)) / 1000,
    lastAnsweredS: Math.max(...acknowledged.map((result) => result.answeredMs)) / 1000,
    answerAfterSentS: median(acknowledged.map((result) => result.answeredMs - result.sentMs)) / 1000,
    cpuSeconds: after.userSeconds + after.systemSeconds - before.userSeconds - before.systemSeconds,
    minorFaults: after.minorFaults - before.minorFaults,
  };
}

const idleRss = platform.rss();
const baselines: Array<ReturnType<typeof copyBaseline>> = [];
const drains: Array<Awaited<ReturnType<typeof drainRound>>> = [];
const outcomes: RoundOutcome[] = [];
for (let round = 0; round < rounds; round += 1) {
  baselines.push(copyBaseline());
  drains.push(await drainRound(round));
  outcomes.push(await uploadRound(round));
  const last = outcomes.at(-1)!;
  console.log(
    `round ${round + 1}: cp + sync ${baselines.at(-1)!.cpSync.toFixed(0)} MB/s, drain ${drains.at(-1)!.megabytesPerSecond.toFixed(0)} MB/s, platform ${last.megabytesPerSecond.toFixed(0)} MB/s, last byte sent at ${last.lastSentS.toFixed(1)} s, last answer at ${last.lastAnsweredS.toFixed(1)} s, answer ${last.answerAfterSentS.toFixed(2)} s after the body (median), peak RSS ${mib(last.peakRss).toFixed(0)} MB, server CPU ${last.cpuSeconds.toFixed(1)} s, ${last.minorFaults} minor faults, ${last.errors} errors, ${last.lost} lost${last.firstError ? ` (first error: ${last.firstError})` : ""}`,
  );
}

const throughput = median(outcomes.map((o) => o.megabytesPerSecond));
const cpSync = median(baselines.map((b) => b.cpSync));
const cp = median(baselines.map((b) => b.cp));
const drain = median(drains.map((d) => d.megabytesPerSecond));
const cpuPerGb = median(outcomes.map((o) => o.cpuSeconds / gigabytes(bytes * o.acknowledged)));
const drainCpuPerGb = median(drains.map((d) => d.cpuSecondsPerGb));
const peakRss = Math.max(...outcomes.map((o) => o.peakRss));
const sum = (pick: (o: RoundOutcome) => number) => outcomes.reduce((total, o) => total + pick(o), 0);
const attempted = applicantCount * rounds;
const rows: Row[] = [
  {
    id: "P2",
    what: "upload errors (non-201 or connection)",
    figure: `${sum((o) => o.errors)} of ${attempted}`,
    baseline: "—",
    ratio: "—",
    target: "0",
    met: sum((o) => o.errors) === 0,
  },
  {
    id: "P2",
    what: "lost: 201 without its row or exact bytes",
    figure: `${sum((o) => o.lost)} of ${sum((o) => o.acknowledged)} acked`,
    baseline: `${sum((o) => o.stored)} rows stored`,
    ratio: "—",
    target: "0",
    met: sum((o) => o.lost) === 0 && sum((o) => o.stored) === sum((o) => o.acknowledged),
  },
  {
    id: "P2",
    what: "staging files left after each round",
    figure: String(sum((o) => o.stagedLeft)),
    baseline: "—",
    ratio: "—",
    target: "0",
    met: sum((o) => o.stagedLeft) === 0,
  },
  {
    id: "P2",
    what: "peak RSS of the platform's process",
    figure: `${mib(peakRss).toFixed(0)} MB`,
    baseline: `idle ${mib(idleRss).toFixed(0)} MB before`,
    ratio: `+${mib(peakRss - idleRss).toFixed(0)} MB`,
    target: "< 512 MB",
    met: peakRss < 512 * 1024 * 1024,
  },
  {
    id: "P2",
    what: `aggregate upload (${applicantCount} × ${megabytes} MB at once)`,
    figure: `${throughput.toFixed(0)} MB/s`,
    baseline: `cp + sync ${cpSync.toFixed(0)} MB/s`,
    ratio: `${((100 * throughput) / cpSync).toFixed(1)}%`,
    target: "≥ 50% of cp",
    met: throughput >= 0.5 * cpSync,
  },
  {
    id: "P2",
    what: "  the same against cp without sync",
    figure: `${throughput.toFixed(0)} MB/s`,
    baseline: `cp ${cp.toFixed(0)} MB/s`,
    ratio: `${((100 * throughput) / cp).toFixed(1)}%`,
    target: "(page cache only; shown)",
    met: null,
  },
  {
    id: "P2",
    what: "  the same against a bare multipart drain",
    figure: `${throughput.toFixed(0)} MB/s`,
    baseline: `drain ${drain.toFixed(0)} MB/s`,
    ratio: `${((100 * throughput) / drain).toFixed(1)}%`,
    target: "(HTTP + parsing ceiling; shown)",
    met: null,
  },
  {
    id: "P2",
    what: "CPU per GB stored, the platform's process (all threads)",
    figure: `${cpuPerGb.toFixed(2)} s/GB`,
    baseline: `drain ${drainCpuPerGb.toFixed(2)} s/GB`,
    ratio: `${(cpuPerGb / drainCpuPerGb).toFixed(2)}×`,
    target: "(the cost of a byte, whatever the disk does; shown)",
    met: null,
  },
  {
    id: "P2",
    what: "answer after the body's last byte (median upload)",
    figure: `${median(outcomes.map((o) => o.answerAfterSentS)).toFixed(2)} s`,
    baseline: `last answer ${median(outcomes.map((o) => o.lastAnsweredS)).toFixed(1)} s into the burst`,
    ratio: "—",
    target: "(the bytes, not the answer, set the pace; shown)",
    met: null,
  },
];
printTable(
  `P2 deadline day — ${engine}, ${applicantCount} applicants × ${megabytes} MB, ${rounds} interleaved round${rounds === 1 ? "" : "s"}, medians (peak RSS: the highest), Node ${process.versions.node}`,
  rows,
);
await platform.stop();
await bare.close();
rmSync(dataDir, { recursive: true, force: true });
if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query("drop database if exists guohe_bench_deadline with (force)");
  await admin.end();
}
