import { eq } from "drizzle-orm";
import type { StatisticsChart } from "../../contracts/statistics";
import { liveBaseStates } from "../../policy/deadlines/deadlines";
import { type BaseState, baseLifecycle } from "../../policy/lifecycles/base.transitions";
import { baseTypes } from "../../policy/reference/base-types";
import { hubeiDivisions, prefectureOf } from "../../policy/reference/divisions";
import type { ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { bases, fields, units } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { countryNameOf } from "../reference/countries";
import { baseRows } from "../registry/bases.repository";
import { byTotalThenName, type Category, CountMatrix } from "./matrix";

const typeSeries = baseTypes.map((type) => ({ key: type.code, labelZh: type.nameZh, labelEn: type.nameEn }));
const otherDivision: Category = { key: "other", labelZh: "其他地区", labelEn: "Elsewhere" };
const baseStates = Object.keys(baseLifecycle.stateLabels) as BaseState[];
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface BaseStatistics {
  charts: StatisticsChart[];
  currentBases: number;
  partnerCountries: number;
  beltAndRoadCountries: number;
}

/**
 * The bases the scope reaches, counted by type, prefecture (the host unit's registered division, GB/T 2260), field,
 * partner country (一带一路 flagged on `today`) and year of recognition. The layout counts bases that are part of it
 * now (active, in rectification, proposed for revocation); the yearly chart counts every base by what became of it.
 */
export async function baseStatistics(
  executor: Executor,
  scope: ResolvedScope,
  beltAndRoad: ReadonlySet<string>,
): Promise<BaseStatistics> {
  const rows = await executor
    .select({
      id: bases.id,
      type: bases.type,
      field: bases.field,
      countries: bases.countries,
      recognizedOn: bases.recognizedOn,
      status: bases.status,
      divisionCode: units.divisionCode,
    })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(baseRows(scope));
  const fieldRows = await executor.select({ zh: fields.nameZh, en: fields.nameEn }).from(fields);
  const fieldEn = new Map(fieldRows.map((row) => [row.zh, row.en]));
  const current = rows.filter((row) => liveBaseStates.includes(row.status));

  const byType = new CountMatrix([{ key: "bases", labelZh: "基地数", labelEn: "Bases" }], typeSeries);
  const byDivision = new CountMatrix(
    typeSeries,
    // The department sees every prefecture, the empty ones too (gaps in the layout); a recommender its own.
    scope.scope === "all" ? hubeiDivisions.map((d) => ({ key: d.code, labelZh: d.nameZh, labelEn: d.nameEn })) : [],
  );
  const byField = new CountMatrix(typeSeries);
  const byCountry = new CountMatrix([
    { key: "key", labelZh: "作为重点合作国家", labelEn: "As a key partner" },
    { key: "any", labelZh: "合作国家（全部）", labelEn: "As any partner" },
  ]);
  for (const row of current) {
    byType.add(row.type, "bases", () => ({ key: row.type, labelZh: "其他类型", labelEn: "Another type" }));
    const prefecture = prefectureOf(row.divisionCode);
    byDivision.add(prefecture?.code ?? otherDivision.key, row.type, () =>
      prefecture ? { key: prefecture.code, labelZh: prefecture.nameZh, labelEn: prefecture.nameEn } : otherDivision,
    );
    byField.add(row.field, row.type, () => ({
      key: row.field,
      labelZh: row.field,
      labelEn: fieldEn.get(row.field) ?? row.field,
    }));
    const countries = parseStored("bases.countries", row.countries, row.id);
    const country = (code: string): Category => ({ ...labelOf(code), beltAndRoad: beltAndRoad.has(code) });
    for (const code of new Set(countries.key)) byCountry.add(code, "key", () => country(code));
    for (const code of new Set([...countries.key, ...countries.main, ...countries.radiating])) {
      byCountry.add(code, "any", () => country(code));
    }
  }

  const years = rows.map((row) => Number(row.recognizedOn.slice(0, 4))).filter(Number.isFinite);
  const byYear = new CountMatrix(
    baseStates.map((state) => ({
      key: state,
      labelZh: baseLifecycle.stateLabels[state].zh,
      labelEn: capitalized(baseLifecycle.stateLabels[state].en),
    })),
    years.length === 0 ? [] : range(Math.min(...years), Math.max(...years)).map(yearCategory),
  );
  for (const row of rows)
    byYear.add(row.recognizedOn.slice(0, 4), row.status, () => yearCategory(Number(row.recognizedOn.slice(0, 4))));

  const countryChart = byCountry.toChart("bases-by-country", {
    sort: (a, b) =>
      byCountry.count(b.key, "any") - byCountry.count(a.key, "any") ||
      byCountry.count(b.key, "key") - byCountry.count(a.key, "key") ||
      a.labelZh.localeCompare(b.labelZh, "zh-CN"),
    note: {
      zh: "一个基地可有多个合作国家（地区），各国家分别计数；标注★的为一带一路共建国家。",
      en: "A base may have several partners, each counted; ★ marks Belt and Road partner countries.",
    },
  });
  return {
    charts: [
      byType.toChart("bases-by-type"),
      byDivision.toChart("bases-by-division", { dropEmpty: scope.scope !== "all" }),
      byField.toChart("bases-by-field", { sort: byTotalThenName(byField) }),
      countryChart,
      byYear.toChart("bases-by-year"),
    ],
    currentBases: current.length,
    partnerCountries: countryChart.categories.length,
    beltAndRoadCountries: countryChart.categories.filter((category) => category.beltAndRoad).length,
  };
}

function labelOf(code: string): Category {
  const name = countryNameOf(code);
  return { key: code, labelZh: name.nameZh, labelEn: name.nameEn };
}

function yearCategory(year: number): Category {
  return { key: String(year), labelZh: `${year}年`, labelEn: String(year) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
