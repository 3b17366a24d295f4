import { and, desc, eq, gt, ilike, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Account } from "../../contracts/accounts";
import { titles } from "../../policy/reference/titles";
import { isRole } from "../../policy/roles";
import { type ResolvedScope, unitRows } from "../access/scope";
import type { Executor } from "./client";
import { accounts, experts, people, recommenders, roleGrants, units } from "./schema";
import { parseStored } from "./stored-json";

const count = sql<number>`count(*)::int`;

/**
 * One page of accounts in a scope, each with its role grants; `q` matches username or display name, `unitId`
 * keeps one unit's accounts, `locked` those locked now (true) or not (false). Abilities are left empty for the route to fill per row.
 */
export async function listAccounts(
  executor: Executor,
  scope: ResolvedScope,
  filter: {
    q?: string | undefined;
    unitId?: string | undefined;
    locked?: "true" | "false" | undefined;
    page: number;
    pageSize: number;
  },
  now: Date,
) {
  const { q, unitId, page, pageSize } = filter;
  const condition = and(
    scope.scope === "all" ? undefined : unitRows(scope, accounts.unitId),
    q ? or(ilike(accounts.username, `%${q}%`), ilike(accounts.displayName, `%${q}%`)) : undefined,
    unitId ? eq(accounts.unitId, unitId) : undefined,
    filter.locked === "true" ? gt(accounts.lockedUntil, now) : undefined,
    filter.locked === "false" ? or(isNull(accounts.lockedUntil), lte(accounts.lockedUntil, now)) : undefined,
  );
  const rows = await executor
    .select({ account: accounts, unitName: units.name, recommenderName: recommenders.nameZh })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .leftJoin(recommenders, eq(recommenders.id, accounts.recommenderId))
    .where(condition)
    .orderBy(desc(accounts.createdAt), accounts.username)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await executor.select({ n: count }).from(accounts).where(condition);
  const ids = rows.map((row) => row.account.id);
  const grants = ids.length ? await executor.select().from(roleGrants).where(inArray(roleGrants.accountId, ids)) : [];
  // Which expert an account signs in for is the system administrator's concern; a unit's administrator listing
  // colleagues must not learn who sits in the expert pool.
  const linked =
    ids.length && scope.scope === "all"
      ? await executor
          .select({ accountId: experts.accountId, id: experts.id, name: people.name })
          .from(experts)
          .innerJoin(people, eq(people.id, experts.personId))
          .where(inArray(experts.accountId, ids))
      : [];
  const expertOf = new Map(linked.map((row) => [row.accountId, { id: row.id, name: row.name }]));
  const items: Account[] = rows.map(({ account, unitName, recommenderName }) => ({
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    unitId: account.unitId,
    unitName,
    recommenderId: account.recommenderId,
    recommenderName,
    isUnitAdmin: account.isUnitAdmin,
    isService: account.isService,
    disabled: account.disabled,
    locked: account.lockedUntil !== null && account.lockedUntil > now,
    mustChangePassword: account.mustChangePassword,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
    grants: grants
      .filter((g) => g.accountId === account.id && isRole(g.role))
      .map((g) => ({ id: g.id, role: g.role as Account["grants"][number]["role"], status: g.status })),
    expert: expertOf.get(account.id) ?? null,
    abilities: [],
  }));
  return { items, total: Number(total?.n ?? 0) };
}

/** Units to attach an account to, by name or code (at most 20): names only, not the unit records. */
export function unitOptions(executor: Executor, q: string) {
  return executor
    .select({ id: units.id, name: units.name, uscc: units.uscc })
    .from(units)
    .where(or(ilike(units.name, `%${q}%`), ilike(units.uscc, `%${q}%`)))
    .orderBy(units.name)
    .limit(20);
}

/**
 * Pool experts without an account, by name or unit (at most 20). Names, units, titles and fields suffice to tell
 * them apart; phones and ID numbers stay with the officers (`expert.read`).
 */
export async function expertOptions(executor: Executor, q: string | undefined) {
  const rows = await executor
    .select({
      id: experts.id,
      name: people.name,
      unitName: experts.unitName,
      title: experts.title,
      fields: experts.fields,
      status: experts.status,
    })
    .from(experts)
    .innerJoin(people, eq(people.id, experts.personId))
    .where(
      and(
        isNull(experts.accountId),
        q ? or(ilike(people.name, `%${q}%`), ilike(experts.unitName, `%${q}%`)) : undefined,
      ),
    )
    .orderBy(people.name, experts.id)
    .limit(20);
  return rows.map(({ title, fields, ...row }) => {
    const label = titles.find((t) => t.code === title);
    return {
      ...row,
      titleZh: label?.nameZh ?? title,
      titleEn: label?.nameEn ?? title,
      fields: parseStored("experts.fields", fields, row.id),
    };
  });
}

/** One page of role grants, newest request first, optionally of one status (the security administrator's list). */
export async function listRoleGrants(
  executor: Executor,
  filter: { status?: (typeof roleGrants.$inferSelect)["status"] | undefined; page: number; pageSize: number },
) {
  const where = filter.status ? eq(roleGrants.status, filter.status) : undefined;
  const rows = await executor
    .select({ grant: roleGrants, username: accounts.username, displayName: accounts.displayName })
    .from(roleGrants)
    .innerJoin(accounts, eq(accounts.id, roleGrants.accountId))
    .where(where)
    .orderBy(desc(roleGrants.requestedAt))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [total] = await executor.select({ n: count }).from(roleGrants).where(where);
  return {
    total: Number(total?.n ?? 0),
    items: rows.flatMap(({ grant, username, displayName }) =>
      isRole(grant.role)
        ? [
            {
              ...grant,
              role: grant.role,
              username,
              displayName,
              requestedAt: grant.requestedAt.toISOString(),
              decidedAt: grant.decidedAt?.toISOString() ?? null,
            },
          ]
        : [],
    ),
  };
}
