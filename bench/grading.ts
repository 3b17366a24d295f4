/**
 * `npx tsx bench/grading.ts` (part of `npm run bench`): a year's evaluation at province scale on the embedded
 * database — BENCH_BASES (default 400) active bases on top of the demo's, one round for the year, every report
 * marked missed by the deadline job, then the officer's grading view and the confirmation of every grade. The
 * baselines are measured in the same run on the same database: a `SELECT 1` round trip and a plain read of the
 * round's report rows, so the figures are ratios that mean something on any machine.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { ManualClock } from "../server/clock";
import { loadConfig } from "../server/config/config";
import { openEmbedded } from "../server/db/client";
import { annualReports, bases, units } from "../server/db/schema";
import { demoInvocation } from "../server/demo/demo-invocation";
import { loadDemo } from "../server/demo/load-demo";
import { seedReferenceData } from "../server/reference/seed-reference";
import { confirmGrades } from "../server/yearly/confirm-grades";
import { gradingView } from "../server/yearly/grading.repository";
import { openEvaluationRound } from "../server/yearly/open-round";
import { markMissedReports } from "../server/yearly/report-deadlines";

const baseCount = Number(process.env.BENCH_BASES ?? 400);
const repeats = Number(process.env.BENCH_REPEATS ?? 20);
const dataDir = mkdtempSync(join(tmpdir(), "guohe-bench-grading-"));

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function average(work: () => Promise<unknown>): Promise<number> {
  await work(); // warm
  let total = 0;
  for (let i = 0; i < repeats; i += 1) total += (await timed(work)).ms;
  return total / repeats;
}

// The year after the demo's open round, so this round is the only one on these bases' reports.
const year = new Date().getUTCFullYear();
const clock = new ManualClock(new Date());
const database = await openEmbedded(join(dataDir, "db"));
try {
  await database.migrate();
  const deps = { database, clock, keys: loadConfig({ DATA_DIR: dataDir }).keys };
  await seedReferenceData(deps);
  await loadDemo(deps, { dataDir, s3: undefined });

  const unitIds = (await database.db.select({ id: units.id }).from(units)).map((row) => row.id);
  const rows = Array.from({ length: baseCount }, (_, i) => ({
    id: randomUUID(),
    standardName: `湖北省基准测试国际科技合作基地（联合研究）${i + 1}`,
    unitId: unitIds[i % unitIds.length]!,
    type: "joint-research",
    field: "先进材料",
    directorName: `负责人${i + 1}`,
    countries: { key: ["DE"], main: [], radiating: [] },
    recognizedOn: `${year - 3}-06-30`,
    documentNumber: `鄂科技函〔${year - 3}〕${i + 1}号`,
    origin: "provincial-2022",
    edition: "2022",
    status: "active",
    statusChangedOn: `${year - 3}-06-30`,
    createdAt: new Date(),
  }));
  for (let i = 0; i < rows.length; i += 100) await database.db.insert(bases).values(rows.slice(i, i + 100) as never);

  clock.set(new Date(`${year + 1}-01-10T09:00:00+08:00`));
  const officer = await demoInvocation(deps, "officer");
  const opened = await timed(() =>
    openEvaluationRound(officer, {
      year,
      title: `${year}年度省级国际科技合作基地绩效考核`,
      reportDeadline: `${year + 1}-03-31`,
      evaluator: "experts",
    }),
  );
  clock.set(new Date(`${year + 1}-04-01T09:00:00+08:00`));
  const marked = await timed(() => markMissedReports(deps));
  const roundId = opened.value.id;

  const select1 = await average(() => database.db.execute(sql`select 1`));
  const rawRead = await average(() =>
    database.db.select().from(annualReports).where(eq(annualReports.roundId, roundId)),
  );
  const view = await average(() => gradingView(database.db, officer.caller, roundId));
  const current = await gradingView(database.db, officer.caller, roundId);
  const confirmed = await timed(() =>
    confirmGrades(officer, { roundId, input: { excellentAtTie: [], version: current.version } }),
  );

  const reports = opened.value.reports;
  console.log(`\nbench: grading a year of ${reports} reports (PGlite embedded, Node ${process.versions.node})`);
  console.log("step".padEnd(52), "ms".padStart(9), "÷ raw read".padStart(11), "÷ SELECT 1".padStart(11));
  const line = (title: string, ms: number) =>
    console.log(
      title.padEnd(52),
      ms.toFixed(1).padStart(9),
      (ms / rawRead).toFixed(1).padStart(11),
      (ms / select1).toFixed(0).padStart(11),
    );
  line("SELECT 1 (baseline)", select1);
  line(`read the round's ${reports} report rows (baseline)`, rawRead);
  line(`grading view (load cohort, decide, present), avg of ${repeats}`, view);
  line(`open the round (${reports} reports, one transaction)`, opened.ms);
  line(`deadline job (${marked.value} reports of every open round, one transaction each)`, marked.ms);
  line(`confirm ${confirmed.value.graded} grades (one transaction)`, confirmed.ms);
  if (confirmed.value.graded !== reports) throw new Error(`graded ${confirmed.value.graded} of ${reports}`);
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
