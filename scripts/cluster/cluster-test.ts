/**
 * `npm run test:cluster [-- --long]` (issue 17): PostgreSQL, two app nodes and nginx on loopback. Host units autosave
 * and upload 20 MB files through the proxy while one node is killed (SIGKILL) and restarted; then every
 * acknowledged write is looked for, and the cross-node guarantees are checked: notifications delivered once, no
 * scheduled job run twice, a rate limit shared by both nodes, sessions valid on both, `audit:verify` intact.
 * The default is the smoke run CI runs (≤ 2 minutes here); --long runs 200 host units for 5 minutes and kills each
 * node in turn. Prints counts; exits 1 when a check fails, 2 when it cannot run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { usccCheckDigit } from "../../policy/uscc";
import { buildServer, serverBuildStaleness } from "../build-server.mjs";
import {
  type Applicant,
  type ApplicantOutcome,
  applicantLoad,
  counters,
  markerOf,
  seenAcrossNodes,
  signIn,
} from "./load";
import { appNode, startDatabase, startProxy, stopAll } from "./services";

const long = process.argv.includes("--long");
type Outage = { node: "A" | "B"; how: "kill" | "stop" };
const plan: { applicants: number; seconds: number; uploads: number; outages: Outage[] } = long
  ? {
      applicants: 200,
      seconds: 300,
      uploads: 3,
      outages: [
        { node: "B", how: "kill" },
        { node: "A", how: "stop" },
        { node: "A", how: "kill" },
        { node: "B", how: "stop" },
      ],
    }
  : {
      applicants: 20,
      seconds: 40,
      uploads: 1,
      outages: [
        { node: "B", how: "kill" },
        { node: "A", how: "stop" },
      ],
    };
const uploadBytes = 20 * 1024 * 1024;
const root = join(import.meta.dirname, "..", "..");
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const say = (line: string) => console.log(`[cluster ${elapsed()}] ${line}`);
const checks: Array<{ what: string; ok: boolean; detail: string }> = [];
const check = (what: string, ok: boolean, detail: string) => checks.push({ what, ok, detail });

const work = mkdtempSync(join(tmpdir(), "guohe-cluster-"));
const metricsToken = randomBytes(32).toString("hex");
let exitCode = 0;
try {
  if (serverBuildStaleness()) await buildServer();
  const databaseUrl = await startDatabase();
  // The shared volume: the files root and the demo's key file, as both nodes of a province deployment mount them.
  const shared = join(work, "shared");
  mkdirSync(shared);
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: shared,
    DEMO: "1",
    TRUST_PROXY: "127.0.0.1",
    LOG_LEVEL: "warn",
    METRICS_TOKEN: metricsToken,
    // A stopping node answers /readyz 503 for a moment before it closes its listener.
    SHUTDOWN_DRAIN_MS: "1000",
  };
  const a = appNode("A", env, join(work, "node-a.log"));
  const b = appNode("B", env, join(work, "node-b.log"));
  const nodes = { A: a, B: b };
  await a.start();
  say(`node A ready on ${a.url} (migrated, demo loaded)`);
  const applicants = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", join(root, "bench", "lib", "deadline-day-applicants.ts")], {
      cwd: root,
      env: { ...process.env, ...env, BENCH_APPLICANTS: String(plan.applicants) },
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    }).toString(),
  ) as Applicant[];
  await b.start();
  const proxy = await startProxy(work, [a, b]);
  say(`${applicants.length} host units with drafts; node B ready on ${b.url}; nginx on ${proxy}`);

  const sessions = await Promise.all(
    applicants.map((applicant, i) => signIn(proxy, applicant.username, `10.1.${i >> 8}.${i & 255}`)),
  );

  // A rate limit is one limit, whichever node counts: 15 registrations from one address, alternating nodes, against
  // the route's 10 a minute.
  const recommenders = (await (await fetch(`${a.url}/api/public/recommenders`)).json()) as Array<{
    id: string;
    code: string;
  }>;
  const yichang = recommenders.find((recommender) => recommender.code === "420500")!;
  const registrations: number[] = [];
  for (let i = 0; i < 15; i += 1) {
    const node = i % 2 ? b : a;
    const letter = new FormData();
    letter.set("file", new Blob([`%PDF-1.4\n% letter ${i}\n%%EOF\n`], { type: "application/pdf" }), "授权书.pdf");
    const uploaded = await fetch(`${node.url}/api/public/files`, {
      method: "POST",
      headers: { "x-forwarded-for": `10.2.0.${i}` },
      body: letter,
    });
    const { id: authorisationFileId } = (await uploaded.json()) as { id: string };
    const first17 = `91420500MA4CL${String(i).padStart(4, "0")}`;
    const response = await fetch(`${node.url}/api/public/unit-registrations`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.250.0.1" },
      body: JSON.stringify({
        name: `集群测试注册单位${i}有限公司`,
        uscc: first17 + usccCheckDigit(first17),
        type: "enterprise",
        divisionCode: "420500",
        recommenderId: yichang.id,
        legalRepresentative: "甲某",
        contactName: "乙某",
        contactPhone: "13800001111",
        adminUsername: `cluster.reg${i}`,
        adminDisplayName: "注册管理员",
        adminPassword: "Cluster#Reg2026",
        authorisationFileId,
      }),
    });
    registrations.push(response.status);
  }
  const accepted = registrations.filter((status) => status === 201).length;
  const limited = registrations.filter((status) => status === 429).length;
  check(
    "rate limit shared by both nodes",
    accepted === 10 && limited === 5,
    `15 registrations from one address: ${accepted} × 201, ${limited} × 429 (limit 10 a minute)`,
  );

  // Scheduled jobs every minute for the run (pg-boss reads its schedule table on every cron check, on both nodes),
  // so that ticks happen while both nodes — and, in the outage, one — run the scheduler.
  // A node that starts schedules its jobs again (with their own cron): the change is made again after each restart.
  const everyMinute = async () => {
    const scheduler = new pg.Client({ connectionString: databaseUrl });
    await scheduler.connect();
    await scheduler.query("update pgboss.schedule set cron = '* * * * *' where name = 'report-deadlines'");
    await scheduler.end();
  };
  await everyMinute();

  // The load, and the outages under it.
  const stops: Array<number | null> = [];
  const until = Date.now() + plan.seconds * 1000;
  const outages = (async () => {
    const slot = (plan.seconds * 1000) / (plan.outages.length * 2 + 1);
    for (const outage of plan.outages) {
      const node = nodes[outage.node];
      await new Promise((resolve) => setTimeout(resolve, slot));
      if (outage.how === "kill") {
        await node.kill();
        say(`node ${outage.node} killed (SIGKILL) under load`);
      } else {
        const code = await node.stop();
        stops.push(code);
        say(`node ${outage.node} stopped (SIGTERM, drained) under load: exit ${code}`);
      }
      await new Promise((resolve) => setTimeout(resolve, slot * 0.6));
      await node.start();
      await everyMinute();
      say(`node ${outage.node} restarted and ready`);
    }
  })();
  say(`load: ${applicants.length} host units autosaving for ${plan.seconds} s, ${plan.uploads} × 20 MB upload each`);
  const outcomes: ApplicantOutcome[] = await Promise.all(
    applicants.map((applicant, i) =>
      applicantLoad(proxy, applicant, sessions[i]!, { until, uploads: plan.uploads, uploadBytes }),
    ),
  );
  await outages;
  say(`load done: ${counters.requests} requests, ${counters.transient} transient failures retried`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Every acknowledged save is there: the stored form holds the last acknowledged save or a later one sent.
    let savesAcked = 0;
    let savesFailed = 0;
    let savesMissing = 0;
    for (const outcome of outcomes) {
      savesAcked += outcome.acked;
      savesFailed += outcome.failed;
      const { rows } = await client.query(
        "select form->'application'->>'nameZh' as marker from applications where id = $1",
        [outcome.applicationId],
      );
      const stored = rows[0]?.marker as string | undefined;
      if (outcome.lastAcked === null) continue;
      const allowed = new Set(
        Array.from({ length: outcome.lastAttempted - outcome.lastAcked + 1 }, (_, k) =>
          markerOf(outcome.lastAcked! + k),
        ),
      );
      if (!stored || !allowed.has(stored)) savesMissing += 1;
    }
    check(
      "acknowledged saves present",
      savesMissing === 0 && savesAcked > 0,
      `${savesAcked} saves acknowledged, ${savesMissing} host units whose last acknowledged save is missing; ${savesFailed} saves never answered`,
    );

    // Every acknowledged upload: its row, and its bytes on the shared volume under the SHA-256 the client sent.
    const uploads = outcomes.flatMap((outcome) => outcome.uploads);
    let uploadsLost = 0;
    for (const upload of uploads) {
      const { rows } = await client.query("select sha256, size, storage_key from files where id = $1", [upload.fileId]);
      const row = rows[0] as { sha256: string; size: number; storage_key: string } | undefined;
      const onDisk = row
        ? createHash("sha256")
            .update(readFileSync(join(shared, "files", row.storage_key)))
            .digest("hex")
        : null;
      if (!row || row.sha256 !== upload.sha256 || Number(row.size) !== uploadBytes || onDisk !== upload.sha256) {
        uploadsLost += 1;
      }
    }
    const uploadFailures = outcomes.reduce((sum, outcome) => sum + outcome.uploadFailures, 0);
    check(
      "acknowledged 20 MB uploads present",
      uploadsLost === 0 && uploads.length > 0,
      `${uploads.length} uploads acknowledged (${((uploads.length * 20) / 1024).toFixed(1)} GB), ${uploadsLost} lost; ${uploadFailures} never acknowledged`,
    );

    // Notifications: the outbox drains (both nodes deliver), and each row's recipients got exactly one each.
    let pending = -1;
    for (let waited = 0; waited < 60 && pending !== 0; waited += 1) {
      pending = Number((await client.query("select count(*) from outbox where dispatched_at is null")).rows[0].count);
      if (pending) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const expected = Number(
      (
        await client.query(
          "select coalesce(sum(jsonb_array_length(payload->'accountIds')), 0) as n from outbox where kind = 'notify' and dispatched_at is not null",
        )
      ).rows[0].n,
    );
    const notifications = Number((await client.query("select count(*) from notifications")).rows[0].count);
    check(
      "notifications delivered exactly once",
      pending === 0 && expected === notifications,
      `${notifications} notifications for ${expected} recipients of delivered outbox rows; ${pending} rows pending`,
    );

    // Scheduled jobs: pg-boss keeps one job per schedule tick however many nodes run the scheduler. At least one
    // minute has turned since the schedule was changed; its job is waited for.
    for (let waited = 0; waited < 90; waited += 1) {
      const done = await client.query(
        "select count(*)::int as n from pgboss.job where name = 'report-deadlines' and state = 'completed'",
      );
      if (done.rows[0].n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const jobs = await client.query(
      "select name, date_trunc('minute', created_on) as tick, count(*)::int as n from pgboss.job where name in ('report-deadlines', 'send-reminders') group by 1, 2",
    );
    const duplicated = jobs.rows.filter((row: { n: number }) => row.n > 1).length;
    const completed = Number(
      (await client.query("select count(*) from pgboss.job where name = 'report-deadlines' and state = 'completed'"))
        .rows[0].count,
    );
    check(
      "no scheduled job run twice",
      duplicated === 0 && completed > 0,
      `${jobs.rows.length} schedule ticks, ${duplicated} with more than one job; ${completed} report-deadlines runs completed`,
    );
  } finally {
    await client.end();
  }

  // Sessions live in the database: every applicant's session is good on each node, the restarted one included.
  let sessionsBad = 0;
  for (const session of sessions) {
    for (const node of [a, b]) {
      const me = await fetch(`${node.url}/api/auth/me`, { headers: { cookie: session.cookie } });
      if (me.status !== 200) sessionsBad += 1;
    }
  }
  check(
    "sessions valid on both nodes",
    sessionsBad === 0,
    `${sessions.length} sessions × 2 nodes, ${sessionsBad} refused`,
  );

  // Lists are cached per node until any node commits: a save through one node is in the other's list at once, both ways.
  let unseen = 0;
  for (const [i, applicant] of applicants.entries()) {
    const [writer, reader] = i % 2 ? [b, a] : [a, b];
    if (!(await seenAcrossNodes(writer.url, reader.url, applicant, sessions[i]!))) unseen += 1;
  }
  check(
    "a save on one node is listed by the other at once",
    unseen === 0,
    `${applicants.length} saves, each listed by the other node on the next request; ${unseen} not`,
  );

  check(
    "graceful stops drain and exit 0",
    stops.length > 0 && stops.every((code) => code === 0),
    `${stops.length} SIGTERM stops under load, exit codes ${stops.join(", ")}`,
  );

  // Both nodes served the load (the proxy spread it), as each one's /metrics counts.
  const served: number[] = [];
  for (const node of [a, b]) {
    const text = await (
      await fetch(`${node.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
    ).text();
    served.push(
      text
        .split("\n")
        .filter((line) => line.startsWith("http_requests_total{"))
        .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0),
    );
  }
  check(
    "both nodes served and report /metrics",
    served.every((count) => count > 0),
    `requests counted since each node's last start: A ${served[0]}, B ${served[1]}`,
  );

  // One audit chain, written by both nodes: verified by the operator's command.
  const verify = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts", "audit-verify.ts")], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  const verdict = (verify.stdout + verify.stderr).trim().split("\n").slice(-2).join(" ");
  check("audit:verify intact", verify.status === 0, verdict);
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  exitCode = 2;
} finally {
  await stopAll().catch((error) => console.error("stopping:", error));
  rmSync(work, { recursive: true, force: true });
}

for (const { what, ok, detail } of checks) console.log(`${ok ? "✓" : "✗"} ${what}: ${detail}`);
if (exitCode === 0 && checks.some((entry) => !entry.ok)) exitCode = 1;
console.log(
  `cluster test (${long ? "long" : "smoke"}): ${checks.filter((entry) => entry.ok).length}/${checks.length} checks passed in ${elapsed()}`,
);
process.exit(exitCode);
