import { type AnyColumn, inArray, type SQL, sql } from "drizzle-orm";
import { type Ability, abilities, type Scope, scopeOf } from "../../policy/access/abilities";
import type { Executor } from "../db/client";
import { cachedRead } from "../db/read-cache";
import { units } from "../db/schema";
import { refused } from "../domain/refused";
import type { Caller } from "./caller";

/** A grant turned into the facts needed to filter rows: one per (request, ability). */
export interface ResolvedScope {
  ability: Ability;
  scope: Scope;
  caller: Caller;
  /** For `jurisdiction`: the caller's recommender and every recommender below it. */
  recommenderIds: ReadonlySet<string>;
}

/** The recommender and its whole sub-tree (districts and zones below a city bureau). */
export async function recommenderSubtree(executor: Executor, recommenderId: string): Promise<Set<string>> {
  const result = await executor.execute(sql`
    with recursive tree(id) as (
      select id from recommenders where id = ${recommenderId}
      union all
      select r.id from recommenders r join tree t on r.parent_id = t.id
    )
    select id from tree`);
  const rows = (result as unknown as { rows: Array<{ id: string }> }).rows;
  return new Set(rows.map((row) => row.id));
}

/** The sub-tree is read once per request (the Caller object lives for one request), and reused until a commit. */
const subtrees = new WeakMap<Caller, Promise<Set<string>>>();

/**
 * The caller's scope for an ability, or null when the role table grants none (deny by default). Never throws a
 * refusal: `authorize` refuses, `abilitiesOn` and the presenters just leave the ability out.
 */
export async function resolveScope(
  executor: Executor,
  caller: Caller,
  ability: Ability,
): Promise<ResolvedScope | null> {
  const scope = scopeOf(caller.roles, ability);
  if (scope === null) return null;
  if (scope === "unit-admin" && !(caller.isUnitAdmin && caller.unitId)) return null;
  if (scope === "jurisdiction" && !caller.recommenderId) return null;
  let recommenderIds = new Set<string>();
  if (scope === "jurisdiction" && caller.recommenderId) {
    let subtree = subtrees.get(caller);
    if (!subtree) {
      const root = caller.recommenderId;
      subtree = cachedRead(executor, `recommender-subtree\u0000${root}`, () => recommenderSubtree(executor, root));
      subtrees.set(caller, subtree);
    }
    recommenderIds = await subtree;
  }
  return { ability, scope, caller, recommenderIds };
}

/**
 * Everything a scope's row conditions are built from (`unitRows`, `recommenderRows` and the resources' own), as a
 * cache key (db/read-cache.ts `readKey`): two callers with the same key are shown the same rows.
 */
export function scopeKey(resolved: ResolvedScope): string {
  const { scope, caller, recommenderIds } = resolved;
  const whose = scope === "assigned" || scope === "self" ? caller.accountId : (caller.unitId ?? "");
  return `${scope}:${whose}:${[...recommenderIds].sort().join(",")}`;
}

/**
 * Deny by default: resolves the caller's scope for an ability or refuses (403). Every list and every load goes
 * through this and then through `unitRows`, so no route filters rows by hand.
 */
export async function authorize(executor: Executor, caller: Caller, ability: Ability): Promise<ResolvedScope> {
  const resolved = await resolveScope(executor, caller, ability);
  if (!resolved) throw refused.forbidden(ability);
  return resolved;
}

/** The where-clause for rows owned by a host unit (`unitIdColumn` holds the unit id). */
export function unitRows(resolved: ResolvedScope, unitIdColumn: AnyColumn): SQL {
  switch (resolved.scope) {
    case "all":
      return sql`true`;
    case "jurisdiction":
      if (resolved.recommenderIds.size === 0) return sql`false`;
      return sql`${unitIdColumn} in (select ${units.id} from ${units} where ${inArray(units.recommenderId, [...resolved.recommenderIds])})`;
    case "unit":
    case "unit-admin":
      return resolved.caller.unitId ? sql`${unitIdColumn} = ${resolved.caller.unitId}` : sql`false`;
    case "assigned":
    case "self":
      // Unit-owned rows are not reached through an assignment unless the resource supplies its own filter.
      return sql`false`;
  }
}

/** Where-clause for recommender rows: a recommender sees its own sub-tree. */
export function recommenderRows(resolved: ResolvedScope, recommenderIdColumn: AnyColumn): SQL {
  if (resolved.scope === "all") return sql`true`;
  if (resolved.scope === "jurisdiction" && resolved.recommenderIds.size > 0) {
    return inArray(recommenderIdColumn, [...resolved.recommenderIds]);
  }
  return sql`false`;
}

/** Whether a resolved scope reaches one unit-owned row (for per-record abilities). */
export function covers(resolved: ResolvedScope, row: { unitId: string | null; recommenderId: string | null }): boolean {
  switch (resolved.scope) {
    case "all":
      return true;
    case "jurisdiction":
      return row.recommenderId !== null && resolved.recommenderIds.has(row.recommenderId);
    case "unit":
    case "unit-admin":
      return row.unitId !== null && row.unitId === resolved.caller.unitId;
    default:
      return false;
  }
}

const resourceAbilities = new Map<string, readonly Ability[]>();

/** The abilities on `resource` (`application.read`, … for "application"), listed once: every row of a list asks. */
function abilitiesOf(resource: string): readonly Ability[] {
  let found = resourceAbilities.get(resource);
  if (!found) {
    found = abilities.filter((ability) => ability.startsWith(`${resource}.`));
    resourceAbilities.set(resource, found);
  }
  return found;
}

/**
 * The caller's abilities on one unit-owned record among those of a resource (`unit.`), so each record in a
 * response says what the UI may offer. `allowed` narrows by the record's state (e.g. confirm only when pending).
 */
export async function abilitiesOn(
  executor: Executor,
  caller: Caller,
  resource: string,
  row: { unitId: string | null; recommenderId: string | null },
  allowed: (ability: Ability) => boolean = () => true,
  cache: Map<Ability, ResolvedScope | null> = new Map(),
): Promise<Ability[]> {
  const result: Ability[] = [];
  for (const ability of abilitiesOf(resource)) {
    if (!allowed(ability)) continue;
    if (!cache.has(ability)) {
      cache.set(ability, await resolveScope(executor, caller, ability));
    }
    const resolved = cache.get(ability);
    if (resolved && covers(resolved, row)) result.push(ability);
  }
  return result;
}
