import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, addYears } from "./calendar-months";
import { addDays, compareIsoDates, daysBetween, daysInMonth, formatIsoDate, isIsoDate, parseIsoDate } from "./dates";

const isoDates = fc
  .record({
    year: fc.integer({ min: 1900, max: 2199 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe("addMonths (month-end clamped)", () => {
  it.each([
    ["2025-01-15", 3, "2025-04-15"],
    ["2025-11-30", 3, "2026-02-28"], // no Feb 30: the month's last day
    ["2027-11-30", 3, "2028-02-29"], // leap year
    ["2025-08-31", 1, "2025-09-30"],
    ["2025-12-31", 2, "2026-02-28"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2025-10-26", 60, "2030-10-26"],
  ])("%s + %d months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("always gives a real date in the target month", () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -120, max: 120 }), (date, months) => {
        const result = addMonths(date, months);
        expect(isIsoDate(result)).toBe(true);
        const from = parseIsoDate(date)!;
        const to = parseIsoDate(result)!;
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(months);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });

  it("is monotonic: a later start never gives an earlier deadline", () => {
    fc.assert(
      fc.property(isoDates, isoDates, fc.integer({ min: 0, max: 60 }), (a, b, months) => {
        const [early, late] = compareIsoDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareIsoDates(addMonths(early, months), addMonths(late, months))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("a 3-month window lasts 89–92 days", () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        const length = daysBetween(date, addMonths(date, 3));
        expect(length).toBeGreaterThanOrEqual(89);
        expect(length).toBeLessThanOrEqual(92);
      }),
    );
  });

  it("addYears(date, n) moves the year and keeps the day except 29 February", () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -5, max: 5 }), (date, years) => {
        const result = addYears(date, years);
        expect(parseIsoDate(result)!.year).toBe(parseIsoDate(date)!.year + years);
        if (!date.endsWith("-02-29")) expect(result.slice(4)).toBe(date.slice(4));
      }),
    );
  });
});

describe("dates", () => {
  it("rejects impossible dates", () => {
    for (const bad of ["2025-02-29", "2025-13-01", "2025-1-01", "20250101", "2025-04-31", ""])
      expect(isIsoDate(bad)).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
  });
  it("addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });
});
