import { type AnyColumn, and, asc, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { BaseListQuery, BaseSummary } from "../../contracts/bases";
import type { baseSortKeys } from "../../contracts/lists";
import { type BaseState, baseLifecycle } from "../../policy/lifecycles/base.transitions";
import { baseTypes } from "../../policy/reference/base-types";
import { type ResolvedScope, scopeKey, unitRows } from "../access/scope";
import type { Executor } from "../db/client";
import { containsPattern } from "../db/like-pattern";
import { inBatches, inPrefecture, orderBy } from "../db/list-order";
import { cachedCount, readKey } from "../db/read-cache";
import { bases, recommenders, units } from "../db/schema";

/** A base with what its page names: the host unit and the recommender that recommends the unit (Art. 17). */
const withUnit = {
  base: bases,
  unitName: units.name,
  unitRecommenderId: units.recommenderId,
  recommenderName: recommenders.nameZh,
};

export type BaseRow = typeof bases.$inferSelect;
export interface LoadedBase {
  base: BaseRow;
  unitName: string;
  unitRecommenderId: string;
  recommenderName: string;
}

/**
 * Bases the scope reaches: a host unit its own, a recommender those of the units it recommends (its sub-tree), the
 * department all. The one row filter of every base read, so another's base is simply not found.
 */
export function baseRows(scope: ResolvedScope): SQL {
  return unitRows(scope, bases.unitId);
}

function conditions(scope: ResolvedScope, query: BaseFilter): SQL[] {
  const where: SQL[] = [baseRows(scope)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    where.push(
      or(ilike(bases.standardName, pattern), ilike(units.name, pattern), ilike(bases.documentNumber, pattern))!,
    );
  }
  if (query.status) where.push(eq(bases.status, query.status));
  if (query.type) where.push(eq(bases.type, query.type));
  if (query.division) where.push(inPrefecture(units.divisionCode, query.division));
  if (query.field) where.push(eq(bases.field, query.field));
  if (query.year) where.push(sql`left(${bases.recognizedOn}, 4) = ${String(query.year)}`);
  return where;
}

export type BaseFilter = Omit<BaseListQuery, "page" | "pageSize">;

const baseSorts = {
  recognizedOn: bases.recognizedOn,
  standardName: bases.standardName,
  unitName: units.name,
  status: bases.status,
  type: bases.type,
  field: bases.field,
} satisfies Record<(typeof baseSortKeys)[number], AnyColumn>;

function baseOrder(query: BaseFilter): SQL[] {
  if (!query.sort) return [desc(bases.recognizedOn), asc(bases.standardName), asc(bases.id)];
  return [...orderBy(baseSorts[query.sort], query.order), asc(bases.id)];
}

function basePage(executor: Executor, where: SQL | undefined, query: BaseFilter, limit: number, offset: number) {
  return executor
    .select({ ...withUnit, unitDivision: units.divisionCode })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .innerJoin(recommenders, eq(recommenders.id, units.recommenderId))
    .where(where)
    .orderBy(...baseOrder(query))
    .limit(limit)
    .offset(offset);
}

/** The bases in scope, filtered, sorted and paged; newest recognition first unless asked otherwise. */
export async function listBases(executor: Executor, scope: ResolvedScope, query: BaseListQuery) {
  const { page, pageSize, sort: _sort, order: _order, ...counted } = query;
  const scoped = scopeKey(scope);
  // The page itself is kept by the route, as sent (http/cached-page.ts); the total is shared by every page.
  const rows = await basePage(executor, and(...conditions(scope, query)), query, pageSize, (page - 1) * pageSize);
  const items = rows.map(presentBaseSummary);
  const total = await countBases(executor, readKey("base-count", scoped, counted), () =>
    and(...conditions(scope, counted)),
  );
  return { items, total };
}

/**
 * The total behind a list of bases (officer's or public): bases joined to their units, as both lists filter them,
 * under `key` (db/read-cache.ts `readKey`: every input of `where`).
 */
export function countBases(executor: Executor, key: string, where: () => SQL | undefined): Promise<number> {
  return cachedCount(executor, key, () =>
    executor
      .select({ n: sql<number>`count(*)::int` })
      .from(bases)
      .innerJoin(units, eq(units.id, bases.unitId))
      .where(where()),
  );
}

/** Every base the filters match, in the list's order, a batch at a time (the officer's registry export). */
export function allBases(executor: Executor, scope: ResolvedScope, query: BaseFilter) {
  const where = and(...conditions(scope, query));
  return inBatches((limit, offset) => basePage(executor, where, query, limit, offset));
}

/** One base through the scope, or null (not there, or not the caller's to see). */
export async function loadBase(executor: Executor, scope: ResolvedScope, id: string): Promise<LoadedBase | null> {
  const [row] = await executor
    .select(withUnit)
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .innerJoin(recommenders, eq(recommenders.id, units.recommenderId))
    .where(and(eq(bases.id, id), baseRows(scope)));
  return row ?? null;
}

export function presentBaseSummary({ base, unitName }: LoadedBase): BaseSummary {
  const type = baseTypes.find((entry) => entry.code === base.type);
  const status = baseLifecycle.stateLabels[base.status as BaseState] ?? { zh: base.status, en: base.status };
  return {
    id: base.id,
    standardName: base.standardName,
    unitId: base.unitId,
    unitName,
    type: base.type,
    typeZh: type?.nameZh ?? base.type,
    typeEn: type?.nameEn ?? base.type,
    isKey: base.isKey,
    field: base.field,
    status: base.status,
    statusZh: status.zh,
    statusEn: status.en,
    recognizedOn: base.recognizedOn,
    documentNumber: base.documentNumber,
  };
}
