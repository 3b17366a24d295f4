import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../policy/calendar/dates";
import { chinaDate } from "../clock";
import { annualReports, baseEvents, bases, evaluationRounds, rectificationCases } from "../db/schema";
import { templateClockStart } from "../test/constants";
import { startTestApp, type TestApp } from "../test/harness";

const hustOptics = "湖北省光电子信息国际科技合作基地（联合研究）";
const laser = "湖北省激光制造国际科技合作基地（技术转移）";

describe("yearly demo", () => {
  let t: TestApp;
  const loadedOn = chinaDate(new Date(templateClockStart));
  const year = Number(loadedOn.slice(0, 4)) - 1;
  beforeAll(async () => {
    t = await startTestApp("pglite");
  });
  afterAll(() => t.close());

  const roundOf = async (wanted: number) =>
    (await t.database.db.select().from(evaluationRounds).where(eq(evaluationRounds.year, wanted)))[0]!;

  it("opens last year's evaluation with a draft, a report at its recommender and one with the department", async () => {
    const round = await roundOf(year);
    expect(round).toMatchObject({ status: "open", gradedAt: null });
    expect(chinaDate(round.createdAt)).toBe(loadedOn);
    const rows = await t.database.db
      .select({ name: bases.standardName, state: annualReports.state, baseId: annualReports.baseId })
      .from(annualReports)
      .innerJoin(bases, eq(bases.id, annualReports.baseId))
      .where(eq(annualReports.roundId, round.id));
    const stateOf = (name: string) => rows.find((row) => row.name === name)?.state;
    expect(stateOf("湖北省先进材料国际科技合作基地（联合研究）")).toBe("awaiting-report");
    expect(stateOf(laser)).toBe("recommender-review");
    expect(stateOf("湖北省智能制造国际科技合作基地（联合研究）")).toBe("submitted");
    // The base in rectification still reports on the year (Art. 24: it is evaluated at the end of its year).
    expect(stateOf(hustOptics)).toBe("awaiting-report");
    const hust = rows.find((row) => row.name === "湖北省智能制造国际科技合作基地（联合研究）")!;
    const timeline = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, hust.baseId));
    expect(timeline.filter((entry) => entry.data.year === year).map((entry) => entry.kind)).toEqual([
      "report-submitted",
      "report-unit-approved",
      "report-approved",
    ]);
    // The officer's list puts the open year first: the screens and tests that take the first round get it.
    const listed = (await (await t.login("officer")).get("/api/evaluation-rounds")).json().items;
    expect(listed.map((item: { year: number; status: string }) => [item.year, item.status])).toEqual([
      [year, "open"],
      [year - 1, "closed"],
    ]);
  });

  it("grades the year before: one 优秀, one 不合格 in rectification with its plan filed, the rest 合格, funded and published", async () => {
    const round = await roundOf(year - 1);
    expect(chinaDate(round.createdAt)).toBe(addDays(loadedOn, -150));
    expect(round.reportDeadline).toBe(addDays(loadedOn, -90));
    expect(chinaDate(round.gradedAt!)).toBe(addDays(loadedOn, -60));
    expect(round.publishedAt).not.toBeNull();
    const officer = await t.login("officer");
    const view = (await officer.get(`/api/evaluation-rounds/${round.id}/grading`)).json();
    expect(view).toMatchObject({ confirmed: true, blockers: [], tie: null, excellentSlots: 1 });
    expect(view.funding).toEqual({ excellent: 300_000, qualified: 100_000, unqualified: 0 });
    const lines = view.lines as Array<{
      baseName: string;
      grade: string;
      score: number;
      reportState: string;
      fundingYuan: number;
    }>;
    expect(lines.length).toBe(8); // every base recognized by the year's end, each reported and scored
    expect(lines.every((line) => line.reportState === "graded" && line.score !== null)).toBe(true);
    expect(lines.filter((line) => line.grade === "excellent").map((line) => line.baseName)).toEqual([laser]);
    expect(lines.filter((line) => line.grade === "unqualified").map((line) => line.baseName)).toEqual([hustOptics]);
    expect(lines.filter((line) => line.grade === "qualified")).toHaveLength(6);
    expect(lines.find((line) => line.baseName === laser)).toMatchObject({ fundingYuan: 300_000 });
    expect(lines.find((line) => line.baseName === hustOptics)).toMatchObject({ fundingYuan: 0 });

    const [optics] = await t.database.db.select().from(bases).where(eq(bases.standardName, hustOptics));
    expect(optics!.status).toBe("rectifying");
    const [rectification] = await t.database.db
      .select()
      .from(rectificationCases)
      .where(and(eq(rectificationCases.baseId, optics!.id), eq(rectificationCases.roundId, round.id)));
    expect(rectification).toMatchObject({ state: "plan-filed", year: year - 1, openedOn: addDays(loadedOn, -60) });
    expect(rectification!.dueOn > loadedOn).toBe(true);
    expect(rectification!.plan).toContain("合作协议");

    // 华科's administrator finds the case, the laser company its 优秀 on the base's timeline.
    const hust = await t.login("app.hust");
    const cases = (await hust.get("/api/rectifications")).json().items as Array<{ id: string }>;
    expect(cases.map((item) => item.id)).toContain(rectification!.id);
    const [laserBase] = await t.database.db.select().from(bases).where(eq(bases.standardName, laser));
    const kinds = (await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, laserBase!.id)))
      .filter((entry) => entry.data.year === year - 1)
      .map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(["graded", "excellent-listed", "funded", "grades-published"]));
  });

  it("lets app.yichang open its own draft, with what is still missing", async () => {
    const unit = await t.login("app.yichang");
    const [own] = (await unit.get("/api/annual-reports")).json().items;
    expect(own.year).toBe(year);
    const detail = (await unit.get(`/api/annual-reports/${own.id}`)).json();
    expect(detail).toMatchObject({ state: "awaiting-report", editable: true, availableEvents: ["submit-report"] });
    expect(detail.content.summary).toContain("先进材料");
    expect(detail.missing.map((m: { path: string }) => m.path)).toContain("management");
  });
});
