import { describe, expect, it } from "vitest";
import { rdIntensity, rdThresholdPercent, selectFiscalYears } from "./rd-intensity";

describe("rdThresholdPercent (高新技术企业认定管理办法 2016, via Art. 8.3)", () => {
  it.each([
    [0, 5],
    [49_999_999, 5],
    [50_000_000, 5], // 5000万 inclusive
    [50_000_001, 4],
    [200_000_000, 4], // 2亿 inclusive
    [200_000_001, 3],
    [1e10, 3],
  ])("last-year revenue %d yuan → %d%%", (revenue, percent) => {
    expect(rdThresholdPercent(revenue)).toBe(percent);
  });
});

describe("rdIntensity", () => {
  it("sums over the years and takes the threshold from the latest year", () => {
    const result = rdIntensity(
      [
        { year: 2025, revenue: 6000, rdExpense: 240 },
        { year: 2023, revenue: 4000, rdExpense: 200 },
        { year: 2024, revenue: 5000, rdExpense: 160 },
      ],
      "ten-thousand-yuan",
    );
    expect(result).toMatchObject({
      years: [2023, 2024, 2025],
      lastYearRevenueYuan: 60_000_000,
      thresholdPercent: 4,
      meets: true,
    });
    expect(result?.ratio).toBeCloseTo(600 / 15000);
  });
  it("compares exactly at the threshold (no float rounding)", () => {
    expect(rdIntensity([{ year: 2025, revenue: 30_000_000, rdExpense: 1_500_000 }], "yuan")?.meets).toBe(true);
    expect(rdIntensity([{ year: 2025, revenue: 30_000_000, rdExpense: 1_499_999 }], "yuan")?.meets).toBe(false);
  });
  it("handles no years", () => {
    expect(rdIntensity([], "yuan")).toBeNull();
  });
  // Issue 10: 0 × 100 ≥ 0 × 5 read zero revenue and zero R&D as "met".
  it.each([
    ["zero revenue, zero R&D", 0],
    ["zero revenue, some R&D", 10],
  ])("%s: the ratio is undefined and not met", (_, rdExpense) => {
    const result = rdIntensity(
      [2023, 2024, 2025].map((year) => ({ year, revenue: 0, rdExpense })),
      "yuan",
    );
    expect(result).toMatchObject({ ratio: null, meets: false });
  });
  it("names the years whose R&D exceeds revenue", () => {
    const result = rdIntensity(
      [
        { year: 2024, revenue: 100, rdExpense: 500 },
        { year: 2025, revenue: 100, rdExpense: 100 },
      ],
      "ten-thousand-yuan",
    );
    expect(result?.yearsRdAboveRevenue).toEqual([2024]);
    expect(result?.ratio).toBe(3);
  });
});

describe("selectFiscalYears", () => {
  const years = (...list: number[]) => list.map((year) => ({ year }));
  it.each([
    ["the three years before the reference year", years(2022, 2023, 2024, 2025), 2026, undefined, [2023, 2024, 2025]],
    ["last year not audited yet", years(2022, 2023, 2024), 2026, undefined, [2022, 2023, 2024]],
    ["a gap", years(2022, 2024, 2025), 2026, undefined, null],
    ["young firm founded 2024", years(2024, 2025), 2026, 2024, [2024, 2025]],
    ["firm founded this year", years(), 2026, 2026, null],
  ] as const)("%s", (_, supplied, referenceYear, founded, expected) => {
    expect(selectFiscalYears(supplied, referenceYear, 3, founded)?.map((entry) => entry.year) ?? null).toEqual(
      expected,
    );
  });
});
