import { and, asc, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../policy/calendar/dates";
import type { CommandDeps } from "../commands/command";
import { accounts, annualReports, bases, evaluationRounds, outbox, remindersSent, roleGrants } from "../db/schema";
import { testKeys } from "../test/constants";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { sendReminders } from "./send-reminders";

/** 09:00 China time on a China date. */
const morningOf = (date: string) => new Date(`${date}T09:00:00+08:00`);

/** 补正 (Art. 22): the host unit is reminded of its correction window's due date, 30/7/1 days before, once each. */
describe.each(databaseKinds())("correction reminders on %s", (kind) => {
  let t: TestApp;
  let reportId: string;
  let unitId: string;
  let baseName: string;
  let today: string;
  let reportYear: number;
  const deps = (): CommandDeps => ({ database: t.database, clock: t.clock, keys: testKeys });
  const link = () => `/annual-reports/${reportId}`;
  const correctionTitles = async () =>
    (
      await t.database.db
        .select()
        .from(outbox)
        .where(sql`${outbox.payload}::text like ${`%${link()}%`}`)
    )
      .filter((row) => row.kind === "notify")
      .map((row) => row.payload as { titleZh: string; bodyZh: string; accountIds: string[] })
      .filter((payload) => payload.titleZh.startsWith("年度工作报告补正截止提醒"));
  const openWindow = (dueOn: string) =>
    t.database.db
      .update(annualReports)
      .set({ state: "correction-window", correctionRequest: "补充合作协议扫描件", correctionDueOn: dueOn })
      .where(eq(annualReports.id, reportId));

  beforeAll(async () => {
    t = await startTestApp(kind);
    // A draft report of the latest open round (the demo may hold an earlier, graded year as well).
    const [report] = await t.database.db
      .select({
        id: annualReports.id,
        unitId: annualReports.unitId,
        base: bases.standardName,
        year: annualReports.year,
        deadline: evaluationRounds.reportDeadline,
      })
      .from(annualReports)
      .innerJoin(bases, eq(bases.id, annualReports.baseId))
      .innerJoin(evaluationRounds, eq(evaluationRounds.id, annualReports.roundId))
      .where(and(eq(evaluationRounds.status, "open"), eq(annualReports.state, "awaiting-report")))
      .orderBy(desc(evaluationRounds.year), asc(bases.standardName))
      .limit(1);
    reportId = report!.id;
    unitId = report!.unitId;
    baseName = report!.base;
    reportYear = report!.year;
    // Well after the round's deadline: no report-deadline reminder mixes in.
    today = addDays(report!.deadline, 45);
    t.clock.set(morningOf(today));
  });
  afterAll(() => t.close());

  it("reminds the unit 7 days before the due date, once, with the date as offices write it", async () => {
    await openWindow(addDays(today, 7));
    await sendReminders(deps());
    const [first, ...more] = await correctionTitles();
    expect(more).toEqual([]);
    const [year, month, day] = addDays(today, 7).split("-").map(Number);
    expect(first!.titleZh).toBe(
      `年度工作报告补正截止提醒：${baseName}${reportYear}年度工作报告补正，截止日期${year}年${month}月${day}日，还剩7天`,
    );
    expect(first!.bodyZh).toContain("第二十二条");
    const unitAccounts = await t.database.db
      .selectDistinct({ id: accounts.id })
      .from(accounts)
      .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.status, "approved")))
      .where(and(eq(accounts.unitId, unitId), eq(roleGrants.role, "applicant")));
    expect([...first!.accountIds].sort()).toEqual(unitAccounts.map((row) => row.id).sort());
    const keys = (await t.database.db.select().from(remindersSent)).map((row) => row.key);
    expect(keys).toContain(`correction-due:${reportId}@${addDays(today, 7)}:7`);

    await sendReminders(deps());
    expect(await correctionTitles()).toHaveLength(1);
  });

  it("reminds a second window on the same report afresh, and stops once the correction is in", async () => {
    await openWindow(addDays(today, 1));
    await sendReminders(deps());
    const titles = (await correctionTitles()).map((payload) => payload.titleZh);
    expect(titles).toHaveLength(2);
    expect(titles[1]).toMatch(/还剩1天$/);

    await openWindow(addDays(today, 2));
    await t.database.db.update(annualReports).set({ state: "under-evaluation" }).where(eq(annualReports.id, reportId));
    await sendReminders(deps());
    expect(await correctionTitles()).toHaveLength(2);
  });
});
