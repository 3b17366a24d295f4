import calendarPackage from "chinese-days/package.json";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek } from "./dates";
import type { HolidaySourceKind } from "./holiday-sources";
import {
  addWorkingDays,
  checkHolidayYearEntry,
  countWorkingDays,
  type HolidayYearEntry,
  type HolidayYearFacts,
  isWorkingDay,
  type OfficerHolidayYear,
  packagedCalendar,
  publicNoticeEnd,
  validateOfficerHolidayYear,
} from "./working-days";

const value = <T>(outcome: { ok: true; value: T } | { ok: false }) => (outcome.ok ? outcome.value : undefined);

describe("isWorkingDay (chinese-days, 2004–2026)", () => {
  it.each([
    ["2026-10-01", false], // 国庆
    ["2026-10-07", false],
    ["2026-10-08", true],
    ["2026-09-20", true], // Sunday, 调休 working day
    ["2026-10-10", true], // Saturday, 调休 working day
    ["2026-10-11", false], // ordinary Sunday
    ["2026-02-14", true], // Saturday before Spring Festival, 调休
    ["2026-02-16", false], // 春节
    ["2026-02-23", false],
    ["2026-02-24", true],
    ["2026-02-28", true], // Saturday, 调休
    ["2025-10-08", false],
  ])("%s → %s", (date, working) => {
    expect(value(isWorkingDay(date))).toBe(working);
  });
});

describe("countWorkingDays across holidays", () => {
  it.each([
    ["2026-09-28", "2026-10-12", 7], // National Day 2026: 9-28, 9-29, 9-30, 10-8, 10-9, 10-10 (调休), 10-12
    ["2026-09-14", "2026-09-20", 6], // the week ending with the Sunday 调休 day
    ["2026-10-01", "2026-10-07", 0],
    ["2026-02-09", "2026-03-01", 11], // Spring Festival 2026: 2-9..2-13 (5), 2-14 (调休), 2-24..2-27 (4), 2-28 (调休)
    ["2026-03-02", "2026-03-01", 0],
  ])("%s to %s → %d", (from, to, count) => {
    expect(value(countWorkingDays(from, to))).toBe(count);
  });
});

describe("publicNoticeEnd (公示, 5 working days, start day counts)", () => {
  it.each([
    ["2023-11-08", "2023-11-14"], // the practice example
    ["2026-09-28", "2026-10-09"], // across National Day: 9-28, 9-29, 9-30, 10-8, 10-9
    ["2026-09-30", "2026-10-12"], // 9-30, 10-8, 10-9, 10-10 (调休), 10-12
    ["2026-10-03", "2026-10-13"], // posted on a holiday: 10-8, 10-9, 10-10 (调休), 10-12, 10-13
    ["2026-02-13", "2026-02-26"], // across Spring Festival: 2-13, 2-14 (调休), 2-24, 2-25, 2-26
  ])("%s → %s", (start, end) => {
    expect(value(publicNoticeEnd(start))).toBe(end);
  });
  it("start day not counted (setting)", () => {
    expect(value(publicNoticeEnd("2023-11-08", 5, [], false))).toBe("2023-11-15");
  });
});

describe("uncovered years are refused, not guessed", () => {
  it("refuses a count that reaches 2027", () => {
    const outcome = addWorkingDays("2026-12-28", 5);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.refusal.code).toBe("holiday-calendar-not-covered");
      expect(outcome.refusal.messageEn).toContain("2027");
    }
    expect(publicNoticeEnd("2026-12-30").ok).toBe(false);
    expect(countWorkingDays("2026-12-01", "2027-01-04").ok).toBe(false);
    expect(isWorkingDay("2003-12-31").ok).toBe(false);
  });
  it("accepts an officer-entered year", () => {
    const year2027: OfficerHolidayYear = { year: 2027, holidays: ["2027-01-01"], adjustedWorkingDays: [] };
    expect(validateOfficerHolidayYear(year2027).ok).toBe(true);
    expect(value(addWorkingDays("2026-12-30", 2, [year2027]))).toBe("2027-01-04"); // 12-31, (1-1 off, weekend), 1-4
    expect(value(publicNoticeEnd("2026-12-30", 5, [year2027]))).toBe("2027-01-06");
  });
  it("validates an officer-entered year", () => {
    expect(validateOfficerHolidayYear({ year: 2027, holidays: ["2028-01-01"], adjustedWorkingDays: [] }).ok).toBe(
      false,
    );
    expect(
      validateOfficerHolidayYear({ year: 2027, holidays: ["2027-02-06"], adjustedWorkingDays: ["2027-02-06"] }).ok,
    ).toBe(false);
  });
  it("adding n working days lands on a working day n working days later (property, 2010–2025)", () => {
    const starts = fc.integer({ min: 0, max: 365 * 15 }).map((offset) => addDays("2010-01-01", offset));
    fc.assert(
      fc.property(starts, fc.integer({ min: 1, max: 30 }), (start, count) => {
        const end = value(addWorkingDays(start, count))!;
        expect(value(isWorkingDay(end))).toBe(true);
        expect(value(countWorkingDays(addDays(start, 1), end))).toBe(count);
      }),
    );
  });
  it("weekdays outside holidays are working days", () => {
    expect(dayOfWeek("2023-11-08")).toBe(3);
  });
});

describe("the packaged calendar", () => {
  it("names the installed package version (upgrading it means checking the covered years)", () => {
    expect(calendarPackage.name).toBe(packagedCalendar.packageName);
    expect(calendarPackage.version).toBe(packagedCalendar.version);
  });
  it("does not know 2027 (the package calls 2027-01-01 a working day), so we refuse rather than trust it", () => {
    expect(isWorkingDay("2026-12-31").ok).toBe(true);
    expect(isWorkingDay("2027-01-01").ok).toBe(false);
  });
});

describe("a count reaching an unknown year tells the officer what to do", () => {
  it("in Chinese and English, naming the year, the menu and the notice's 文号", () => {
    const outcome = publicNoticeEnd("2026-12-28");
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal.code).toBe("holiday-calendar-not-covered");
    expect(outcome.refusal.messageZh).toContain("2027 年的节假日安排尚未录入");
    expect(outcome.refusal.messageZh).toContain("「基础数据 › 节假日安排」");
    expect(outcome.refusal.messageZh).toContain(
      "按国务院办公厅通知（填写文号）录入或导入 2027 年的放假与调休日期后重试",
    );
    expect(outcome.refusal.messageZh).toContain("平台内置 2004–2026 年");
    expect(outcome.refusal.messageEn).toContain("for 2027 has not been entered");
    expect(outcome.refusal.messageEn).toContain('"Reference data › Public holidays"');
  });
  it("lists the entered years and asks for the next one", () => {
    const year2027: OfficerHolidayYear = { year: 2027, holidays: ["2027-01-01"], adjustedWorkingDays: [] };
    const outcome = countWorkingDays("2027-12-01", "2028-01-10", [year2027]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal.messageZh).toContain("2028 年的节假日安排尚未录入（平台内置 2004–2026 年，已录入 2027 年）");
  });
  it("a year before the data starts is a date to check, not a year to enter", () => {
    const outcome = isWorkingDay("2003-06-02");
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.refusal.messageZh).toContain("早于平台节假日数据的起始年份");
  });
});

describe("a 公示 starting 2026-12-28 spans New Year (Art. 14.3, 5 working days, start day counts)", () => {
  const year = (holidays: string[], adjustedWorkingDays: string[] = []): OfficerHolidayYear[] => [
    { year: 2027, holidays, adjustedWorkingDays },
  ];
  it.each([
    ["refused before 2027 is entered", undefined, null],
    ["2027-01-01 off: 12-28 … 12-31, weekend, 01-04", year(["2027-01-01"]), "2027-01-04"],
    ["2027-01-01 a working day (no holiday that day)", year(["2027-02-10"]), "2027-01-01"],
    ["2027-01-01 off, Saturday 01-02 an adjusted working day", year(["2027-01-01"], ["2027-01-02"]), "2027-01-02"],
  ])("%s", (_label, entered, end) => {
    const outcome = publicNoticeEnd("2026-12-28", 5, entered);
    if (end === null) expect(outcome.ok).toBe(false);
    else expect(value(outcome)).toBe(end);
  });
});

describe("checkHolidayYearEntry (what an officer may save)", () => {
  const entry = (overrides: Partial<HolidayYearEntry> = {}): HolidayYearEntry => ({
    year: 2027,
    sourceKind: "state-council",
    documentNumber: "国办发明电〔2026〕5号",
    note: null,
    holidays: ["2027-01-01", "2027-02-05", "2027-02-06"],
    adjustedWorkingDays: ["2027-02-20"],
    ...overrides,
  });
  const facts = (overrides: Partial<HolidayYearFacts> = {}): HolidayYearFacts => ({
    entered: new Map<number, HolidaySourceKind>(),
    currentYear: 2026,
    correction: false,
    ...overrides,
  });
  const refusals = (verdict: ReturnType<typeof checkHolidayYearEntry>) =>
    verdict.ok ? [] : verdict.refusals.map((r) => `${r.path} ${r.code}`);
  const warnings = (verdict: ReturnType<typeof checkHolidayYearEntry>) => verdict.warnings.map((w) => w.code);

  it("accepts next year's schedule with its 文号, tidying the dates", () => {
    const verdict = checkHolidayYearEntry(
      entry({ holidays: ["2027-02-06", "2027-01-01", "2027-02-06"], note: "  " }),
      facts(),
    );
    expect(verdict.ok).toBe(true);
    expect(warnings(verdict)).toEqual([]);
    if (verdict.ok) {
      expect(verdict.value.holidays).toEqual(["2027-01-01", "2027-02-06"]);
      expect(verdict.value.note).toBeNull();
    }
  });

  it.each([
    ["no 文号", entry({ documentNumber: null }), facts(), ["documentNumber holiday-year-document-number-missing"]],
    ["blank 文号", entry({ documentNumber: "  " }), facts(), ["documentNumber holiday-year-document-number-missing"]],
    [
      "文号 without its year",
      entry({ documentNumber: "国办发明电7号" }),
      facts(),
      ["documentNumber holiday-year-document-number-form"],
    ],
    [
      "a date of another year",
      entry({ holidays: ["2027-01-01", "2028-01-01"] }),
      facts(),
      ["holidays.1 holiday-year-invalid-date"],
    ],
    ["not a date", entry({ holidays: ["2027-02-30"] }), facts(), ["holidays.0 holiday-year-invalid-date"]],
    [
      "a date both off and working",
      entry({ adjustedWorkingDays: ["2027-02-20", "2027-02-06"] }),
      facts(),
      ["adjustedWorkingDays.1 holiday-year-conflict"],
    ],
    ["no holidays", entry({ holidays: [] }), facts(), ["holidays holiday-year-no-holidays"]],
    [
      "a packaged year without saying it corrects it",
      entry({ year: 2026, holidays: ["2026-01-01"], adjustedWorkingDays: [] }),
      facts(),
      ["year holiday-year-packaged"],
    ],
    [
      "before the data starts",
      entry({ year: 2003, holidays: ["2003-01-01"], adjustedWorkingDays: [] }),
      facts(),
      ["year holiday-year-too-old"],
    ],
    [
      "a year not yet published",
      entry({ year: 2029, documentNumber: "国办发明电〔2028〕1号", holidays: ["2029-01-01"], adjustedWorkingDays: [] }),
      facts(),
      ["year holiday-year-not-published"],
    ],
    [
      "a demo estimate over a real schedule",
      entry({ sourceKind: "demo", documentNumber: null }),
      facts({ entered: new Map([[2027, "state-council"]]) }),
      ["year holiday-year-demo-over-real"],
    ],
    [
      "a demo estimate with a 文号",
      entry({ sourceKind: "demo" }),
      facts(),
      ["documentNumber holiday-year-demo-document-number"],
    ],
    [
      "every problem at once",
      entry({ documentNumber: "", holidays: ["2026-12-31"], adjustedWorkingDays: ["2026-12-31"] }),
      facts(),
      [
        "documentNumber holiday-year-document-number-missing",
        "holidays.0 holiday-year-invalid-date",
        "adjustedWorkingDays.0 holiday-year-invalid-date",
        "adjustedWorkingDays.0 holiday-year-conflict",
      ],
    ],
  ])("refuses %s", (_label, input, known, expected) => {
    expect(refusals(checkHolidayYearEntry(input, known))).toEqual(expected);
  });

  it.each([
    ["a replacement of an entered year", entry(), facts({ entered: new Map([[2027, "state-council"]]) })],
    [
      "a real schedule over a demo estimate",
      entry({ sourceKind: "file-import" }),
      facts({ entered: new Map([[2027, "demo"]]) }),
    ],
    [
      "a packaged year as an explicit correction",
      entry({ year: 2026, documentNumber: "国办发明电〔2026〕1号", holidays: ["2026-01-01"], adjustedWorkingDays: [] }),
      facts({ correction: true }),
    ],
    [
      "a packaged year already corrected",
      entry({ year: 2026, documentNumber: "国办发明电〔2026〕2号", holidays: ["2026-01-01"], adjustedWorkingDays: [] }),
      facts({ entered: new Map([[2026, "state-council"]]) }),
    ],
    [
      "a demo estimate of a year far ahead, without 文号",
      entry({
        year: 2030,
        sourceKind: "demo",
        documentNumber: null,
        holidays: ["2030-01-01"],
        adjustedWorkingDays: [],
      }),
      facts(),
    ],
    ["square brackets", entry({ documentNumber: "国办发明电[2026]5号" }), facts()],
    ["full-width parentheses", entry({ documentNumber: "国办发明电（2026）5号" }), facts()],
    ["the same year (a late adjustment)", entry({ documentNumber: "国办发明电〔2027〕1号" }), facts()],
  ])("accepts %s", (_label, input, known) => {
    expect(refusals(checkHolidayYearEntry(input, known))).toEqual([]);
  });

  it.each([
    [
      "a 文号 of an unlikely year",
      entry({ documentNumber: "国办发明电〔2020〕5号" }),
      ["holiday-year-document-number-year"],
    ],
    [
      "an adjusted working day on a weekday",
      entry({ adjustedWorkingDays: ["2027-02-17"] }),
      ["holiday-year-weekday-working-day"],
    ],
    ["no 元旦", entry({ holidays: ["2027-02-05"] }), ["holiday-year-no-new-year"]],
  ])("warns about %s but saves", (_label, input, expected) => {
    const verdict = checkHolidayYearEntry(input, facts());
    expect(verdict.ok).toBe(true);
    expect(warnings(verdict)).toEqual(expected);
  });

  it("the old date check still refuses what it refused", () => {
    expect(validateOfficerHolidayYear({ year: 2027, holidays: [], adjustedWorkingDays: [] }).ok).toBe(false);
  });
});
