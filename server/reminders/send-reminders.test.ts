import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../policy/calendar/dates";
import { ManualClock } from "../clock";
import type { CommandDeps } from "../commands/command";
import { type Database, openPostgres } from "../db/client";
import {
  accounts,
  annualReports,
  auditLog,
  bases,
  evaluationRounds,
  notifications,
  outbox,
  people,
  rectificationCases,
  remindersSent,
  roleGrants,
} from "../db/schema";
import { scheduledJobs } from "../jobs/scheduler";
import { testKeys } from "../test/constants";
import { createApplication, createCall } from "../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { sendReminders } from "./send-reminders";

/** 09:00 China time on a China date. */
const morningOf = (date: string) => new Date(`${date}T09:00:00+08:00`);

/** The template's open round, its deadline, and the three demo units' reports (draft, at recommender, submitted). */
async function demoRound(t: TestApp) {
  // The latest open year: the demo's graded year before it is open too, but long past its deadline.
  const [round] = await t.database.db
    .select()
    .from(evaluationRounds)
    .where(eq(evaluationRounds.status, "open"))
    .orderBy(desc(evaluationRounds.year))
    .limit(1);
  const reports = await t.database.db
    .select({
      id: annualReports.id,
      state: annualReports.state,
      unitId: annualReports.unitId,
      base: bases.standardName,
    })
    .from(annualReports)
    .innerJoin(bases, eq(bases.id, annualReports.baseId))
    .where(eq(annualReports.roundId, round!.id));
  const byBase = (name: string) => reports.find((report) => report.base === name)!;
  return {
    deadline: round!.reportDeadline,
    draft: byBase("湖北省先进材料国际科技合作基地（联合研究）"),
    atRecommender: byBase("湖北省激光制造国际科技合作基地（技术转移）"),
    submitted: byBase("湖北省智能制造国际科技合作基地（联合研究）"),
  };
}

async function unitAccountIds(t: TestApp, unitId: string): Promise<string[]> {
  const rows = await t.database.db
    .selectDistinct({ id: accounts.id })
    .from(accounts)
    .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.status, "approved")))
    .where(and(eq(accounts.unitId, unitId), eq(roleGrants.role, "applicant")));
  return rows.map((row) => row.id).sort();
}

/** Gives an account's person record an e-mail address (creating the person when it has none). */
async function giveAddress(t: TestApp, accountId: string, email: string) {
  const [account] = await t.database.db.select().from(accounts).where(eq(accounts.id, accountId));
  if (account!.personId) {
    await t.database.db.update(people).set({ email }).where(eq(people.id, account!.personId));
    return;
  }
  const personId = randomUUID();
  await t.database.db
    .insert(people)
    .values({ id: personId, name: "联系人", title: "none", email, createdAt: new Date() });
  await t.database.db.update(accounts).set({ personId }).where(eq(accounts.id, accountId));
}

const pendingRows = (t: TestApp, link: string) =>
  t.database.db
    .select()
    .from(outbox)
    .where(sql`${outbox.payload}::text like ${`%${link}%`}`);

/** A second app node on the same database: its own connection pool on PostgreSQL; the same handle on PGlite. */
async function secondNode(t: TestApp): Promise<{ database: Database; close(): Promise<void> }> {
  if (t.kind === "pglite") return { database: t.database, close: async () => {} };
  const [row] = (await t.database.executeSql("select current_database() as name")).rows as Array<{ name: string }>;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  const database = await openPostgres(url.toString(), 2);
  return { database, close: () => database.close() };
}

describe.each(databaseKinds())("reminders on %s", (kind) => {
  let t: TestApp;
  let round: Awaited<ReturnType<typeof demoRound>>;
  let yichangAccounts: string[];
  const deps = (): CommandDeps => ({ database: t.database, clock: t.clock, keys: testKeys });
  const reportLink = (id: string) => `/annual-reports/${id}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    round = await demoRound(t);
    yichangAccounts = await unitAccountIds(t, round.draft.unitId);
    expect(yichangAccounts.length).toBeGreaterThan(0);
    await giveAddress(t, yichangAccounts[0]!, "zhaoxia@yichang.example.cn");
  });
  afterAll(() => t.close());

  it("waits for 08:00 China time on the reminder's day", async () => {
    t.clock.set(new Date(`${addDays(round.deadline, -30)}T07:59:00+08:00`));
    expect(await sendReminders(deps())).toEqual({ sent: 0, skipped: 0 });
    expect(await t.database.db.select().from(remindersSent)).toEqual([]);
  });

  it("sends the 30-day reminder of a report to its host unit's accounts, in-app and by mail, once", async () => {
    t.clock.set(morningOf(addDays(round.deadline, -30)));
    const first = await sendReminders(deps());
    expect(first.sent).toBeGreaterThan(0);
    const link = reportLink(round.draft.id);
    const rows = await pendingRows(t, link);
    const notify = rows.filter((row) => row.kind === "notify");
    const mails = rows.filter((row) => row.kind === "mail");
    expect(notify).toHaveLength(1);
    expect(mails).toHaveLength(1);
    const [year, month, day] = round.deadline.split("-").map(Number);
    const dateZh = `${year}年${month}月${day}日`;
    expect(notify[0]!.payload).toMatchObject({ kind: "notify", link });
    const payload = notify[0]!.payload as { accountIds: string[]; titleZh: string; bodyZh: string; titleEn: string };
    expect([...payload.accountIds].sort()).toEqual(yichangAccounts);
    expect(payload.titleZh).toBe(
      `年度工作报告报送截止提醒：湖北省先进材料国际科技合作基地（联合研究）2025年度工作报告，截止日期${dateZh}，还剩30天`,
    );
    expect(payload.bodyZh).toContain("第二十二条");
    expect(payload.titleEn).toContain("(30 days left)");
    expect(mails[0]!.payload).toMatchObject({
      kind: "mail",
      to: "zhaoxia@yichang.example.cn",
      subject: `【国合基地管理平台】${payload.titleZh}`,
    });
    expect((mails[0]!.payload as { text: string }).text).toContain(`查看：${link}`);

    const keys = (await t.database.db.select().from(remindersSent)).map((row) => row.key);
    expect(keys).toContain(`annual-report-due:${round.draft.id}:30`);

    // Delivered: a notification row for each of the unit's accounts, and for no one else.
    await t.flushOutbox();
    const delivered = await t.database.db.select().from(notifications).where(eq(notifications.link, link));
    expect(delivered.map((row) => row.accountId).sort()).toEqual(yichangAccounts);
    expect(delivered.every((row) => row.titleZh === payload.titleZh)).toBe(true);

    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "reminder.send"), eq(auditLog.targetId, round.draft.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorName: "system", outcome: "success", targetType: "annual-report-due" });

    // The same day again: nothing new.
    const outboxBefore = (await t.database.db.select().from(outbox)).length;
    const again = await sendReminders(deps());
    expect(again.sent).toBe(0);
    // Skipped: every reminder sent before, and those whose unit has no account to tell (no key kept for them).
    expect(again.skipped).toBe(first.sent + first.skipped);
    expect((await t.database.db.select().from(outbox)).length).toBe(outboxBefore);
  });

  it("sends nothing for a report past its host unit, nor to another unit's accounts", async () => {
    for (const report of [round.submitted, round.atRecommender]) {
      expect(await pendingRows(t, reportLink(report.id))).toEqual([]);
      const keys = await t.database.db
        .select()
        .from(remindersSent)
        .where(like(remindersSent.key, `%${report.id}%`));
      expect(keys).toEqual([]);
    }
    const others = [
      ...(await unitAccountIds(t, round.submitted.unitId)),
      ...(await unitAccountIds(t, round.atRecommender.unitId)),
    ];
    expect(others.length).toBeGreaterThan(0);
    // Their accounts hear of none of these three reports (HUST has another base whose report it is reminded of).
    const links = [round.draft, round.submitted, round.atRecommender].map((report) => reportLink(report.id));
    const theirs = await t.database.db
      .select()
      .from(notifications)
      .where(and(inArray(notifications.accountId, others), inArray(notifications.link, links)));
    expect(theirs).toEqual([]);
  });

  it("after a restart, and on two nodes at once, sends nothing twice; 23 days later the 7-day reminder, once", async () => {
    const other = await secondNode(t);
    try {
      // A new process: a fresh clock and connection on the same database, the same day later on.
      const restarted = (at: Date): CommandDeps => ({
        database: other.database,
        clock: new ManualClock(at),
        keys: testKeys,
      });
      const later = new Date(morningOf(addDays(round.deadline, -30)).getTime() + 8 * 3_600_000);
      expect((await sendReminders(restarted(later))).sent).toBe(0);
      // The registered job, as the scheduler runs it.
      const job = scheduledJobs.find((entry) => entry.name === "send-reminders")!;
      expect(await job.run(restarted(later))).toMatchObject({ sent: 0 });

      const sevenBefore = morningOf(addDays(round.deadline, -7));
      t.clock.set(sevenBefore);
      const [a, b] = await Promise.all([sendReminders(deps()), sendReminders(restarted(sevenBefore))]);
      const link = reportLink(round.draft.id);
      const notify = (await pendingRows(t, link)).filter((row) => row.kind === "notify");
      expect(notify).toHaveLength(2);
      const titles = notify.map((row) => (row.payload as { titleZh: string }).titleZh);
      expect(titles.filter((title) => title.endsWith("还剩7天"))).toHaveLength(1);
      expect(a.sent + b.sent).toBeGreaterThan(0);
      const keys = (await t.database.db.select().from(remindersSent)).map((row) => row.key);
      expect(keys.filter((key) => key.startsWith(`annual-report-due:${round.draft.id}:`)).sort()).toEqual([
        `annual-report-due:${round.draft.id}:30`,
        `annual-report-due:${round.draft.id}:7`,
      ]);
    } finally {
      await other.close();
    }
  });

  it("catches up a missed day late, the nearest reminder only, and never after the deadline", async () => {
    const link = reportLink(round.draft.id);
    // Down from 7 days before to the deadline day: only the 1-day reminder, saying it is due today.
    t.clock.set(morningOf(round.deadline));
    await sendReminders(deps());
    const titles = (await pendingRows(t, link))
      .filter((row) => row.kind === "notify")
      .map((row) => (row.payload as { titleZh: string }).titleZh);
    expect(titles).toHaveLength(3);
    expect(titles.filter((title) => title.endsWith("今天截止"))).toHaveLength(1);
    t.clock.set(morningOf(addDays(round.deadline, 1)));
    const after = (await pendingRows(t, link)).length;
    await sendReminders(deps());
    expect((await pendingRows(t, link)).length).toBe(after);
  });

  it("reminds a rectification's end and a call's closing to their units", async () => {
    const today = "2026-06-01";
    t.clock.set(morningOf(today));
    const [base] = await t.database.db.select().from(bases).where(eq(bases.unitId, round.atRecommender.unitId));
    const caseId = randomUUID();
    await t.database.db.insert(rectificationCases).values({
      id: caseId,
      baseId: base!.id,
      unitId: base!.unitId,
      roundId: randomUUID(),
      year: 2025,
      openedOn: "2025-06-09",
      dueOn: addDays(today, 7),
      state: "plan-filed",
      updatedAt: new Date(),
    });
    const callId = await createCall(t.database.db, {
      closesAt: new Date(`${addDays(today, 1)}T17:00:00+08:00`),
      deadline: addDays(today, 1),
      year: 2027,
    });
    const applicationId = await createApplication(t.database.db, {
      callId,
      unitName: "华中科技大学",
      state: "draft",
      field: "生物医药",
    });
    const submittedId = await createApplication(t.database.db, {
      callId,
      unitName: "武汉光谷激光科技有限公司",
      state: "submitted",
    });

    await sendReminders(deps());
    // Made by this run: the base's earlier notices (the demo's published grades) link to it too.
    const [rectification] = (await pendingRows(t, `/bases/${base!.id}`)).filter(
      (row) => row.kind === "notify" && row.createdAt >= morningOf(today),
    );
    expect(rectification!.payload).toMatchObject({
      accountIds: await unitAccountIds(t, base!.unitId),
      titleZh: expect.stringMatching(/^整改期满提醒：.+整改，截止日期2026年6月8日，还剩7天$/),
    });
    const [call] = (await pendingRows(t, `/applications/${applicationId}`)).filter((row) => row.kind === "notify");
    expect(call!.payload).toMatchObject({
      accountIds: await unitAccountIds(t, round.submitted.unitId),
      titleZh: expect.stringMatching(/^申报截止提醒：.+，截止日期2026年6月2日，还剩1天$/),
    });
    expect(await pendingRows(t, `/applications/${submittedId}`)).toEqual([]);
  });
});
