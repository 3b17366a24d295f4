import { describe, expect, it } from "vitest";
import { isoDate } from "./common";

describe("isoDate: a real calendar date at the edge", () => {
  it.each([
    ["2026-03-31", true],
    ["2028-02-29", true], // leap year
    ["2000-02-29", true], // divisible by 400: leap
    ["2027-02-28", true],
    ["2027-02-29", false], // not a leap year
    ["2100-02-29", false], // divisible by 100, not 400: not leap
    ["2027-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["2026-3-1", false],
    ["31/03/2026", false],
    ["2026-03-31T00:00:00Z", false],
    ["", false],
  ])("%s → %s", (value, valid) => {
    const parsed = isoDate.safeParse(value);
    expect(parsed.success).toBe(valid);
    if (!parsed.success) expect(parsed.error.issues[0]?.message).toContain("YYYY-MM-DD");
  });
});
