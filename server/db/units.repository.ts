import { and, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Unit } from "../../contracts/organisations";
import type { Ability } from "../../policy/access/abilities";
import { type ResolvedScope, unitRows } from "../access/scope";
import type { PiiCipher } from "../crypto/sm";
import { maskPhone } from "../crypto/sm";
import type { Executor } from "./client";
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
  page: number;
  pageSize: number;
}

/** Every unit read goes through the caller's resolved scope. */
export async function listUnits(executor: Executor, scope: ResolvedScope, filter: UnitFilter) {
  const conditions: SQL[] = [unitRows(scope, units.id)];
  if (filter.q) conditions.push(or(ilike(units.name, `%${filter.q}%`), ilike(units.uscc, `%${filter.q}%`))!);
  if (filter.status) conditions.push(eq(units.status, filter.status));
  if (filter.recommenderId) conditions.push(eq(units.recommenderId, filter.recommenderId));
  const where = and(...conditions);
  const rows = await executor
    .select(withRecommender)
    .from(units)
    .innerJoin(recommenders, eq(recommenders.id, units.recommenderId))
    .where(where)
    .orderBy(desc(units.createdAt), units.name)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [count] = await executor.select({ n: sql<number>`count(*)::int` }).from(units).where(where);
  return { rows, total: Number(count?.n ?? 0) };
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
