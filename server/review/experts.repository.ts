import { type AnyColumn, and, asc, desc, eq, ilike, type SQL, sql } from "drizzle-orm";
import type { expertSortKeys, SortOrder } from "../../contracts/lists";
import type { Expert } from "../../contracts/review";
import type { Ability } from "../../policy/access/abilities";
import { maskIdNumber, maskPhone, type PiiCipher } from "../crypto/sm";
import type { Executor } from "../db/client";
import { containsPattern } from "../db/like-pattern";
import { inBatches, orderBy } from "../db/list-order";
import { cachedCount, cachedQuery, readKey } from "../db/read-cache";
import { accounts, experts, people } from "../db/schema";
import { parseExpertRow } from "../db/stored-json";

export type ExpertRow = typeof experts.$inferSelect;
const selection = {
  expert: experts,
  name: people.name,
  email: people.email,
  phone: people.phone,
  idNumber: people.idNumber,
  accountUsername: accounts.username,
};
export type ExpertWithPerson = {
  expert: ExpertRow;
  name: string;
  email: string | null;
  phone: Buffer | null;
  idNumber: Buffer | null;
  /** The username of the account the expert signs in with (experts.account_id), or null. */
  accountUsername: string | null;
};

/** A read expert with its fields parsed. */
const withFields = <T extends { expert: ExpertRow }>(row: T): T => ({ ...row, expert: parseExpertRow(row.expert) });

export interface ExpertFilter {
  q?: string | undefined;
  field?: string | undefined;
  title?: string | undefined;
  status?: ExpertRow["status"] | undefined;
  sort?: (typeof expertSortKeys)[number] | undefined;
  order?: SortOrder | undefined;
}

/** The pool is read by officers only (`expert.read`, scope all): no row filter beyond the filters asked. */
export function expertListWhere(filter: ExpertFilter): SQL {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(sql`(${ilike(people.name, pattern)} or ${ilike(experts.unitName, pattern)})`);
  }
  if (filter.field) conditions.push(sql`${experts.fields} @> ${JSON.stringify([filter.field])}::jsonb`);
  if (filter.title) conditions.push(eq(experts.title, filter.title));
  if (filter.status) conditions.push(eq(experts.status, filter.status));
  return conditions.length ? and(...conditions)! : sql`true`;
}

const expertSorts = {
  name: people.name,
  createdAt: experts.createdAt,
  title: experts.title,
  status: experts.status,
  unitName: experts.unitName,
} satisfies Record<(typeof expertSortKeys)[number], AnyColumn>;

function expertOrder(filter: ExpertFilter): SQL[] {
  if (!filter.sort) return [desc(experts.createdAt), asc(experts.id)];
  return [...orderBy(expertSorts[filter.sort], filter.order), asc(experts.id)];
}

function expertPage(executor: Executor, filter: ExpertFilter, limit: number, offset: number) {
  return executor
    .select(selection)
    .from(experts)
    .innerJoin(people, eq(people.id, experts.personId))
    .leftJoin(accounts, eq(accounts.id, experts.accountId))
    .where(expertListWhere(filter))
    .orderBy(...expertOrder(filter))
    .limit(limit)
    .offset(offset);
}

/** One page of the pool, presented (PII masked) and reused until a commit (db/read-cache.ts), and the total. */
export async function listExperts(
  executor: Executor,
  pii: PiiCipher,
  filter: ExpertFilter & { page: number; pageSize: number },
): Promise<{ items: ListedExpert[]; total: number }> {
  const { page, pageSize, sort: _sort, order: _order, ...counted } = filter;
  const items = await cachedQuery(
    executor,
    readKey("expert-page", filter),
    () => expertPage(executor, filter, pageSize, (page - 1) * pageSize),
    (found) => found.map((row) => presentExpertRow(withFields(row), pii)),
  );
  const total = await cachedCount(executor, readKey("expert-count", counted), () =>
    executor
      .select({ n: sql<number>`count(*)::int` })
      .from(experts)
      .innerJoin(people, eq(people.id, experts.personId))
      .where(expertListWhere(counted)),
  );
  return { items, total };
}

/** Every expert the filters match, in the list's order, a batch at a time (the Excel export streams them). */
export function allExperts(executor: Executor, filter: ExpertFilter) {
  return inBatches(async (limit, offset) => (await expertPage(executor, filter, limit, offset)).map(withFields));
}

export async function loadExpert(executor: Executor, id: string): Promise<ExpertWithPerson | null> {
  const [row] = await executor
    .select(selection)
    .from(experts)
    .innerJoin(people, eq(people.id, experts.personId))
    .leftJoin(accounts, eq(accounts.id, experts.accountId))
    .where(eq(experts.id, id));
  return row ? withFields(row) : null;
}

/** The whole pool with names, for a draw (ordered by id in policy/review/draw.ts, not here: SQL collations vary). */
export async function poolForDraw(executor: Executor) {
  const rows = await executor
    .select({ expert: experts, name: people.name })
    .from(experts)
    .innerJoin(people, eq(people.id, experts.personId));
  return rows.map(withFields);
}

/** Decrypts a personal-data cell only to mask it; an unreadable one (key rotated away) shows as ***. */
function masked(cell: Buffer | null, pii: PiiCipher, mask: (value: string) => string): string | null {
  if (!cell) return null;
  try {
    return mask(pii.decrypt(cell));
  } catch {
    return "***";
  }
}

/** The expert as officers see it: phone and ID number masked, never in full. */
/** An expert as a list shows it, before the caller's abilities: the same for every officer. */
export type ListedExpert = Omit<Expert, "abilities">;

export function presentExpert(row: ExpertWithPerson, pii: PiiCipher, abilities: Ability[]): Expert {
  return { ...presentExpertRow(row, pii), abilities };
}

function presentExpertRow(row: ExpertWithPerson, pii: PiiCipher): ListedExpert {
  const e = row.expert;
  return {
    id: e.id,
    personId: e.personId,
    name: row.name,
    title: e.title,
    fields: e.fields,
    unitId: e.unitId,
    unitName: e.unitName,
    divisionCode: e.divisionCode,
    status: e.status,
    phone: masked(row.phone, pii, maskPhone),
    email: row.email,
    idNumber: masked(row.idNumber, pii, maskIdNumber),
    hasAccount: e.accountId !== null,
    accountUsername: row.accountUsername,
    note: e.note,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
  };
}
