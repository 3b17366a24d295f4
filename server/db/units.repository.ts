import { type AnyColumn, and, asc, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { SortOrder, unitSortKeys } from "../../contracts/lists";
import type { Unit } from "../../contracts/organisations";
import type { Ability } from "../../policy/access/abilities";
import { type ResolvedScope, scopeKey, unitRows } from "../access/scope";
import type { PiiCipher } from "../crypto/sm";
import { maskPhone } from "../crypto/sm";
import type { Executor } from "./client";
import { containsPattern } from "./like-pattern";
import { inBatches, inPrefecture, orderBy } from "./list-order";
import { cachedCount, readKey } from "./read-cache";
import { recommenders, units } from "./schema";

export type UnitRow = typeof units.$inferSelect;

const withRecommender = {
  unit: units,
  recommenderName: recommenders.nameZh,
};

export interface UnitFilter {
  q?: string | undefined;
  status?: UnitRow["status"] | undefined;
  recommenderId?: string | undefined;
  /** The unit's 市州 (GB/T 2260 prefecture code). */
  division?: string | undefined;
  type?: string | undefined;
  sort?: (typeof unitSortKeys)[number] | undefined;
  order?: SortOrder | undefined;
}

/** The where-clause of the list, its export and the 工作台 counts: the caller's row scope and the filters asked. */
export function unitListWhere(scope: ResolvedScope, filter: UnitFilter): SQL {
  const conditions: SQL[] = [unitRows(scope, units.id)];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(units.name, pattern), ilike(units.uscc, pattern))!);
  }
  if (filter.status) conditions.push(eq(units.status, filter.status));
  if (filter.recommenderId) conditions.push(eq(units.recommenderId, filter.recommenderId));
  if (filter.division) conditions.push(inPrefecture(units.divisionCode, filter.division));
  if (filter.type) conditions.push(eq(units.type, filter.type));
  return and(...conditions)!;
}

const unitSorts = {
  name: units.name,
  createdAt: units.createdAt,
  status: units.status,
  division: units.divisionCode,
  type: units.type,
} satisfies Record<(typeof unitSortKeys)[number], AnyColumn>;

function unitOrder(filter: UnitFilter): SQL[] {
  if (!filter.sort) return [desc(units.createdAt), asc(units.name), asc(units.id)];
  return [...orderBy(unitSorts[filter.sort], filter.order), asc(units.id)];
}

function unitPage(executor: Executor, where: SQL, filter: UnitFilter, limit: number, offset: number) {
  return executor
    .select(withRecommender)
    .from(units)
    .innerJoin(recommenders, eq(recommenders.id, units.recommenderId))
    .where(where)
    .orderBy(...unitOrder(filter))
    .limit(limit)
    .offset(offset);
}

/** Every unit read goes through the caller's resolved scope. */
export async function listUnits(
  executor: Executor,
  scope: ResolvedScope,
  filter: UnitFilter & { page: number; pageSize: number },
) {
  const where = unitListWhere(scope, filter);
  const rows = await unitPage(executor, where, filter, filter.pageSize, (filter.page - 1) * filter.pageSize);
  const { page: _page, pageSize: _pageSize, sort: _sort, order: _order, ...counted } = filter;
  const total = await cachedCount(executor, readKey("unit-count", scopeKey(scope), counted), () =>
    executor.select({ n: sql<number>`count(*)::int` }).from(units).where(where),
  );
  return { rows, total };
}

/** Every unit the filters match, in the list's order, a batch at a time (the Excel export streams them). */
export function allUnits(executor: Executor, scope: ResolvedScope, filter: UnitFilter) {
  const where = unitListWhere(scope, filter);
  return inBatches((limit, offset) => unitPage(executor, where, filter, limit, offset));
}

export async function loadUnit(executor: Executor, scope: ResolvedScope, id: string) {
  const [row] = await executor
    .select(withRecommender)
    .from(units)
    .innerJoin(recommenders, eq(recommenders.id, units.recommenderId))
    .where(and(eq(units.id, id), unitRows(scope, units.id)));
  return row ?? null;
}

/** The unit's actions that make sense in its current state (the caller's scope is checked separately). */
export function unitStateAllows(row: UnitRow) {
  return (ability: Ability) => (ability === "unit.confirm" ? row.status === "pending" : true);
}

export function presentUnit(
  row: { unit: UnitRow; recommenderName: string },
  pii: PiiCipher,
  abilities: Ability[],
): Unit {
  const u = row.unit;
  return {
    id: u.id,
    name: u.name,
    uscc: u.uscc,
    usccCheck: u.usccCheck,
    usccConfirmed: u.usccConfirmedBy !== null,
    type: u.type,
    divisionCode: u.divisionCode,
    address: u.address,
    parentUnitId: u.parentUnitId,
    college: u.college,
    directRecommending: u.directRecommending,
    recommenderId: u.recommenderId,
    recommenderName: row.recommenderName,
    status: u.status,
    statusReason: u.statusReason,
    legalRepresentative: u.legalRepresentative,
    contactName: u.contactName,
    contactPhone: u.contactPhone ? maskPhone(pii.decrypt(u.contactPhone)) : null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    abilities,
  };
}
