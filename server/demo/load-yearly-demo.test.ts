import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annualReports, baseEvents, bases, evaluationRounds } from "../db/schema";
import { startTestApp, type TestApp } from "../test/harness";

describe("yearly demo", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite");
  });
  afterAll(() => t.close());

  it("opens last year's evaluation with a draft, a report at its recommender and one with the department", async () => {
    const [round] = await t.database.db.select().from(evaluationRounds);
    expect(round).toMatchObject({ status: "open" });
    const loadedOn = new Date(Date.parse(round!.createdAt.toISOString()) + 8 * 3_600_000);
    expect(round!.year).toBe(loadedOn.getUTCFullYear() - 1);
    const rows = await t.database.db
      .select({ name: bases.standardName, state: annualReports.state, baseId: annualReports.baseId })
      .from(annualReports)
      .innerJoin(bases, eq(bases.id, annualReports.baseId));
    const stateOf = (name: string) => rows.find((row) => row.name === name)?.state;
    expect(stateOf("湖北省先进材料国际科技合作基地（联合研究）")).toBe("awaiting-report");
    expect(stateOf("湖北省激光制造国际科技合作基地（技术转移）")).toBe("recommender-review");
    expect(stateOf("湖北省智能制造国际科技合作基地（联合研究）")).toBe("submitted");
    const hust = rows.find((row) => row.name === "湖北省智能制造国际科技合作基地（联合研究）")!;
    const timeline = await t.database.db.select().from(baseEvents).where(eq(baseEvents.baseId, hust.baseId));
    expect(timeline.map((entry) => entry.kind)).toEqual([
      "report-submitted",
      "report-unit-approved",
      "report-approved",
    ]);
  });

  it("lets app.yichang open its own draft, with what is still missing", async () => {
    const unit = await t.login("app.yichang");
    const [own] = (await unit.get("/api/annual-reports")).json().items;
    const detail = (await unit.get(`/api/annual-reports/${own.id}`)).json();
    expect(detail).toMatchObject({ state: "awaiting-report", editable: true, availableEvents: ["submit-report"] });
    expect(detail.content.summary).toContain("先进材料");
    expect(detail.missing.map((m: { path: string }) => m.path)).toContain("management");
  });
});
