import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings";
import { addYears } from "./calendar-months";
import { addDays, daysBetween, daysInMonth, formatIsoDate } from "./dates";
import {
  banEnd,
  changeReportDeadline,
  isBanned,
  isChangeReportOnTime,
  isWithin,
  lastCompleteYears,
  lookBackWindow,
  rectificationEnd,
  validityEnd,
} from "./deadlines";

const isoDates = fc
  .record({
    year: fc.integer({ min: 2000, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe("Art. 18.5 change window (3 calendar months)", () => {
  it.each([
    ["2026-01-15", "2026-04-15", true],
    ["2026-01-15", "2026-04-16", false],
    ["2025-11-30", "2026-02-28", true], // month-end handling
    ["2025-11-30", "2026-03-01", false],
    ["2026-05-31", "2026-08-31", true],
  ])("changed %s, filed %s → on time %s", (change, filed, onTime) => {
    expect(isChangeReportOnTime(change, filed)).toBe(onTime);
  });
  it("the deadline is never before the change date plus 89 days", () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        expect(changeReportDeadline(date) >= addDays(date, 89)).toBe(true);
      }),
    );
  });
});

describe("Art. 24 rectification (1 year)", () => {
  it.each([
    ["2026-06-30", "2027-06-29"],
    ["2024-02-29", "2025-02-27"],
    ["2026-01-01", "2026-12-31"],
    ["2026-12-31", "2027-12-30"],
    ["2027-03-01", "2028-02-29"], // into a leap year: ends on the leap day
    ["2027-02-28", "2028-02-27"],
    ["2028-03-01", "2029-02-28"],
    ["2096-02-29", "2097-02-27"],
    ["2099-12-31", "2100-12-30"],
    ["2100-03-01", "2101-02-28"], // 2100 is not a leap year
  ])("from %s to %s", (start, end) => expect(rectificationEnd(start)).toBe(end));

  it("ends the day before the first anniversary: 364 or 365 days after the start, never in the start's month and year", () => {
    fc.assert(
      fc.property(isoDates, (start) => {
        const end = rectificationEnd(start);
        expect([364, 365]).toContain(daysBetween(start, end));
        expect(end.slice(0, 4)).toBe(String(Number(start.slice(0, 4)) + (start.slice(5) === "01-01" ? 0 : 1)));
      }),
    );
  });
});

describe("Art. 20 ban (3 years: eligible again on the third anniversary)", () => {
  it.each([
    ["2023-03-31", "2026-03-30", true],
    ["2023-03-31", "2026-03-31", false],
    ["2024-02-29", "2027-02-27", true],
    ["2024-02-29", "2027-02-28", false],
  ])("revoked %s, reference %s → banned %s", (revoked, reference, banned) => {
    expect(isBanned(revoked, reference)).toBe(banned);
  });
  it("the day before banEnd is banned, banEnd itself is not", () => {
    fc.assert(
      fc.property(isoDates, (revoked) => {
        const end = banEnd(revoked);
        expect(isBanned(revoked, addDays(end, -1))).toBe(true);
        expect(isBanned(revoked, end)).toBe(false);
        expect(end).toBe(addYears(revoked, 3));
      }),
    );
  });
});

describe("look-back windows (近3年)", () => {
  it("rolling: the same day 3 years earlier to the reference date, inclusive", () => {
    expect(lookBackWindow("2026-03-31")).toEqual({ start: "2023-03-31", end: "2026-03-31" });
    expect(lookBackWindow("2028-02-29")).toEqual({ start: "2025-02-28", end: "2028-02-29" });
  });
  it("calendar years (setting): the complete years before", () => {
    expect(lookBackWindow("2026-03-31", { ...defaultSettings, lookBackMode: "calendar-years" })).toEqual({
      start: "2023-01-01",
      end: "2025-12-31",
    });
  });
  it("always contains the reference date and never more than 3 years and a day", () => {
    fc.assert(
      fc.property(isoDates, (reference) => {
        const window = lookBackWindow(reference);
        expect(isWithin(reference, window)).toBe(true);
        expect(isWithin(addDays(window.start, -1), window)).toBe(false);
        expect(isWithin(addDays(reference, 1), window)).toBe(false);
      }),
    );
  });
  it("each year (Art. 9.3): the three complete years", () =>
    expect(lastCompleteYears("2026-03-31", 3)).toEqual([2023, 2024, 2025]));
});

describe("Art. 31 validity (5 years from 2025-10-26)", () => {
  it("lapses after 2030-10-25", () => expect(validityEnd("2025-10-26")).toBe("2030-10-25"));
});
