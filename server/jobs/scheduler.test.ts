import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annualReports, auditLog, baseEvents } from "../db/schema";
import { testKeys } from "../test/constants";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { markMissedReports } from "../yearly/report-deadlines";
import { startScheduler } from "./scheduler";

const pending = ["awaiting-report", "unit-review", "recommender-review"] as const;

describe.each(databaseKinds())("report deadlines on %s", (kind) => {
  let t: TestApp;
  const deps = () => ({ database: t.database, clock: t.clock, keys: testKeys });
  const pendingReports = () =>
    t.database.db
      .select()
      .from(annualReports)
      .where(inArray(annualReports.state, [...pending]));

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("marks nothing on the deadline day, and every report short of the department the day after, once", async () => {
    const [report] = await pendingReports();
    const [round] = await t.database
      .executeSql("select report_deadline from evaluation_rounds order by year desc limit 1")
      .then((r) => r.rows);
    const deadline = (round as { report_deadline: string }).report_deadline;
    t.clock.set(new Date(`${deadline}T23:59:00+08:00`));
    expect(await markMissedReports(deps())).toBe(0);
    const before = (await pendingReports()).length;
    expect(before).toBeGreaterThan(1);
    t.clock.set(new Date(Date.parse(`${deadline}T00:00:00+08:00`) + 86_400_000)); // the next day, 00:00 in China
    expect(await markMissedReports(deps())).toBe(before);
    expect(await markMissedReports(deps())).toBe(0);
    const [marked] = await t.database.db.select().from(annualReports).where(eq(annualReports.id, report!.id));
    expect(marked?.state).toBe("not-submitted");
    const timeline = await t.database.db
      .select()
      .from(baseEvents)
      .where(and(eq(baseEvents.baseId, report!.baseId), eq(baseEvents.kind, "report-not-submitted")));
    expect(timeline).toHaveLength(1);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "annual-report.mark-not-submitted"), eq(auditLog.outcome, "success")));
    expect(audited).toHaveLength(before);
    expect(audited.every((entry) => entry.actorName === "system")).toBe(true);
  });
});

describe.each(databaseKinds())("the scheduler on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("runs the deadline job after a restart: from pg-boss's stored schedule, or the embedded runner's catch-up", async () => {
    const deps = { database: t.database, clock: t.clock, keys: testKeys };
    const first = await startScheduler(deps, t.app.log);
    await first.stop();
    const [round] = (
      await t.database.executeSql("select report_deadline from evaluation_rounds order by year desc limit 1")
    ).rows as Array<{
      report_deadline: string;
    }>;
    t.clock.set(new Date(Date.parse(`${round!.report_deadline}T00:00:00+08:00`) + 86_400_000));
    const second = await startScheduler(deps, t.app.log);
    try {
      if (kind === "postgres") {
        // pg-boss keeps the schedule in the database; the embedded runner catches up at start instead.
        const schedules = (
          await t.database.executeSql("select name, cron, timezone from pgboss.schedule order by name")
        ).rows;
        expect(schedules).toEqual([
          { name: "report-deadlines", cron: "*/10 * * * *", timezone: "Asia/Shanghai" },
          { name: "send-reminders", cron: "0 * * * *", timezone: "Asia/Shanghai" },
        ]);
        expect(await second.runNow("report-deadlines")).toBeTruthy();
      }
      const deadline = Date.now() + 30_000;
      let left = -1;
      while (Date.now() < deadline) {
        left = (
          await t.database.db
            .select()
            .from(annualReports)
            .where(inArray(annualReports.state, [...pending]))
        ).length;
        if (left === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(left).toBe(0);
    } finally {
      await second.stop();
    }
  });
});
