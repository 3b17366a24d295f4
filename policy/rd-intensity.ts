/**
 * Art. 8.3: an enterprise host's R&D expense over its sales revenue, against the 高新技术企业 standard
 * (《高新技术企业认定管理办法》2016, Art. 11.5): last-year revenue ≤ 5000万元 → 5%; 5000万–2亿元 → 4%;
 * > 2亿元 → 3%. Both bounds are inclusive on the lower band ("5000万元以下（含）", "2亿元以下（含）").
 */
export type AmountUnit = "yuan" | "ten-thousand-yuan";

export interface FiscalYearFinance {
  year: number;
  revenue: number;
  rdExpense: number;
}

export interface RdIntensity {
  /** Years used, oldest first. */
  years: number[];
  totalRevenueYuan: number;
  totalRdExpenseYuan: number;
  /** totalRd / totalRevenue; null without sales revenue (the ratio is undefined, never "met"). */
  ratio: number | null;
  lastYearRevenueYuan: number;
  /** 5, 4 or 3 (per cent). */
  thresholdPercent: number;
  /** False without sales revenue: a ratio that cannot be computed does not reach the standard. */
  meets: boolean;
  /** Years whose R&D expense exceeds that year's revenue (ratio above 100%): implausible, to be verified. */
  yearsRdAboveRevenue: number[];
}

const toYuan = (amount: number, unit: AmountUnit) => (unit === "ten-thousand-yuan" ? amount * 10_000 : amount);

/** The threshold (per cent) for a last-year revenue in yuan. */
export function rdThresholdPercent(lastYearRevenueYuan: number): number {
  if (lastYearRevenueYuan <= 50_000_000) return 5;
  if (lastYearRevenueYuan <= 200_000_000) return 4;
  return 3;
}

/** The ratio over the given fiscal years (the caller picks them); the threshold follows the latest year's revenue. */
export function rdIntensity(finance: readonly FiscalYearFinance[], unit: AmountUnit): RdIntensity | null {
  if (finance.length === 0) return null;
  const sorted = [...finance].sort((a, b) => a.year - b.year);
  const last = sorted.at(-1)!;
  const totalRevenueYuan = sorted.reduce((sum, year) => sum + toYuan(year.revenue, unit), 0);
  const totalRdExpenseYuan = sorted.reduce((sum, year) => sum + toYuan(year.rdExpense, unit), 0);
  const lastYearRevenueYuan = toYuan(last.revenue, unit);
  const thresholdPercent = rdThresholdPercent(lastYearRevenueYuan);
  const hasRevenue = totalRevenueYuan > 0;
  return {
    years: sorted.map((year) => year.year),
    totalRevenueYuan,
    totalRdExpenseYuan,
    ratio: hasRevenue ? totalRdExpenseYuan / totalRevenueYuan : null,
    lastYearRevenueYuan,
    thresholdPercent,
    // Compared as rd × 100 ≥ revenue × percent, so 250万 / 5000万 meets 5% exactly (no float rounding). Without
    // revenue the comparison would read 0 ≥ 0 as met: the ratio is undefined, so it is not.
    meets: hasRevenue && totalRdExpenseYuan * 100 >= totalRevenueYuan * thresholdPercent,
    yearsRdAboveRevenue: sorted.filter((year) => year.rdExpense > year.revenue).map((year) => year.year),
  };
}

/**
 * The fiscal years to use for a reference year: the `count` years before it; when the latest is not yet
 * available (accounts not audited by the deadline), the `count` years before that. A firm younger than
 * `count` years uses its actual complete years (高企 standard: "实际经营时间"). Null when years are missing.
 */
export function selectFiscalYears<T extends { year: number }>(
  supplied: readonly T[],
  referenceYear: number,
  count: number,
  foundedYear?: number,
): T[] | null {
  const byYear = new Map(supplied.map((entry) => [entry.year, entry]));
  const needed = foundedYear === undefined ? count : Math.max(1, Math.min(count, referenceYear - foundedYear));
  for (const lag of [1, 2]) {
    const years = Array.from({ length: needed }, (_, index) => referenceYear - lag - index);
    if (foundedYear !== undefined && years.some((year) => year < foundedYear)) continue;
    const entries = years.map((year) => byYear.get(year));
    if (entries.every((entry) => entry !== undefined)) return (entries as T[]).reverse();
  }
  return null;
}
