import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek } from "./dates";
import {
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  type OfficerHolidayYear,
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
