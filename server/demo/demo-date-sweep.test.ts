import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { desc, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildWorkingDayCalendar } from "../../policy/calendar/working-days";
import { buildApp } from "../app";
import { chinaDate, ManualClock } from "../clock";
import { loadConfig } from "../config/config";
import { type Database, openEmbedded, openPostgres } from "../db/client";
import {
  annualReports,
  applications,
  bases,
  calls,
  evaluationGrades,
  evaluationRounds,
  objections,
  publicNotices,
  rectificationCases,
  reviewAssignments,
} from "../db/schema";
import { officerHolidayYears } from "../decision/holiday-years";
import { seedReferenceData } from "../reference/seed-reference";
import { testKeys } from "../test/constants";
import { checkBaseLifeDemo } from "./base-life-demo.check";
import { demoTimeline } from "./demo-timeline";
import { decisionRoundTitle } from "./load-decision-demo";
import { loadDemo } from "./load-demo";

/**
 * The demo is product: it must load on every day the measures are in force (2025-10-26 … 2030-10-25), on the day's
 * real date, not only on the tests' fixed clock. Each instant loads the whole demo into a fresh database through the
 * same commands users trigger and checks that every promised state is reached. A date tied to a calendar year
 * (a paper dated in "the deadline's year", a meeting on a fixed day) fails here on some of these days.
 */
const sweep = [
  "2025-10-26T09:00:00+08:00", // the measures take effect
  "2025-11-30T10:00:00+08:00",
  "2025-12-31T23:30:00+08:00",
  "2026-01-01T00:10:00+08:00",
  "2026-12-01T09:00:00+08:00", // the open call's deadline falls in the next year from here on
  "2026-12-04T15:00:00+08:00",
  "2026-12-31T18:00:00+08:00",
  // Every month's last day of a year whose holiday schedule the calendar package does not know.
  "2027-01-31T09:00:00+08:00",
  "2027-02-28T09:00:00+08:00",
  "2027-03-31T23:59:00+08:00",
  "2027-04-30T09:00:00+08:00",
  "2027-05-31T09:00:00+08:00",
  "2027-06-30T09:00:00+08:00",
  "2027-07-31T09:00:00+08:00",
  "2027-08-31T09:00:00+08:00",
  "2027-09-30T09:00:00+08:00",
  "2027-10-31T09:00:00+08:00",
  "2027-11-30T09:00:00+08:00",
  "2027-12-31T09:00:00+08:00",
  "2028-01-01T08:00:00+08:00",
  "2028-02-29T09:00:00+08:00", // leap day
  "2028-12-01T09:00:00+08:00",
  "2029-06-15T02:00:00+08:00",
  "2030-01-01T09:00:00+08:00",
  "2030-09-30T09:00:00+08:00", // 30 days on would pass the lapse: the deadline stops at 2030-10-25
  "2030-10-25T20:00:00+08:00", // the measures' last day
];
/** On a real PostgreSQL server: three of the dates. */
const postgresSweep = ["2025-10-26T09:00:00+08:00", "2027-02-28T09:00:00+08:00", "2030-10-25T20:00:00+08:00"];

const demoCallTitle = "关于开展年度湖北省国际科技合作基地认定工作的通知（演示）";

async function statesOf(database: Database, title: string) {
  const rows = await database.db
    .select({ state: applications.state })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(calls.titleZh, title));
  return rows.map((row) => row.state).sort();
}

/** Loads the demo at `at` into `database` (migrated, reference data seeded) and checks what it promises. */
async function loadAndCheck(database: Database, at: string) {
  const clock = new ManualClock(at);
  const dataDir = join(inject("testRoot"), `sweep-${randomUUID()}`);
  mkdirSync(dataDir, { recursive: true });
  const deps = { database, clock, keys: testKeys };
  expect(await loadDemo(deps, { dataDir, s3: undefined })).toBe(true);

  const timeline = demoTimeline(clock.now());
  const today = chinaDate(clock.now());
  expect(await statesOf(database, demoCallTitle)).toEqual(
    [
      "correction-requested",
      "declined",
      "draft",
      "draft",
      "formal-review-passed",
      "in-expert-review",
      "recommended",
      "returned",
      "submitted",
      "submitted",
    ].sort(),
  );
  const [openCall] = await database.db.select().from(calls).where(eq(calls.titleZh, demoCallTitle));
  expect(openCall?.status).toBe("open");
  expect(openCall!.opensAt.getTime()).toBeLessThanOrEqual(clock.now().getTime());
  expect(openCall!.closesAt.getTime()).toBeGreaterThan(clock.now().getTime());
  expect(openCall!.deadline <= "2030-10-25").toBe(true); // Art. 31: never after the measures lapse

  const [reviewBatch] = await database.db
    .select()
    .from(calls)
    .where(eq(calls.titleZh, `${timeline.reviewCall.year}年度湖北省国际科技合作基地认定（专家评审演示批次）`));
  expect(reviewBatch!.deadline < today).toBe(true);
  expect((await database.db.select().from(reviewAssignments)).length).toBeGreaterThanOrEqual(3);

  expect(await statesOf(database, decisionRoundTitle(timeline.decisionRound.year))).toEqual(
    ["approved", "evaluated", "publicized", "recognized", "reviewed", "verified"].sort(),
  );
  const notices = await database.db.select().from(publicNotices);
  expect(notices.length).toBe(2);
  const current = notices.find((notice) => notice.startOn === today);
  expect(current, "a 公示 under way from today").toBeDefined();
  expect(current!.endOn > today).toBe(true);
  const past = notices.find((notice) => notice !== current)!;
  expect(past.endOn < today).toBe(true);
  const [objection] = await database.db.select().from(objections);
  expect(objection?.status).toBe("investigating");
  const recognized = await database.db.select().from(bases).where(eq(bases.origin, "provincial-2025"));
  expect(recognized.length).toBe(1);
  expect(recognized[0]!.recognizedOn > past.endOn && recognized[0]!.recognizedOn <= today).toBe(true);
  expect(recognized[0]!.documentNumber).toBe(`鄂科技函〔${recognized[0]!.recognizedOn.slice(0, 4)}〕3号`);

  // Last year's evaluation is open, its deadline ahead, with a report in each of the demo's three states.
  const year = Number(today.slice(0, 4)) - 1;
  const rounds = await database.db.select().from(evaluationRounds).orderBy(desc(evaluationRounds.year));
  expect(rounds.map((round) => round.year)).toEqual([year, year - 1]);
  const [round, graded] = rounds;
  expect(round!.reportDeadline > today).toBe(true);
  expect(round!.gradedAt).toBeNull();
  const reportsOf = (roundId: string) =>
    database.db.select().from(annualReports).where(eq(annualReports.roundId, roundId));
  const reportStates = new Set((await reportsOf(round!.id)).map((report) => report.state));
  expect([...reportStates].sort()).toEqual(["awaiting-report", "recommender-review", "submitted"]);

  // The year before is graded in the past: every base reported in time and was scored by its panel; one 优秀 (the
  // cohort's one slot), one 不合格 with its rectification plan filed and its year still running, the rest 合格.
  expect(graded!.reportDeadline < today && graded!.reportDeadline > `${year - 1}-12-31`).toBe(true);
  expect(chinaDate(graded!.gradedAt!) < today && graded!.publishedAt !== null).toBe(true);
  expect(graded!.funding).toEqual({ excellent: 300_000, qualified: 100_000, unqualified: 0 });
  const gradedReports = await reportsOf(graded!.id);
  expect(gradedReports.every((report) => report.state === "graded")).toBe(true);
  const grades = await database.db
    .select({
      grade: evaluationGrades.grade,
      name: bases.standardName,
      status: bases.status,
      funding: evaluationGrades.fundingYuan,
    })
    .from(evaluationGrades)
    .innerJoin(bases, eq(bases.id, evaluationGrades.baseId))
    .where(eq(evaluationGrades.roundId, graded!.id));
  expect(grades.length).toBe(gradedReports.length);
  expect(grades.length).toBeGreaterThanOrEqual(6); // the registry's bases recognized by then, and the demo units'
  const named = (grade: string) => grades.filter((row) => row.grade === grade).map((row) => row.name);
  expect(named("excellent")).toEqual(["湖北省激光制造国际科技合作基地（技术转移）"]);
  expect(named("unqualified")).toEqual(["湖北省光电子信息国际科技合作基地（联合研究）"]);
  expect(named("qualified").length).toBe(grades.length - 2);
  expect(grades.find((row) => row.grade === "unqualified")!.status).toBe("rectifying");
  expect(grades.filter((row) => row.status !== "active").length).toBe(1);
  const [rectification] = await database.db
    .select()
    .from(rectificationCases)
    .where(eq(rectificationCases.roundId, graded!.id));
  expect(rectification?.state).toBe("plan-filed");
  expect(rectification!.dueOn > today).toBe(true);
  // The base in rectification reports on last year too.
  expect((await reportsOf(round!.id)).some((report) => report.baseId === rectification!.baseId)).toBe(true);

  await checkBaseLifeDemo(database, today);

  // Every year the demo's working-day counts reach has a holiday schedule, packaged or recorded.
  const calendar = buildWorkingDayCalendar(await officerHolidayYears(database.db));
  for (const year of timeline.holidayYears) expect(calendar.coveredYears.has(year), `holidays of ${year}`).toBe(true);

  const config = { ...loadConfig({ DATA_DIR: dataDir, DEMO: "1", LOG_LEVEL: "silent" }), keys: testKeys };
  const app = await buildApp({ config, database, clock, logger: false });
  try {
    const ready = await app.inject({ method: "GET", url: "/readyz" });
    expect(ready.json()).toMatchObject({ status: "ready" });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "officer", password: "Demo@2025" },
    });
    expect(login.statusCode).toBe(200);
  } finally {
    await app.close();
  }
}

describe("the demo loads on every date the measures are in force (PGlite)", () => {
  let template: Blob;
  beforeAll(async () => {
    const database = await openEmbedded(null);
    await database.migrate();
    await seedReferenceData({ database, clock: new ManualClock(sweep[0]!), keys: testKeys });
    template = await database.dumpDataDir!();
    await database.close();
  });

  // A whole demo per date: about 20 s on an idle machine; CI under load once took over 60 s.
  it.each(sweep)(
    "at %s",
    async (at) => {
      const database = await openEmbedded(null, { loadDataDir: template });
      try {
        await loadAndCheck(database, at);
      } finally {
        await database.close();
      }
    },
    180_000,
  );
});

// Registered only with a PostgreSQL server (TEST_DATABASE_URL), like every test that runs on both databases.
if (inject("postgresTemplate"))
  describe("the demo loads on a real PostgreSQL server", () => {
    const url = process.env.TEST_DATABASE_URL!;
    const created: string[] = [];
    afterAll(async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    it.each(postgresSweep)("at %s", async (at) => {
      const name = `guohe_sweep_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      created.push(name);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const database = await openPostgres(target.toString(), 2);
      try {
        await database.migrate();
        await seedReferenceData({ database, clock: new ManualClock(at), keys: testKeys });
        await loadAndCheck(database, at);
      } finally {
        await database.close();
      }
    });
  });
