import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../policy/calendar/dates";
import { changeReportDeadline } from "../../policy/calendar/deadlines";
import type { CommandDeps } from "../commands/command";
import {
  accounts,
  annualReports,
  bases,
  changeReports,
  outbox,
  remindersSent,
  revocations,
  roleGrants,
} from "../db/schema";
import { testKeys } from "../test/constants";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { sendReminders } from "./send-reminders";

/** 09:00 China time on a China date. */
const morningOf = (date: string) => new Date(`${date}T09:00:00+08:00`);

interface Notice {
  accountIds: string[];
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  link: string;
}

/** Part 2's reminders: change report due and overdue, agreement expiring, ban ending, the measures lapsing. */
describe.each(databaseKinds())("reminders of a base's life, part 2, on %s", (kind) => {
  let t: TestApp;
  let base: { id: string; unitId: string; standardName: string; recommenderId: string | null };
  let unitAccounts: string[];
  let recommenderAccounts: string[];
  let officerAccounts: string[];
  const deps = (): CommandDeps => ({ database: t.database, clock: t.clock, keys: testKeys });

  const holders = async (role: "applicant" | "recommender" | "officer", where?: ReturnType<typeof eq>) =>
    (
      await t.database.db
        .selectDistinct({ id: accounts.id })
        .from(accounts)
        .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.status, "approved")))
        .where(and(eq(roleGrants.role, role), eq(accounts.disabled, false), ...(where ? [where] : [])))
    )
      .map((row) => row.id)
      .sort();
  /** The in-app notices whose title starts with `prefix`. */
  const notices = async (prefix: string): Promise<Notice[]> =>
    (
      await t.database.db
        .select()
        .from(outbox)
        .where(sql`${outbox.payload}::text like ${`%${prefix}%`}`)
        // Queued on the test clock's day of each run: that is the order they were sent in.
        .orderBy(outbox.createdAt)
    )
      .filter((row) => row.kind === "notify")
      .map((row) => row.payload as Notice)
      .filter((payload) => payload.titleZh.startsWith(prefix));
  const runOn = async (date: string) => {
    t.clock.set(morningOf(date));
    return sendReminders(deps());
  };
  const keys = async () => (await t.database.db.select().from(remindersSent)).map((row) => row.key);

  beforeAll(async () => {
    t = await startTestApp(kind);
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.username, "app.yichang"));
    const [found] = await t.database.db
      .select({
        id: bases.id,
        unitId: bases.unitId,
        standardName: bases.standardName,
        recommenderId: bases.recommenderId,
      })
      .from(bases)
      .where(and(eq(bases.unitId, account!.unitId!), inArray(bases.status, ["active", "rectifying"])))
      .limit(1);
    base = found!;
    unitAccounts = await holders("applicant", eq(accounts.unitId, base.unitId));
    // The unit's recommender (宜昌市科技局): the base row may not carry one; the unit's does.
    recommenderAccounts = await holders("recommender", eq(accounts.username, "rec.yichang"));
    officerAccounts = await holders("officer");
    expect(unitAccounts.length).toBeGreaterThan(0);
    expect(recommenderAccounts.length).toBeGreaterThan(0);
    expect(officerAccounts.length).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  it("reminds a change report 30/7/1 days before its 3-month window ends, then once overdue to unit and recommender", async () => {
    const id = randomUUID();
    const changedOn = "2026-11-30";
    const dueOn = changeReportDeadline(changedOn);
    expect(dueOn).toBe("2027-02-28");
    await t.database.db.insert(changeReports).values({
      id,
      baseId: base.id,
      unitId: base.unitId,
      kind: "director",
      changedOn,
      dueOn,
      state: "draft",
      edition: "2025",
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const prefix = `重大事项变更报告截止提醒：${base.standardName}负责人变更`;
    await runOn(addDays(dueOn, -31));
    expect(await notices(prefix)).toEqual([]);
    await runOn(addDays(dueOn, -30));
    await runOn(addDays(dueOn, -30));
    const [first, ...rest] = await notices(prefix);
    expect(rest).toEqual([]);
    expect(first!.titleZh).toBe(`${prefix}，截止日期2027年2月28日，还剩30天`);
    expect(first!.bodyZh).toContain("第十八条第五项");
    expect([...first!.accountIds].sort()).toEqual(unitAccounts);
    await runOn(addDays(dueOn, -7));
    await runOn(addDays(dueOn, -1));
    await runOn(dueOn);
    expect((await notices(prefix)).map((notice) => notice.titleZh.split("，").at(-1))).toEqual([
      "还剩30天",
      "还剩7天",
      "还剩1天",
    ]);
    // The day after the window: the one overdue notice, to the unit and its recommender, not to others.
    await runOn("2027-03-01");
    await runOn("2027-03-02");
    const overdue = (await notices(prefix)).filter((notice) => notice.titleZh.includes("已逾期"));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.titleZh).toBe(`${prefix}，截止日期2027年2月28日，已逾期1天`);
    expect([...overdue[0]!.accountIds].sort()).toEqual([...new Set([...unitAccounts, ...recommenderAccounts])].sort());
    expect(await keys()).toEqual(
      expect.arrayContaining([`change-report-due:${id}:30`, `change-report-due:${id}:overdue`]),
    );
    // Filed: nothing more.
    await t.database.db
      .update(changeReports)
      .set({ state: "filed", filedOn: "2027-03-02" })
      .where(eq(changeReports.id, id));
    expect((await notices(prefix)).length).toBe(4);
  });

  it("reminds the unit 60 and 30 days before the agreement end that takes the base below three, not the others", async () => {
    const [report] = await t.database.db
      .select({ id: annualReports.id, content: annualReports.content })
      .from(annualReports)
      .where(eq(annualReports.baseId, base.id))
      .limit(1);
    const agreement = (partner: string, country: string, endsOn: string) => ({
      partner,
      country,
      title: "合作协议",
      startsOn: "2024-01-01",
      endsOn,
    });
    await t.database.db
      .update(annualReports)
      .set({
        state: "graded",
        content: {
          ...report!.content,
          agreements: [
            agreement("柏林工业大学", "DE", "2027-04-30"),
            agreement("新加坡国立大学", "SG", "2027-06-30"),
            agreement("东京大学", "JP", "2030-12-31"),
            agreement("剑桥大学", "GB", "2030-12-31"),
          ],
        },
      })
      .where(eq(annualReports.id, report!.id));
    const prefix = `合作协议到期提醒：${base.standardName}与`;
    // 2027-04-30 leaves three valid: not reminded. 2027-06-30 leaves two: reminded 60 and 30 days before.
    await runOn(addDays("2027-04-30", -30));
    await runOn(addDays("2027-06-30", -61));
    expect(await notices(prefix)).toEqual([]);
    await runOn(addDays("2027-06-30", -60));
    await runOn(addDays("2027-06-30", -59));
    await runOn(addDays("2027-06-30", -30));
    await runOn(addDays("2027-06-30", -7));
    const sent = await notices(prefix);
    expect(sent.map((notice) => notice.titleZh)).toEqual([
      `${prefix}新加坡国立大学的合作协议，截止日期2027年6月30日，还剩60天`,
      `${prefix}新加坡国立大学的合作协议，截止日期2027年6月30日，还剩30天`,
    ]);
    for (const notice of sent) expect([...notice.accountIds].sort()).toEqual(unitAccounts);
    expect(sent[0]!.bodyZh).toContain("第七条第二项");
  });

  it("tells the unit on the day its 3-year ban ends, once, and not before", async () => {
    const id = randomUUID();
    await t.database.db.insert(revocations).values({
      id,
      unitId: base.unitId,
      baseId: null,
      baseName: "湖北省旧材料国际科技合作基地（联合研究）",
      ground: "6",
      revokedOn: "2025-02-28",
      createdAt: new Date(),
    });
    const prefix = "禁止申报期满提醒：湖北省旧材料国际科技合作基地（联合研究）";
    await runOn("2028-02-27");
    expect(await notices(prefix)).toEqual([]);
    await runOn("2028-02-28");
    await runOn("2028-02-28");
    await runOn("2028-02-29");
    const sent = await notices(prefix);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.titleZh).toBe(`${prefix}撤销后的禁止申报期，期满日期2028年2月28日，今天`);
    expect(sent[0]!.bodyZh).toContain("可再次申报");
    expect([...sent[0]!.accountIds].sort()).toEqual(unitAccounts);
    expect(await keys()).toContain(`ban-ending:${id}:0`);
  });

  it("warns the officers 180 and 30 days before the measures lapse, no one else", async () => {
    const prefix = "管理办法有效期届满提醒：";
    await runOn("2030-04-27");
    expect(await notices(prefix)).toEqual([]);
    await runOn("2030-04-28");
    await runOn("2030-05-01");
    await runOn("2030-09-25");
    const sent = await notices(prefix);
    expect(sent.map((notice) => notice.titleZh)).toEqual([
      "管理办法有效期届满提醒：《湖北省国际科技合作基地管理办法》（鄂科技规〔2025〕6号），有效期至2030年10月25日，还剩180天",
      "管理办法有效期届满提醒：《湖北省国际科技合作基地管理办法》（鄂科技规〔2025〕6号），有效期至2030年10月25日，还剩30天",
    ]);
    for (const notice of sent) expect([...notice.accountIds].sort()).toEqual(officerAccounts);
  });
});
