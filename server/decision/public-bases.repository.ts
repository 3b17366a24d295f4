import { type AnyColumn, and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { publicBaseSortKeys } from "../../contracts/lists";
import type { PublicBase, PublicBaseFacets, PublicBaseQuery } from "../../contracts/public-registry";
import { type BaseState, baseLifecycle } from "../../policy/lifecycles/base.transitions";
import { baseTypes } from "../../policy/reference/base-types";
import { hubeiDivisions } from "../../policy/reference/divisions";
import type { Executor } from "../db/client";
import { containsPattern } from "../db/like-pattern";
import { inBatches, orderBy } from "../db/list-order";
import { readKey } from "../db/read-cache";
import { bases, fields, units } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { countryNameOf } from "../reference/countries";
import { countBases } from "../registry/bases.repository";
import { prefectureCode } from "./portfolio";

/** Bases shown to the public: running ones, including those in rectification (Art. 24 keeps them recognized). */
export const publicBaseStates: BaseState[] = ["active", "rectifying"];

const columns = {
  id: bases.id,
  name: bases.standardName,
  type: bases.type,
  isKey: bases.isKey,
  unit: units.name,
  field: bases.field,
  /** The field's English name from the officers' list of fields (a field no longer listed keeps its Chinese name). */
  fieldEn: sql<string | null>`(select ${fields.nameEn} from ${fields} where ${fields.nameZh} = ${bases.field} limit 1)`,
  divisionCode: units.divisionCode,
  countries: bases.countries,
  recognizedOn: bases.recognizedOn,
  documentNumber: bases.documentNumber,
  director: bases.directorName,
  status: bases.status,
};
type Columns = Omit<typeof columns, "fieldEn">;
type Row = { [K in keyof Columns]: Columns[K]["_"]["data"] } & { fieldEn: string | null };

/**
 * Open data only: the director's name is the one personal item (no ids, phones or person records). The one place a
 * public base row is read for use: its countries are parsed here.
 */
function present(row: Row): PublicBase {
  const type = baseTypes.find((t) => t.code === row.type);
  const division = prefectureCode(row.divisionCode);
  const divisionLabel = hubeiDivisions.find((d) => d.code === division);
  const status = baseLifecycle.stateLabels[row.status as BaseState] ?? { zh: row.status, en: row.status };
  const countries = parseStored("bases.countries", row.countries, row.id);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    typeZh: type?.nameZh ?? row.type,
    typeEn: type?.nameEn ?? row.type,
    isKey: row.isKey,
    unit: row.unit,
    field: row.field,
    fieldEn: row.fieldEn || row.field,
    division,
    divisionZh: divisionLabel?.nameZh ?? division,
    divisionEn: divisionLabel?.nameEn ?? division,
    countries: {
      key: countries.key.map(countryNameOf),
      main: countries.main.map(countryNameOf),
      radiating: countries.radiating.map(countryNameOf),
    },
    recognizedOn: row.recognizedOn,
    documentNumber: row.documentNumber,
    director: row.director,
    status: row.status,
    statusZh: status.zh,
    statusEn: status.en,
  };
}

function conditions(query: Omit<PublicBaseQuery, "page" | "pageSize">): SQL[] {
  const where: SQL[] = [inArray(bases.status, publicBaseStates)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    where.push(or(ilike(bases.standardName, pattern), ilike(units.name, pattern))!);
  }
  if (query.type) where.push(eq(bases.type, query.type));
  if (query.field) where.push(eq(bases.field, query.field));
  if (query.division) {
    // A unit's division may be a county (420111 洪山区); it belongs to the prefecture with the same first 4 digits,
    // except the directly administered cities 429xxx, which are their own prefecture.
    where.push(
      query.division.startsWith("429")
        ? eq(units.divisionCode, query.division)
        : sql`left(${units.divisionCode}, 4) = ${query.division.slice(0, 4)}`,
    );
  }
  if (query.year) where.push(sql`left(${bases.recognizedOn}, 4) = ${String(query.year)}`);
  if (query.country) {
    const one = JSON.stringify([query.country]);
    where.push(
      sql`(${bases.countries}->'key' @> ${one}::jsonb or ${bases.countries}->'main' @> ${one}::jsonb or ${bases.countries}->'radiating' @> ${one}::jsonb)`,
    );
  }
  return where;
}

const publicSorts = {
  recognizedOn: bases.recognizedOn,
  name: bases.standardName,
  unit: units.name,
  type: bases.type,
  field: bases.field,
} satisfies Record<(typeof publicBaseSortKeys)[number], AnyColumn>;

type PublicBaseFilter = Omit<PublicBaseQuery, "page" | "pageSize">;

function publicOrder(query: PublicBaseFilter): SQL[] {
  if (!query.sort) return [desc(bases.recognizedOn), asc(bases.standardName), asc(bases.id)];
  return [...orderBy(publicSorts[query.sort], query.order), asc(bases.id)];
}

function publicPage(executor: Executor, query: PublicBaseFilter, limit: number, offset: number) {
  return executor
    .select(columns)
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(and(...conditions(query)))
    .orderBy(...publicOrder(query))
    .limit(limit)
    .offset(offset);
}

/** Every public base the filters match, presented as the registry shows it, a batch at a time (the public export). */
export function allPublicBases(executor: Executor, query: PublicBaseFilter) {
  return inBatches(async (limit, offset) => (await publicPage(executor, query, limit, offset)).map(present));
}

/** The public list, filtered, sorted and paged; newest recognition first unless asked otherwise. */
export async function listPublicBases(executor: Executor, query: PublicBaseQuery) {
  const { page, pageSize, sort: _sort, order: _order, ...counted } = query;
  // The page itself is kept by the route, as sent (http/cached-page.ts); the total is shared by every page.
  const items = (await publicPage(executor, query, pageSize, (page - 1) * pageSize)).map(present);
  const total = await countBases(executor, readKey("public-base-count", counted), () => and(...conditions(counted)));
  return { items, total };
}

export async function loadPublicBase(executor: Executor, id: string): Promise<PublicBase | null> {
  const [row] = await executor
    .select(columns)
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(and(eq(bases.id, id), inArray(bases.status, publicBaseStates)));
  return row ? present(row) : null;
}

/** The values present in the registry, with counts, for the public filters. */
export async function publicBaseFacets(executor: Executor): Promise<PublicBaseFacets> {
  const rows = await executor
    .select(columns)
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(inArray(bases.status, publicBaseStates));
  const items = rows.map(present);
  const tally = (entries: Array<{ key: string; labelZh: string; labelEn: string }>) => {
    const counts = new Map<string, { key: string; labelZh: string; labelEn: string; count: number }>();
    for (const entry of entries) {
      const found = counts.get(entry.key) ?? { ...entry, count: 0 };
      found.count += 1;
      counts.set(entry.key, found);
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  return {
    types: tally(items.map((b) => ({ key: b.type, labelZh: b.typeZh, labelEn: b.typeEn }))),
    fields: tally(items.map((b) => ({ key: b.field, labelZh: b.field, labelEn: b.fieldEn }))),
    divisions: tally(items.map((b) => ({ key: b.division, labelZh: b.divisionZh, labelEn: b.divisionEn }))),
    countries: tally(
      items.flatMap((b) => {
        const all = [...b.countries.key, ...b.countries.main, ...b.countries.radiating];
        const unique = new Map(all.map((c) => [c.code, c]));
        return [...unique.values()].map((c) => ({ key: c.code, labelZh: c.nameZh, labelEn: c.nameEn }));
      }),
    ),
  };
}
