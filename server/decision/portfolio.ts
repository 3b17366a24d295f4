import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Portfolio, PortfolioDimension } from "../../contracts/decision";
import { formCountries } from "../../contracts/recognition";
import type { BaseCountries } from "../../contracts/registry";
import type { ApplicationState } from "../../policy/lifecycles/application.transitions";
import type { BaseState } from "../../policy/lifecycles/base.transitions";
import { baseTypes } from "../../policy/reference/base-types";
import { hubeiDivisions, prefectureOf } from "../../policy/reference/divisions";
import type { Executor } from "../db/client";
import { applications, bases, fields, units } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { beltAndRoadOn, countryList } from "../reference/countries";
import { reviewResultOf } from "./review-result";

/** Candidates of the comprehensive evaluation: reviewed and not yet recognized or turned down. */
export const candidateStates: ApplicationState[] = [
  "reviewed",
  "on-site-verification",
  "verified",
  "evaluated",
  "approved",
  "publicized",
];
/** Bases that are part of the current layout (recognized, not revoked or exited). */
const layoutBaseStates: BaseState[] = ["active", "rectifying", "revocation-proposed"];

interface Item {
  type: string;
  field: string;
  divisionCode: string;
  countries: BaseCountries;
}

/** The prefecture of a unit's division (GB/T 2260): 420111 洪山区 → 420100 武汉市. */
export function prefectureCode(divisionCode: string): string {
  return prefectureOf(divisionCode)?.code ?? divisionCode;
}

function keysOf(item: Item): Record<PortfolioDimension, string[]> {
  return {
    country: [...new Set(item.countries.key)],
    field: [item.field],
    division: [prefectureCode(item.divisionCode)],
    type: [item.type],
  };
}

async function labeller(executor: Executor) {
  const fieldRows = await executor.select({ zh: fields.nameZh, en: fields.nameEn }).from(fields);
  return (dimension: PortfolioDimension, key: string): { labelZh: string; labelEn: string } => {
    if (dimension === "country") {
      const country = countryList.find((c) => c.code === key);
      return { labelZh: country?.nameZh ?? key, labelEn: country?.nameEn ?? key };
    }
    if (dimension === "division") {
      const division = hubeiDivisions.find((d) => d.code === key);
      return { labelZh: division?.nameZh ?? key, labelEn: division?.nameEn ?? key };
    }
    if (dimension === "type") {
      const type = baseTypes.find((t) => t.code === key);
      return { labelZh: type?.nameZh ?? key, labelEn: type?.nameEn ?? key };
    }
    return { labelZh: key, labelEn: fieldRows.find((f) => f.zh === key)?.en ?? key };
  };
}

/**
 * The portfolio for 综合评议 (Art. 14.3 "结合国别布局、产业领域…"; SPEC §5.1 step 7): recognized bases and current
 * candidates counted by key partner country, field, division (the unit's prefecture) and type, and for each
 * candidate the counts of its buckets without it and with it.
 */
export async function portfolioOf(
  executor: Executor,
  options: { callId?: string | undefined; candidateWhere?: SQL; today?: string } = {},
): Promise<Portfolio> {
  const baseRows = await executor
    .select({
      id: bases.id,
      type: bases.type,
      field: bases.field,
      countries: bases.countries,
      divisionCode: units.divisionCode,
    })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(inArray(bases.status, layoutBaseStates));
  const candidateRows = await executor
    .select({ application: applications, unitName: units.name, divisionCode: units.divisionCode })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(
      and(
        inArray(applications.state, candidateStates),
        options.callId ? eq(applications.callId, options.callId) : undefined,
        options.candidateWhere,
      ),
    )
    .orderBy(applications.createdAt);

  const dimensions: PortfolioDimension[] = ["country", "field", "division", "type"];
  const counts = new Map<string, { dimension: PortfolioDimension; key: string; bases: number; candidates: number }>();
  const bump = (item: Item, column: "bases" | "candidates") => {
    const keys = keysOf(item);
    for (const dimension of dimensions) {
      for (const key of keys[dimension]) {
        const id = `${dimension}:${key}`;
        const entry = counts.get(id) ?? { dimension, key, bases: 0, candidates: 0 };
        entry[column] += 1;
        counts.set(id, entry);
      }
    }
  };
  for (const row of baseRows)
    bump({ ...row, countries: parseStored("bases.countries", row.countries, row.id) }, "bases");
  const candidates = candidateRows.map((row) => ({
    row,
    item: {
      type: row.application.type ?? "",
      field: row.application.field ?? "",
      divisionCode: row.divisionCode,
      countries: formCountries.parse(
        parseStored("applications.form", row.application.form, row.application.id).application?.countries,
      ),
    },
  }));
  for (const candidate of candidates) bump(candidate.item, "candidates");
  const cells = new Map<string, { country: string; field: string; bases: number; candidates: number }>();
  const cellsOf = (item: Item) => [...new Set(item.countries.key)].map((country) => ({ country, field: item.field }));
  const bumpCell = (item: Item, column: "bases" | "candidates") => {
    for (const { country, field } of cellsOf(item)) {
      const id = `${country}\u0000${field}`;
      const entry = cells.get(id) ?? { country, field, bases: 0, candidates: 0 };
      entry[column] += 1;
      cells.set(id, entry);
    }
  };
  for (const row of baseRows)
    bumpCell({ ...row, countries: parseStored("bases.countries", row.countries, row.id) }, "bases");
  for (const candidate of candidates) bumpCell(candidate.item, "candidates");

  const label = await labeller(executor);
  const bucketsOf = (dimension: PortfolioDimension) =>
    [...counts.values()]
      .filter((entry) => entry.dimension === dimension)
      .map((entry) => ({
        key: entry.key,
        ...label(dimension, entry.key),
        bases: entry.bases,
        candidates: entry.candidates,
      }))
      .sort((a, b) => b.bases + b.candidates - (a.bases + a.candidates) || a.key.localeCompare(b.key));

  const result: Portfolio["candidates"] = [];
  for (const { row, item } of candidates) {
    const keys = keysOf(item);
    const deltas = dimensions.flatMap((dimension) =>
      keys[dimension].map((key) => {
        const entry = counts.get(`${dimension}:${key}`)!;
        return {
          dimension,
          key,
          ...label(dimension, key),
          bases: entry.bases,
          without: entry.bases + entry.candidates - 1,
          with: entry.bases + entry.candidates,
          fillsGap: entry.bases === 0,
        };
      }),
    );
    result.push({
      applicationId: row.application.id,
      standardName: row.application.standardName ?? row.unitName,
      unitName: row.unitName,
      state: row.application.state,
      mean: (await reviewResultOf(executor, row.application.id)).mean,
      deltas,
      cells: cellsOf(item),
    });
  }
  const flagged = options.today ? await beltAndRoadOn(executor, options.today) : new Set<string>();
  const matrixKeys = (pick: "country" | "field") => {
    const keys = [...new Set([...cells.values()].map((cell) => cell[pick]))];
    const total = (key: string) =>
      [...cells.values()].filter((cell) => cell[pick] === key).reduce((sum, c) => sum + c.bases + c.candidates, 0);
    return keys.sort((a, b) => total(b) - total(a) || a.localeCompare(b, "zh-CN"));
  };
  return {
    matrix: {
      countries: matrixKeys("country").map((key) => ({
        key,
        ...label("country", key),
        beltAndRoad: flagged.has(key),
      })),
      fields: matrixKeys("field").map((key) => ({ key, ...label("field", key) })),
      cells: [...cells.values()],
    },
    dimensions: {
      country: bucketsOf("country"),
      field: bucketsOf("field"),
      division: bucketsOf("division"),
      type: bucketsOf("type"),
    },
    candidates: result,
  };
}
