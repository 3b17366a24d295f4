import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeReportDeadline } from "../../../policy/calendar/deadlines";
import { accounts, annualReports, bases, changeReports, revocations } from "../../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

/** 09:00 China time on a China date. */
const morningOf = (date: string) => new Date(`${date}T09:00:00+08:00`);

interface Item {
  id: string;
  kind: string;
  baseId: string | null;
  baseName: string | null;
  unitName: string | null;
  subjectId: string;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
  severity: string;
  article: string;
  belowMinimum?: boolean;
  link: string | null;
}

describe.each(databaseKinds())("deadlines (SPEC §6) on %s", (kind) => {
  let t: TestApp;
  let yichangBase: { id: string; unitId: string; standardName: string };
  let hustBase: { id: string; unitId: string; standardName: string };

  const unitOf = async (username: string) =>
    (await t.database.db.select({ unitId: accounts.unitId }).from(accounts).where(eq(accounts.username, username)))[0]!
      .unitId!;
  const firstLiveBase = async (unitId: string) =>
    (
      await t.database.db
        .select({ id: bases.id, unitId: bases.unitId, standardName: bases.standardName })
        .from(bases)
        .where(and(eq(bases.unitId, unitId), inArray(bases.status, ["active", "rectifying"])))
        .orderBy(bases.standardName)
        .limit(1)
    )[0]!;
  const addChange = async (base: { id: string; unitId: string }, changedOn: string, state = "submitted") => {
    const id = randomUUID();
    await t.database.db.insert(changeReports).values({
      id,
      baseId: base.id,
      unitId: base.unitId,
      kind: "director",
      changedOn,
      dueOn: changeReportDeadline(changedOn),
      state,
      edition: "2025",
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    return id;
  };
  const list = async (username: string, query = "") => {
    const response = await (await t.login(username)).get(`/api/deadlines${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { items: Item[]; total: number; overdue: number; today: string; horizonDays: number };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    yichangBase = await firstLiveBase(await unitOf("app.yichang"));
    hustBase = await firstLiveBase(await unitOf("app.hust"));
  });
  afterAll(() => t.close());

  it("refuses the anonymous, the expert and a malformed filter", async () => {
    expect((await t.anonymous.get("/api/deadlines")).statusCode).toBe(401);
    expect((await (await t.login("expert")).get("/api/deadlines")).statusCode).toBe(403);
    const bad = await (await t.login("officer")).get("/api/deadlines?kind=nope&horizon=0");
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(["querystring.horizon", "querystring.kind"]);
  });

  it("shows the officer every base's, a recommender its jurisdiction's, a unit its own", async () => {
    t.clock.set(morningOf("2026-03-10"));
    const yichang = await addChange(yichangBase, "2026-01-20");
    const hust = await addChange(hustBase, "2026-02-05");
    // Only this test's two reports (the demo may hold change reports of its own).
    const ids = async (username: string) =>
      (await list(username, "?kind=change-report-due")).items
        .map((item) => item.subjectId)
        .filter((id) => id === yichang || id === hust);
    expect(await ids("officer")).toEqual([yichang, hust]);
    expect(await ids("rec.yichang")).toEqual([yichang]);
    expect(await ids("app.yichang")).toEqual([yichang]);
    expect(await ids("app.hust")).toEqual([hust]);
    expect(await ids("rec.donghu")).toEqual([]);
    const [item] = (await list("app.yichang", "?kind=change-report-due")).items;
    expect(item).toMatchObject({
      kind: "change-report-due",
      baseId: yichangBase.id,
      baseName: yichangBase.standardName,
      unitName: "宜昌三峡新材料股份有限公司",
      dueOn: "2026-04-20",
      daysLeft: 41,
      overdue: false,
      severity: "upcoming",
      article: "18.5",
      link: `/bases/${yichangBase.id}`,
    });
    await t.database.db.delete(changeReports).where(inArray(changeReports.id, [yichang, hust]));
  });

  it("turns overdue the day after the 3-month window (month end clamped), and drops the report once filed", async () => {
    const id = await addChange(yichangBase, "2025-11-30");
    const item = async (date: string) => {
      t.clock.set(morningOf(date));
      return (await list("officer", "?kind=change-report-due")).items.find((entry) => entry.subjectId === id);
    };
    expect(await item("2026-02-28")).toMatchObject({ dueOn: "2026-02-28", daysLeft: 0, overdue: false });
    expect(await item("2026-03-01")).toMatchObject({ daysLeft: -1, overdue: true, severity: "overdue" });
    expect((await list("officer", "?overdue=true")).items.map((entry) => entry.subjectId)).toContain(id);
    expect((await list("officer", "?overdue=false")).items.map((entry) => entry.subjectId)).not.toContain(id);
    await t.database.db
      .update(changeReports)
      .set({ state: "filed", filedOn: "2026-03-01" })
      .where(eq(changeReports.id, id));
    expect(await item("2026-03-01")).toBeUndefined();
  });

  it("sorts by due date across kinds, with the ban end of a revocation and an agreement falling below three", async () => {
    t.clock.set(morningOf("2026-03-10"));
    const change = await addChange(yichangBase, "2026-02-20"); // due 2026-05-20
    const revocation = randomUUID();
    await t.database.db.insert(revocations).values({
      id: revocation,
      unitId: yichangBase.unitId,
      baseId: null,
      baseName: "湖北省旧基地（联合研究）",
      ground: "6",
      revokedOn: "2023-04-30",
      createdAt: new Date(),
    });
    // The base's latest filed report lists three agreements; the second to end takes it below the minimum.
    const [report] = await t.database.db
      .select({ id: annualReports.id, content: annualReports.content, state: annualReports.state })
      .from(annualReports)
      .where(eq(annualReports.baseId, yichangBase.id))
      .limit(1);
    await t.database.db
      .update(annualReports)
      .set({
        state: "graded",
        content: {
          ...report!.content,
          agreements: [
            { partner: "柏林工业大学", country: "DE", title: "合作协议", startsOn: "2022-01-01", endsOn: "2026-04-05" },
            {
              partner: "新加坡国立大学",
              country: "SG",
              title: "合作协议",
              startsOn: "2022-01-01",
              endsOn: "2026-04-05",
            },
            { partner: "东京大学", country: "JP", title: "合作协议", startsOn: "2022-01-01", endsOn: "2029-12-31" },
          ],
        },
      })
      .where(eq(annualReports.id, report!.id));

    const { items } = await list("rec.yichang");
    const mine = items.filter((item) => [change, revocation, `${yichangBase.id}@2026-04-05`].includes(item.subjectId));
    expect(mine.map((item) => [item.kind, item.dueOn, item.severity, item.article])).toEqual([
      ["agreement-expiry", "2026-04-05", "upcoming", "7.2"],
      ["ban-end", "2026-04-30", "info", "20"],
      ["change-report-due", "2026-05-20", "upcoming", "18.5"],
    ]);
    expect(mine[0]!.belowMinimum).toBe(true);
    const dues = items.map((item) => item.dueOn);
    expect(dues).toEqual([...dues].sort());
    // Another jurisdiction sees none of it; the officer sees all of it.
    const wuhan = (await list("rec.wuhan")).items.map((item) => item.subjectId);
    expect(wuhan).not.toContain(change);
    expect(wuhan).not.toContain(revocation);
    expect((await list("officer")).items.map((item) => item.subjectId)).toEqual(
      expect.arrayContaining([change, revocation, `${yichangBase.id}@2026-04-05`]),
    );
    // A shorter horizon hides what is further away; the ban ends on the third anniversary and is gone the day after.
    expect((await list("app.yichang", "?horizon=30")).items.map((item) => item.subjectId)).toEqual(
      expect.not.arrayContaining([change, revocation]),
    );
    t.clock.set(morningOf("2026-05-01"));
    const later = (await list("app.yichang")).items;
    expect(later.map((item) => item.subjectId)).not.toContain(revocation);
    expect(later.find((item) => item.subjectId === `${yichangBase.id}@below`)).toMatchObject({
      dueOn: "2026-04-06",
      overdue: true,
      belowMinimum: true,
    });
  });

  it("shows the measures' lapse to the department only, from 180 days ahead", async () => {
    t.clock.set(morningOf("2030-04-28"));
    const rules = (await list("officer", "?kind=rules-expiry")).items;
    expect(rules).toEqual([
      expect.objectContaining({ kind: "rules-expiry", dueOn: "2030-10-25", daysLeft: 180, article: "31", link: null }),
    ]);
    expect((await list("rec.yichang", "?kind=rules-expiry")).items).toEqual([]);
    expect((await list("app.yichang", "?kind=rules-expiry")).items).toEqual([]);
    t.clock.set(morningOf("2030-04-27"));
    expect((await list("officer", "?kind=rules-expiry")).items).toEqual([]);
  });

  it("pages the list and counts it whole", async () => {
    t.clock.set(morningOf("2026-03-10"));
    const whole = await list("officer", "?horizon=1000");
    const first = await list("officer", "?horizon=1000&pageSize=1");
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(whole.total);
    expect(first.items[0]!.id).toBe(whole.items[0]!.id);
    const second = await list("officer", "?horizon=1000&pageSize=1&page=2");
    expect(second.items[0]!.id).toBe(whole.items[1]!.id);
  });
});
