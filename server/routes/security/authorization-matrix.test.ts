import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Ability, type Scope, scopeOf, scopes } from "../../../policy/access/abilities";
import { demoAccounts } from "../../demo/demo-accounts";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import {
  addressRotatingSender,
  type DocumentedOperation,
  documentedOperations,
  documentOf,
  stateChanging,
} from "../../test/probe";

/**
 * Issue 15 item 1: every operation of the OpenAPI document × every demo account × the rows it may and may not reach.
 * The expectations come from the role table (`grants` in policy/access/abilities.ts) and the abilities each route
 * declares (`x-abilities`, or `x-any-signed-in`, from its `config`); a documented operation that declares neither
 * and is not public fails the suite, so a new route is in the matrix the day it is added.
 *
 * - anonymous: every signed-in operation answers 401;
 * - a role granted none of the route's abilities: 403 `forbidden`, on a real row, before anything is read;
 * - a role granted them only for its unit, jurisdiction or assignments: another unit's, another jurisdiction's or
 *   another panel's row is never a 2xx (a read is a 403 or 404), its own row reads 200, and its lists hold only its
 *   rows (the expected rows are computed here from the tables, not by the server's scope code).
 * Nothing is written: every request is refused, or is a read.
 */

/** A documented operation with its required query parameters filled with valid values. */
interface Operation extends DocumentedOperation {
  query: string;
}

const neutral = "00000000-0000-4000-8000-000000000000";

/** Row families a scoped grant filters: how a row id maps to its host unit. */
const ownedRows: Record<string, string> = {
  applications: "select id, unit_id from applications",
  bases: "select id, unit_id from bases",
  "annual-reports": "select id, unit_id from annual_reports",
  "change-reports": "select id, unit_id from change_reports",
  revocations: "select id, unit_id from revocation_cases",
  rectifications: "select id, unit_id from rectification_cases",
  units: "select id, id as unit_id from units",
  people: "select id, unit_id from people where unit_id is not null",
  // An expert's assignments belong to the expert's account, not to a unit: another panel's are another's rows.
  assignments:
    "select ra.id, coalesce(e.account_id, 'none') as unit_id from review_assignments ra join experts e on e.id = ra.expert_id",
};

/** A real row for the other path segments, so a missing check would reach data rather than a 404. */
const someRow: Record<string, string> = {
  calls: "select id from calls",
  alliances: "select id from alliances",
  reviews: "select id from review_rounds",
  "evaluation-rounds": "select id from evaluation_rounds",
  experts: "select id from experts",
  draws: "select id from draws",
  accounts: "select id from accounts where not is_service",
  "role-grants": "select id from role_grants",
  "service-accounts": "select id from accounts where is_service",
  "api-tokens": "select id from api_tokens",
  notifications: "select id from notifications",
  notices: "select id from public_notices",
  objections: "select id from objections",
  recognitions: "select id from recognition_documents",
  faq: "select id from assistant_faqs",
  "credit-records": "select id from credit_records",
  "national-platforms": "select id from national_platforms",
  fields: "select id from fields",
};

/** Values for the path parameters that are not row ids. */
const literalParams: Record<string, string> = {
  format: "pdf",
  year: "2025",
  list: "grades",
  code: "AAAAAAAA",
  fileId: neutral,
  memberId: neutral,
  accountId: neutral,
};

/** The row family an operation's `{id}` belongs to: the segment before it (`/api/bases/{id}/…` → bases). */
function familyOf(path: string): string | null {
  const segments = path.split("/");
  const at = segments.indexOf("{id}");
  if (at < 1) return path.includes("{reportId}") ? "annual-reports" : null;
  return segments[at - 1]!;
}

/** The widest scope the roles have among the route's abilities. */
function widestScope(roles: Parameters<typeof scopeOf>[0], abilities: Ability[]): Scope | null {
  let best: Scope | null = null;
  for (const ability of abilities) {
    const scope = scopeOf(roles, ability);
    if (scope && (best === null || scopes.indexOf(scope) < scopes.indexOf(best))) best = scope;
  }
  return best;
}

describe.each(databaseKinds())("authorization matrix on %s", (kind) => {
  let t: TestApp;
  let operations: Operation[];
  const agents = new Map<string, Agent>();
  /** Per family: row id → owning unit; per unit: its recommender. */
  const owners = new Map<string, Map<string, string>>();
  const recommenderOfUnit = new Map<string, string>();
  const anyRow = new Map<string, string>();
  const sender = addressRotatingSender();

  const rows = async <T>(text: string) => (await t.database.executeSql(text)).rows as T[];

  function send(agent: Agent, method: string, url: string): Promise<LightMyRequestResponse> {
    return sender.send(agent, {
      method: method as InjectOptions["method"],
      url,
      ...(stateChanging.has(method) ? { payload: "{}", headers: { "content-type": "application/json" } } : {}),
    });
  }

  /** The path with every parameter filled: `{id}` (and `{reportId}`) by `id`, the others by a real row or a literal. */
  function urlOf(operation: Operation, id: string | null): string {
    const segments = operation.path.split("/");
    const path = segments
      .map((segment, index) => {
        const name = /^\{(.+)\}$/.exec(segment)?.[1];
        if (!name) return segment;
        if ((name === "id" || name === "reportId") && id) return id;
        if (name === "recommenderId") return anyRow.get("recommenders") ?? neutral;
        if (name === "id") return anyRow.get(segments[index - 1]!) ?? neutral;
        return literalParams[name] ?? neutral;
      })
      .join("/");
    return operation.query ? `${path}?${operation.query}` : path;
  }

  /** The account's rows of a family, computed from the tables: unit, jurisdiction or assignment. */
  async function rowsInScope(username: string, scope: Scope, family: string): Promise<Set<string> | null> {
    const [account] = await rows<{ id: string; unit_id: string | null; recommender_id: string | null }>(
      `select id, unit_id, recommender_id from accounts where username = '${username}'`,
    );
    const owned = owners.get(family);
    if (!account || !owned) return null;
    const inScope = new Set<string>();
    if (scope === "unit" || scope === "unit-admin") {
      for (const [id, unit] of owned) if (unit === account.unit_id) inScope.add(id);
      return inScope;
    }
    if (scope === "jurisdiction") {
      const subtree = await rows<{ id: string }>(
        `with recursive tree(id) as (select id from recommenders where id = '${account.recommender_id}'
           union all select r.id from recommenders r join tree on r.parent_id = tree.id) select id from tree`,
      );
      const mine = new Set(subtree.map((row) => row.id));
      for (const [id, unit] of owned) if (mine.has(recommenderOfUnit.get(unit) ?? "")) inScope.add(id);
      return inScope;
    }
    if (scope === "assigned" && family === "assignments") {
      for (const [id, owner] of owned) if (owner === account.id) inScope.add(id);
      return inScope;
    }
    if (scope === "assigned") {
      // Review rounds on which the account sits, and the yearly rounds entrusted to it.
      const targets = await rows<{ target_id: string }>(
        `select rr.target_id from review_rounds rr join review_assignments ra on ra.round_id = rr.id
           join experts e on e.id = ra.expert_id where e.account_id = '${account.id}'
         union select ar.id from annual_reports ar join evaluation_entrustments ee on ee.round_id = ar.round_id
           where ee.evaluator_account_id = '${account.id}'`,
      );
      const ids = new Set(targets.map((row) => row.target_id));
      if (family === "bases") {
        const reportBases = await rows<{ id: string; base_id: string }>("select id, base_id from annual_reports");
        for (const report of reportBases) if (ids.has(report.id)) inScope.add(report.base_id);
        return inScope;
      }
      for (const id of owned.keys()) if (ids.has(id)) inScope.add(id);
      return inScope;
    }
    return null;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    operations = documentedOperations(documentOf(t.app)).map((operation) => ({
      ...operation,
      query: operation.parameters
        .filter((parameter) => parameter.in === "query" && parameter.required && parameter.name)
        .map((parameter) => {
          const value = parameter.schema?.enum?.[0] ?? literalParams[parameter.name!] ?? "x";
          return `${parameter.name}=${encodeURIComponent(value)}`;
        })
        .join("&"),
    }));
    for (const account of demoAccounts) agents.set(account.username, await t.login(account.username));
    for (const [family, query] of Object.entries(ownedRows)) {
      const found = await rows<{ id: string; unit_id: string }>(`${query} order by id`);
      owners.set(family, new Map(found.map((row) => [row.id, row.unit_id])));
    }
    for (const unit of await rows<{ id: string; recommender_id: string | null }>(
      "select id, recommender_id from units",
    )) {
      if (unit.recommender_id) recommenderOfUnit.set(unit.id, unit.recommender_id);
    }
    for (const [segment, query] of Object.entries({ ...someRow, recommenders: "select id from recommenders" })) {
      const [row] = await rows<{ id: string }>(`${query} order by id limit 1`);
      if (row) anyRow.set(segment, row.id);
    }
    for (const [family, owned] of owners) {
      const first = owned.keys().next().value;
      if (first) anyRow.set(family, first);
    }
  }, 180_000);
  afterAll(() => t.close());

  it("covers every documented operation: public, open to every signed-in caller, or behind named abilities", () => {
    const uncovered = operations
      .filter((operation) => !operation.isPublic && !operation.anySignedIn && operation.abilities.length === 0)
      .map((operation) => `${operation.method} ${operation.path}`);
    expect(uncovered).toEqual([]);
    expect(operations.length).toBeGreaterThan(250);
  });

  it("refuses every signed-in operation to an anonymous caller (401)", { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    const signedIn = operations.filter((operation) => !operation.isPublic);
    for (const operation of signedIn) {
      const response = await send(t.anonymous, operation.method, urlOf(operation, null));
      if (response.statusCode !== 401) failures.push(`${operation.method} ${operation.path} → ${response.statusCode}`);
    }
    console.log(`matrix (${kind}): anonymous × ${signedIn.length} operations, ${failures.length} not 401`);
    expect(failures).toEqual([]);
  });

  it("refuses each demo role every operation its grants do not name (403 forbidden)", {
    timeout: 600_000,
  }, async () => {
    const failures: string[] = [];
    let checked = 0;
    let opened = 0;
    for (const account of demoAccounts) {
      const agent = agents.get(account.username)!;
      for (const operation of operations) {
        if (operation.isPublic) continue;
        const family = familyOf(operation.path);
        const url = urlOf(operation, family ? (anyRow.get(family) ?? null) : null);
        if (operation.anySignedIn) {
          // Every role may use it; only the reads are sent (signing out or a new password would end the agent).
          if (operation.method !== "GET") continue;
          const response = await send(agent, operation.method, url);
          opened += 1;
          if (response.statusCode !== 200)
            failures.push(`${account.username}: ${operation.path} → ${response.statusCode}`);
          continue;
        }
        // An operation that declares nothing fails the coverage test above.
        if (operation.abilities.length === 0 || widestScope(account.roles, operation.abilities) !== null) continue;
        checked += 1;
        const response = await send(agent, operation.method, url);
        const code = response.statusCode === 403 ? (response.json() as { code?: string }).code : undefined;
        if (response.statusCode !== 403 || code !== "forbidden") {
          failures.push(
            `${account.username}: ${operation.method} ${operation.path} → ${response.statusCode} ${code ?? ""}`,
          );
        }
      }
    }
    console.log(
      `matrix (${kind}): ${demoAccounts.length} roles × ${operations.length} operations → ${checked} refusals by role checked, ${opened} open reads, ${failures.length} unexpected`,
    );
    expect(failures, failures.slice(0, 40).join("\n")).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it("keeps each scoped role to its unit, jurisdiction or assignments: other rows are never a 2xx, its own read", {
    timeout: 600_000,
  }, async () => {
    const failures: string[] = [];
    let outside = 0;
    let own = 0;
    let listed = 0;
    for (const account of demoAccounts) {
      const agent = agents.get(account.username)!;
      for (const operation of operations) {
        if (operation.isPublic || operation.anySignedIn) continue;
        const scope = widestScope(account.roles, operation.abilities);
        if (scope === null || scope === "all" || scope === "self") continue;
        const family = familyOf(operation.path);
        const label = `${account.username} (${scope}): ${operation.method} ${operation.path}`;

        // A list of a row family: only the rows in scope.
        if (!family && operation.method === "GET") {
          const listFamily =
            operation.path === "/api/reviews/assignments" ? "assignments" : operation.path.replace(/^\/api\//, "");
          if (!owners.has(listFamily)) continue;
          const inScope = await rowsInScope(account.username, scope, listFamily);
          if (!inScope) continue;
          const response = await send(agent, "GET", `${operation.path}?pageSize=200`);
          if (response.statusCode !== 200) {
            failures.push(`${label} → ${response.statusCode}`);
            continue;
          }
          const items = (response.json() as { items?: Array<{ id: string }> }).items ?? [];
          listed += items.length;
          const strangers = items.filter((item) => !inScope.has(item.id)).map((item) => item.id);
          if (strangers.length > 0) failures.push(`${label} lists rows outside its scope: ${strangers.join(", ")}`);
          continue;
        }
        if (!family || !owners.has(family)) continue;
        const inScope = await rowsInScope(account.username, scope, family);
        if (!inScope) continue;
        const owned = owners.get(family)!;
        // Two rows outside: another unit (in the same jurisdiction where there is one) and another jurisdiction.
        const others = [...owned.keys()].filter((id) => !inScope.has(id));
        const firstOther = others[0];
        const farOther = others.find(
          (id) => recommenderOfUnit.get(owned.get(id)!) !== recommenderOfUnit.get(owned.get(firstOther ?? "") ?? ""),
        );
        for (const id of [firstOther, farOther]) {
          if (!id) continue;
          outside += 1;
          const response = await send(agent, operation.method, urlOf(operation, id));
          const refused =
            operation.method === "GET"
              ? [403, 404].includes(response.statusCode)
              : response.statusCode >= 400 && response.statusCode < 500;
          if (!refused) failures.push(`${label} on another's ${id} → ${response.statusCode}`);
        }
        // The family's own detail reads 200 for a row in scope: the rows above were refused for their owner.
        if (operation.method === "GET" && operation.path === `/api/${family}/{id}`) {
          // A row of its own list that the tables also put in scope (a recommender's list leaves out drafts).
          const list = await send(agent, "GET", `/api/${family}?pageSize=200`);
          const items = list.statusCode === 200 ? ((list.json() as { items?: Array<{ id: string }> }).items ?? []) : [];
          const mine = items.map((item) => item.id).find((id) => inScope.has(id));
          if (!mine) continue;
          own += 1;
          const response = await send(agent, "GET", urlOf(operation, mine));
          if (response.statusCode !== 200) failures.push(`${label} on its own ${mine} → ${response.statusCode}`);
        }
      }
    }
    console.log(
      `matrix (${kind}): ${outside} requests on other units', jurisdictions' or panels' rows, ${own} own reads, ${listed} listed rows checked, ${failures.length} unexpected`,
    );
    expect(failures, failures.slice(0, 40).join("\n")).toEqual([]);
    expect(outside).toBeGreaterThan(100);
    expect(own).toBeGreaterThan(5);
  });
});
