import { and, desc, eq, ilike, type SQL, sql } from "drizzle-orm";
import type { Person } from "../../contracts/organisations";
import type { Ability } from "../../policy/access/abilities";
import { type ResolvedScope, scopeKey, unitRows } from "../access/scope";
import { maskIdNumber, maskPhone, type PiiCipher } from "../crypto/sm";
import type { Executor } from "./client";
import { cachedCount, readKey } from "./read-cache";
import { people, units } from "./schema";

export type PersonRow = typeof people.$inferSelect;

const selection = { person: people, unitName: units.name, recommenderId: units.recommenderId };

/** People without a unit (experts from outside Hubei, say) are visible only with the `all` scope. */
function scoped(scope: ResolvedScope): SQL {
  return scope.scope === "all" ? sql`true` : and(sql`${people.unitId} is not null`, unitRows(scope, people.unitId))!;
}

export async function listPeople(
  executor: Executor,
  scope: ResolvedScope,
  pii: PiiCipher,
  filter: {
    q?: string | undefined;
    unitId?: string | undefined;
    idNumber?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const conditions: SQL[] = [scoped(scope)];
  if (filter.q) conditions.push(ilike(people.name, `%${filter.q}%`));
  if (filter.unitId) conditions.push(eq(people.unitId, filter.unitId));
  if (filter.idNumber) conditions.push(eq(people.idNumberIndex, pii.blindIndex(filter.idNumber)));
  const where = and(...conditions);
  const rows = await executor
    .select(selection)
    .from(people)
    .leftJoin(units, eq(units.id, people.unitId))
    .where(where)
    .orderBy(desc(people.createdAt), people.name)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  // The key names the ID number by its blind index: a cache key outlives the request, the number must not.
  const { page: _page, pageSize: _pageSize, idNumber, ...counted } = filter;
  const byIndex = idNumber ? pii.blindIndex(idNumber) : null;
  const total = await cachedCount(executor, readKey("person-count", scopeKey(scope), counted, byIndex), () =>
    executor.select({ n: sql<number>`count(*)::int` }).from(people).where(where),
  );
  return { rows, total };
}

export async function loadPerson(executor: Executor, scope: ResolvedScope, id: string) {
  const [row] = await executor
    .select(selection)
    .from(people)
    .leftJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.id, id), scoped(scope)));
  return row ?? null;
}

export function presentPerson(
  row: { person: PersonRow; unitName: string | null },
  pii: PiiCipher,
  abilities: Ability[],
): Person {
  const p = row.person;
  return {
    id: p.id,
    name: p.name,
    title: p.title,
    unitId: p.unitId,
    unitName: row.unitName,
    employerName: p.employerName,
    email: p.email,
    phone: p.phone ? maskPhone(pii.decrypt(p.phone)) : null,
    idNumber: p.idNumber ? maskIdNumber(pii.decrypt(p.idNumber)) : null,
    version: p.version,
    abilities,
  };
}
