import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoHolidayNote } from "../../policy/calendar/holiday-sources";
import { isWorkingDay } from "../../policy/calendar/working-days";
import type { Invocation } from "../commands/command";
import { holidayYears } from "../db/schema";
import { invocationAs } from "../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { estimateHolidaySchedule, recordDemoHolidayYears } from "./demo-holiday-years";

describe("the demo's estimated holiday years", () => {
  it.each([2025, 2026])("every day the estimate gives for %i is a day off in the published schedule", (year) => {
    const { holidays, adjustedWorkingDays } = estimateHolidaySchedule(year);
    expect(adjustedWorkingDays).toEqual([]);
    expect(holidays.length).toBeGreaterThanOrEqual(23);
    for (const date of holidays) expect(isWorkingDay(date), date).toEqual({ ok: true, value: false });
  });

  it("estimates 2027 from the lunar calendar and the solar term", () => {
    const { holidays } = estimateHolidaySchedule(2027);
    expect(holidays).toEqual(
      expect.arrayContaining([
        "2027-01-01",
        "2027-02-05", // lunar new year's eve (正月初一 is 2027-02-06)
        "2027-02-12", // the 7th day
        "2027-04-05", // 清明
        "2027-05-05",
        "2027-06-09", // 端午
        "2027-09-15", // 中秋
        "2027-10-07",
      ]),
    );
    expect(holidays).not.toContain("2027-02-13");
    expect(holidays).toEqual([...holidays].sort());
  });
});

describe.each(databaseKinds())("recordDemoHolidayYears on %s", (kind) => {
  let t: TestApp;
  let officer: Invocation;

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await invocationAs(t, "officer");
  });
  afterAll(() => t.close());

  it("records an estimate for an uncovered year only, marked as demo data", async () => {
    expect(await recordDemoHolidayYears(officer, [2026, 2027, 2027])).toEqual([2027]);
    expect(await recordDemoHolidayYears(officer, [2026, 2027])).toEqual([]);
    expect(await t.database.db.select().from(holidayYears).where(eq(holidayYears.year, 2026))).toEqual([]);

    const agent = await t.login("officer");
    const { years } = (await agent.get("/api/reference/holiday-years")).json();
    expect(years.map((y: { year: number }) => y.year)).toEqual([2027]);
    expect(years[0]).toMatchObject({
      year: 2027,
      sourceKind: "demo",
      isDemo: true,
      documentNumber: null,
      note: demoHolidayNote,
      enteredBy: officer.actor.name,
      adjustedWorkingDayCount: 0,
    });
    expect(years[0].holidays).toEqual(estimateHolidaySchedule(2027).holidays);

    // The officer's real schedule replaces the estimate; the demo never writes over it.
    const real = await agent.request({
      method: "PUT",
      url: "/api/reference/holiday-years/2027",
      payload: { documentNumber: "国办发明电〔2026〕5号", holidays: ["2027-01-01"], adjustedWorkingDays: [] },
    });
    expect(real.statusCode).toBe(200);
    expect(real.json().year).toMatchObject({ sourceKind: "state-council", isDemo: false });
    expect(await recordDemoHolidayYears(officer, [2027])).toEqual([]);
  });
});
