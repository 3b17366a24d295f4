import { type StatisticsChart, type StatisticsChartKey, statisticsCharts } from "../../contracts/statistics";

export interface Labelled {
  key: string;
  labelZh: string;
  labelEn: string;
}
export type Category = Labelled & { beltAndRoad?: boolean };

/**
 * Counts by (category, series) gathered one item at a time, then laid out as the chart's matrix. Categories and
 * series keep the order they are declared in; `dropEmpty` leaves out categories no item fell in.
 */
export class CountMatrix {
  readonly #categories = new Map<string, Category>();
  readonly #series: Labelled[];
  readonly #counts = new Map<string, number>();

  constructor(series: readonly Labelled[], categories: readonly Category[] = []) {
    this.#series = [...series];
    for (const category of categories) this.#categories.set(category.key, category);
  }

  /** Adds `by` to a cell; an unseen category is appended, labelled by `label` (never by its code). */
  add(categoryKey: string, seriesKey: string, label: () => Category, by = 1): void {
    if (!this.#categories.has(categoryKey)) this.#categories.set(categoryKey, label());
    const cell = `${categoryKey}\u0000${seriesKey}`;
    this.#counts.set(cell, (this.#counts.get(cell) ?? 0) + by);
  }

  count(categoryKey: string, seriesKey: string): number {
    return this.#counts.get(`${categoryKey}\u0000${seriesKey}`) ?? 0;
  }

  total(categoryKey: string): number {
    return this.#series.reduce((sum, series) => sum + this.count(categoryKey, series.key), 0);
  }

  /** The chart: its title from the one list in contracts/statistics.ts, its rows in order (or sorted). */
  toChart(
    key: StatisticsChartKey,
    options: {
      dropEmpty?: boolean;
      sort?: (a: Category, b: Category) => number;
      note?: { zh: string; en: string };
    } = {},
  ): StatisticsChart {
    const chart = statisticsCharts.find((entry) => entry.key === key)!;
    let categories = [...this.#categories.values()];
    if (options.dropEmpty) categories = categories.filter((category) => this.total(category.key) > 0);
    if (options.sort) categories.sort(options.sort);
    return {
      key,
      titleZh: chart.titleZh,
      titleEn: chart.titleEn,
      categoryZh: chart.categoryZh,
      categoryEn: chart.categoryEn,
      categories,
      series: this.#series,
      values: categories.map((category) => this.#series.map((series) => this.count(category.key, series.key))),
      ...(options.note ? { noteZh: options.note.zh, noteEn: options.note.en } : {}),
    };
  }
}

/** Rows with the largest total first, then by Chinese name. */
export function byTotalThenName(matrix: CountMatrix) {
  return (a: Category, b: Category) =>
    matrix.total(b.key) - matrix.total(a.key) || a.labelZh.localeCompare(b.labelZh, "zh-CN");
}
