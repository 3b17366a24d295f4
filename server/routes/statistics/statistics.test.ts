import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Statistics, StatisticsChart } from "../../../contracts/statistics";
import { prefectureOf } from "../../../policy/reference/divisions";
import { recommenderSubtree } from "../../access/scope";
import { bases, beltAndRoad, evaluationGrades, units } from "../../db/schema";
import { countryNameOf } from "../../reference/countries";
import { createApplication, createCall } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const yichangUnit = "宜昌三峡新材料股份有限公司";
const wuhanUnit = "武汉光谷激光科技有限公司";
/** Names no demo row uses, so their buckets hold exactly what this file seeds. */
const field = "统计测试领域";
const gradeYear = 2031;
const liveStates = ["active", "rectifying", "revocation-proposed"];

const chartOf = (statistics: Statistics, key: StatisticsChart["key"]) =>
  statistics.charts.find((chart) => chart.key === key)!;
/** One row of a chart as {seriesKey: count}, or null when the row is not there. */
function rowOf(chart: StatisticsChart, categoryKey: string): Record<string, number> | null {
  const index = chart.categories.findIndex((category) => category.key === categoryKey);
  if (index < 0) return null;
  return Object.fromEntries(chart.series.map((series, column) => [series.key, chart.values[index]![column]!]));
}
const minus = (after: Record<string, number> | null, before: Record<string, number> | null) =>
  Object.fromEntries(Object.entries(after ?? {}).map(([key, value]) => [key, value - (before?.[key] ?? 0)]));

describe.each(databaseKinds())("statistics (issue 13 item 2) on %s", (kind) => {
  let t: TestApp;
  const agents: Record<string, Agent> = {};
  const unitOf: Record<string, { id: string; recommenderId: string; prefecture: string }> = {};
  const callIds = { a: "", b: "", c: "" };
  let before: Record<string, Statistics> = {};

  const statistics = async (username: string) => {
    const response = await agents[username]!.get("/api/statistics");
    expect(response.statusCode).toBe(200);
    return response.json() as Statistics;
  };
  const workbookOf = async (username: string, query = "") => {
    const response = await agents[username]!.get(`/api/statistics/export.xlsx${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return workbook;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    for (const username of ["officer", "rec.yichang", "rec.wuhan"]) agents[username] = await t.login(username);
    for (const name of [yichangUnit, wuhanUnit]) {
      const [unit] = await db.select().from(units).where(eq(units.name, name));
      unitOf[name] = {
        id: unit!.id,
        recommenderId: unit!.recommenderId,
        prefecture: prefectureOf(unit!.divisionCode)!.code,
      };
    }
    before = {
      officer: await statistics("officer"),
      "rec.yichang": await statistics("rec.yichang"),
      "rec.wuhan": await statistics("rec.wuhan"),
    };

    // Four bases: three in the layout now, one revoked (counted only by the year it was recognized).
    const base = (unitName: string, values: Partial<typeof bases.$inferInsert>) => {
      const id = randomUUID();
      return db
        .insert(bases)
        .values({
          id,
          standardName: `湖北省统计测试${id.slice(0, 6)}国际科技合作基地`,
          unitId: unitOf[unitName]!.id,
          recommenderId: unitOf[unitName]!.recommenderId,
          type: "joint-research",
          field,
          countries: { key: [], main: [], radiating: [] },
          recognizedOn: "2019-06-01",
          documentNumber: "鄂科技函〔2019〕1号",
          origin: "provincial-2016",
          edition: "2016",
          status: "active",
          createdAt: new Date("2019-06-01T08:00:00Z"),
          ...values,
        })
        .then(() => id);
    };
    const wuhanJoint = await base(wuhanUnit, { countries: { key: ["TV"], main: ["VA"], radiating: [] } });
    const wuhanTransfer = await base(wuhanUnit, {
      type: "technology-transfer",
      status: "rectifying",
      countries: { key: ["TV", "VA", "TV"], main: [], radiating: ["TV"] },
    });
    const yichangCharacteristic = await base(yichangUnit, {
      type: "characteristic",
      countries: { key: [], main: ["TV"], radiating: [] },
    });
    await base(yichangUnit, { status: "revoked", countries: { key: ["TV"], main: [], radiating: [] } });
    await db
      .insert(beltAndRoad)
      .values({ id: randomUUID(), country: "TV", since: "2015-01-01", createdAt: new Date() });

    const grade = (baseId: string, value: "excellent" | "qualified" | "unqualified") =>
      db.insert(evaluationGrades).values({
        id: randomUUID(),
        roundId: randomUUID(),
        reportId: randomUUID(),
        baseId,
        year: gradeYear,
        grade: value,
        score: 80,
        article: "22",
        reasonZh: "测试",
        reasonEn: "test",
        edition: "2025",
        cutoffs: {
          excellentShare: 0.1,
          excellentMinimumScore: 85,
          unqualifiedBelow: 60,
          excellentAtLeastOneSlot: true,
        },
        confirmedAt: new Date(),
      });
    await grade(wuhanJoint, "excellent");
    await grade(wuhanTransfer, "unqualified");
    await grade(yichangCharacteristic, "qualified");

    // Applications in three calls; drafts never submitted count nowhere.
    const submittedAt = new Date("2026-03-06T02:00:00Z");
    callIds.a = await createCall(db, { titleZh: "统计测试批次甲" });
    callIds.b = await createCall(db, { titleZh: "统计测试批次乙" });
    callIds.c = await createCall(db, { titleZh: "统计测试批次丙" });
    await createApplication(db, { callId: callIds.a, unitName: wuhanUnit, state: "submitted", submittedAt });
    await createApplication(db, { callId: callIds.a, unitName: yichangUnit, state: "in-expert-review", submittedAt });
    await createApplication(db, { callId: callIds.b, unitName: wuhanUnit, state: "recommended", submittedAt });
    await createApplication(db, { callId: callIds.b, unitName: yichangUnit, state: "recognized", submittedAt });
    await createApplication(db, { callId: callIds.c, unitName: yichangUnit, state: "draft", submittedAt: null });
    // Withdrawn before it was ever submitted: still its unit's alone.
    await createApplication(db, { callId: callIds.c, unitName: yichangUnit, state: "withdrawn", submittedAt: null });
    await createApplication(db, { callId: callIds.c, unitName: wuhanUnit, state: "withdrawn", submittedAt });
  });
  afterAll(() => t.close());

  it("is the department's and the recommenders' alone", async () => {
    expect((await t.anonymous.get("/api/statistics")).statusCode).toBe(401);
    expect((await t.anonymous.get("/api/statistics/export.xlsx")).statusCode).toBe(401);
    for (const username of ["expert", "evaluator", "app.wuhan-ent", "app.yichang", "sysadmin", "auditor"]) {
      const agent = await t.login(username);
      expect((await agent.get("/api/statistics")).statusCode, username).toBe(403);
      expect((await agent.get("/api/statistics/export.xlsx")).statusCode, username).toBe(403);
      expect((await agent.get("/api/auth/me")).json().abilities).not.toContain("statistics.read");
    }
    const bad = await agents.officer!.get("/api/statistics/export.xlsx?chart=nope");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: "querystring.chart", messageZh: "未知的统计图表" });
  });

  it("counts the province's bases by type, prefecture, field, partner country and year", async () => {
    const after = await statistics("officer");
    const earlier = before.officer!;
    expect(after.scope).toMatchObject({ kind: "province", labelZh: "全省" });
    expect(after.totals.currentBases - earlier.totals.currentBases).toBe(3);
    const [live] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bases)
      .where(inArray(bases.status, liveStates));
    expect(after.totals.currentBases).toBe(Number(live!.n));

    const byType = (statistics: Statistics): Record<string, number> => {
      const chart = chartOf(statistics, "bases-by-type");
      return Object.fromEntries(chart.categories.map((category, row) => [category.key, chart.values[row]![0]!]));
    };
    expect(minus(byType(after), byType(earlier))).toEqual({
      "joint-research": 1,
      "technology-transfer": 1,
      characteristic: 1,
    });

    const divisions = chartOf(after, "bases-by-division");
    expect(divisions.categories).toHaveLength(17); // every prefecture, the empty ones too
    const wuhan = unitOf[wuhanUnit]!.prefecture;
    const yichang = unitOf[yichangUnit]!.prefecture;
    expect(minus(rowOf(divisions, wuhan), rowOf(chartOf(earlier, "bases-by-division"), wuhan))).toEqual({
      "joint-research": 1,
      "technology-transfer": 1,
      characteristic: 0,
    });
    expect(minus(rowOf(divisions, yichang), rowOf(chartOf(earlier, "bases-by-division"), yichang))).toEqual({
      "joint-research": 0,
      "technology-transfer": 0,
      characteristic: 1,
    });

    expect(rowOf(chartOf(after, "bases-by-field"), field)).toEqual({
      "joint-research": 1,
      "technology-transfer": 1,
      characteristic: 1,
    });

    const countries = chartOf(after, "bases-by-country");
    expect(rowOf(countries, "TV")).toEqual({ key: 2, any: 3 });
    expect(rowOf(countries, "VA")).toEqual({ key: 1, any: 2 });
    const tuvalu = countries.categories.find((category) => category.key === "TV")!;
    expect(tuvalu).toMatchObject({ labelZh: countryNameOf("TV").nameZh, labelEn: "Tuvalu", beltAndRoad: true });
    expect(countries.categories.find((category) => category.key === "VA")!.beltAndRoad).toBe(false);
    expect(after.totals.partnerCountries).toBe(countries.categories.length);
    expect(after.totals.beltAndRoadCountries).toBe(countries.categories.filter((c) => c.beltAndRoad).length);

    const years = chartOf(after, "bases-by-year");
    expect(minus(rowOf(years, "2019"), rowOf(chartOf(earlier, "bases-by-year"), "2019"))).toEqual({
      active: 2,
      rectifying: 1,
      "revocation-proposed": 0,
      revoked: 1,
      exited: 0,
    });
    expect(years.categories.find((category) => category.key === "2019")!.labelZh).toBe("2019年");
  });

  it("counts applications per call and stage, drafts never submitted left out, and the grades by year", async () => {
    const after = await statistics("officer");
    const calls = chartOf(after, "applications-by-call");
    const zero = {
      "at-recommender": 0,
      "formal-review": 0,
      "expert-review": 0,
      decision: 0,
      recognized: 0,
      "not-passed": 0,
      withdrawn: 0,
    };
    expect(rowOf(calls, callIds.a)).toEqual({ ...zero, "at-recommender": 1, "expert-review": 1 });
    expect(rowOf(calls, callIds.b)).toEqual({ ...zero, "formal-review": 1, recognized: 1 });
    expect(rowOf(calls, callIds.c)).toEqual({ ...zero, withdrawn: 1 });
    expect(calls.categories.find((category) => category.key === callIds.a)!.labelZh).toBe("统计测试批次甲");
    expect(after.totals.applications - before.officer!.totals.applications).toBe(5);

    expect(rowOf(chartOf(after, "grades-by-year"), String(gradeYear))).toEqual({
      excellent: 1,
      qualified: 1,
      unqualified: 1,
    });
  });

  it("gives a recommender its jurisdiction's counts only", async () => {
    const mine = await statistics("rec.yichang");
    expect(mine.scope.kind).toBe("jurisdiction");
    expect(mine.scope.labelZh).toContain("宜昌");
    const subtree = await recommenderSubtree(t.database.db, unitOf[yichangUnit]!.recommenderId);
    const [live] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bases)
      .innerJoin(units, eq(units.id, bases.unitId))
      .where(and(inArray(bases.status, liveStates), inArray(units.recommenderId, [...subtree])));
    expect(mine.totals.currentBases).toBe(Number(live!.n));
    expect(mine.totals.currentBases - before["rec.yichang"]!.totals.currentBases).toBe(1);

    expect(rowOf(chartOf(mine, "bases-by-field"), field)).toEqual({
      "joint-research": 0,
      "technology-transfer": 0,
      characteristic: 1,
    });
    expect(rowOf(chartOf(mine, "bases-by-country"), "TV")).toEqual({ key: 0, any: 1 });
    expect(rowOf(chartOf(mine, "bases-by-country"), "VA")).toBeNull();
    const divisions = chartOf(mine, "bases-by-division");
    expect(divisions.categories.map((category) => category.key)).not.toContain(unitOf[wuhanUnit]!.prefecture);

    const calls = chartOf(mine, "applications-by-call");
    expect(rowOf(calls, callIds.a)).toMatchObject({ "at-recommender": 0, "expert-review": 1 });
    expect(rowOf(calls, callIds.b)).toMatchObject({ "formal-review": 0, recognized: 1 });
    expect(Object.values(rowOf(calls, callIds.c)!).every((count) => count === 0)).toBe(true);
    expect(rowOf(chartOf(mine, "grades-by-year"), String(gradeYear))).toEqual({
      excellent: 0,
      qualified: 1,
      unqualified: 0,
    });

    const wuhan = await statistics("rec.wuhan");
    expect(rowOf(chartOf(wuhan, "bases-by-field"), field)).toEqual({
      "joint-research": 1,
      "technology-transfer": 1,
      characteristic: 0,
    });
    expect(rowOf(chartOf(wuhan, "applications-by-call"), callIds.c)).toMatchObject({ withdrawn: 1 });
  });

  it("summarizes the same deadlines the 期限提醒 list shows, in the same scope", async () => {
    for (const username of ["officer", "rec.yichang"]) {
      const chart = chartOf(await statistics(username), "deadlines");
      const counted = chart.values.flat().reduce((sum, value) => sum + value, 0);
      const list = (await agents[username]!.get("/api/deadlines?horizon=90&pageSize=500")).json();
      expect(counted, username).toBe(list.total);
      const overdue = chart.series.findIndex((series) => series.key === "overdue");
      expect(
        chart.values.reduce((sum, row) => sum + row[overdue]!, 0),
        username,
      ).toBe(list.overdue);
    }
  });

  it("exports every chart as a sheet with Chinese headers, or one chart alone", async () => {
    const after = await statistics("officer");
    const workbook = await workbookOf("officer");
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(after.charts.map((chart) => chart.titleZh));

    const fields = workbook.getWorksheet("基地领域分布")!;
    expect(fields.getCell(1, 1).value).toBe("基地领域分布");
    expect(String(fields.getCell(2, 1).value)).toBe("统计范围：全省　统计日期：2026年3月10日");
    expect(fields.getRow(3).values).toEqual([undefined, "领域", "联合研究类", "技术转移类", "特色类", "合计"]);
    const rows = (sheet: ExcelJS.Worksheet) => {
      const result: unknown[][] = [];
      sheet.eachRow((row) => result.push((row.values as unknown[]).slice(1)));
      return result;
    };
    expect(rows(fields)).toContainEqual([field, 1, 1, 1, 3]);
    const fieldTotal = rows(fields).find((row) => row[0] === "合计")!;
    const currentBases = after.totals.currentBases;
    expect(fieldTotal[4]).toBe(currentBases);

    const countries = workbook.getWorksheet("合作国家（地区）分布")!;
    expect(countries.getRow(3).values).toEqual([
      undefined,
      "合作国家（地区）",
      "一带一路共建国家",
      "作为重点合作国家",
      "合作国家（全部）",
    ]);
    expect(rows(countries)).toContainEqual([countryNameOf("TV").nameZh, "是", 2, 3]);
    expect(rows(countries)).toContainEqual([countryNameOf("VA").nameZh, "否", 1, 2]);

    const calls = workbook.getWorksheet("各批次申报进展")!;
    expect(rows(calls)).toContainEqual(["统计测试批次甲", 1, 0, 1, 0, 0, 0, 0, 2]);

    const one = await workbookOf("rec.yichang", "?chart=bases-by-field");
    expect(one.worksheets.map((sheet) => sheet.name)).toEqual(["基地领域分布"]);
    const yichangFields = one.getWorksheet("基地领域分布")!;
    expect(String(yichangFields.getCell(2, 1).value)).toContain("宜昌");
    expect(rows(yichangFields)).toContainEqual([field, 0, 0, 1, 1]);
  });

  it("lists the ability on the department's and recommenders' sessions", async () => {
    for (const username of ["officer", "rec.yichang"]) {
      const me = (await agents[username]!.get("/api/auth/me")).json();
      expect(me.abilities, username).toContain("statistics.read");
    }
  });
});
