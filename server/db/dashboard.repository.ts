import { gte, sql } from "drizzle-orm";
import { can } from "../../policy/access/abilities";
import { addDays } from "../../policy/calendar/dates";
import type { Caller } from "../access/caller";
import { authorize, resolveScope, unitRows } from "../access/scope";
import { chinaDate } from "../clock";
import { type ListSource, listSources } from "../workbench/list-sources";
import { todoApplies, todoDefinitions } from "../workbench/todos";
import type { Executor } from "./client";
import { unreadNotifications } from "./notifications.repository";
import { accounts, auditLog, people, units } from "./schema";

/** One count on the home page: what it counts and where its list is (`api`: the list endpoint with that filter). */
export type DashboardCard = {
  key: string;
  labelZh: string;
  labelEn: string;
  value: number;
  link?: string;
  kind: "todo" | "overview";
  api?: string;
};

const count = (rows: Array<{ n: number }>) => Number(rows[0]?.n ?? 0);
const n = sql<number>`count(*)::int`;
/** 近 7 日: from 00:00 Beijing time six days before today — whole office days, as the audit page's date filter. */
function weekStart(now: Date): string {
  return new Date(`${addDays(chinaDate(now), -6)}T00:00:00+08:00`).toISOString();
}

/**
 * The caller's 工作台: first what waits on the caller (server/workbench/todos.ts, each counted by its list's own
 * repository function with its filter), those with something waiting first; then the plain counts of the role.
 */
export async function dashboardCards(executor: Executor, caller: Caller, now: Date): Promise<DashboardCard[]> {
  const todos = await workbenchTodos(executor, caller, now);
  const waiting = todos.filter((card) => card.value > 0);
  return [...waiting, ...todos.filter((card) => card.value === 0), ...(await overviewCards(executor, caller, now))];
}

async function overviewCards(executor: Executor, caller: Caller, now: Date): Promise<DashboardCard[]> {
  const cards: DashboardCard[] = [];
  if (can(caller.roles, "unit.read")) {
    const scope = await authorize(executor, caller, "unit.read");
    cards.push({
      key: "units",
      labelZh: "依托单位",
      labelEn: "Host units",
      value: count(await executor.select({ n }).from(units).where(unitRows(scope, units.id))),
      link: "/units",
      kind: "overview",
    });
  }
  if (can(caller.roles, "person.read")) {
    const scope = await authorize(executor, caller, "person.read");
    const inScope = scope.scope === "all" ? sql`true` : unitRows(scope, people.unitId);
    cards.push({
      key: "people",
      labelZh: "人员",
      labelEn: "People",
      value: count(await executor.select({ n }).from(people).where(inScope)),
      link: "/people",
      kind: "overview",
    });
  }
  if (can(caller.roles, "account.read")) {
    cards.push({
      key: "accounts",
      labelZh: "账号",
      labelEn: "Accounts",
      value: count(await executor.select({ n }).from(accounts)),
      link: "/accounts",
      kind: "overview",
    });
  }
  if (can(caller.roles, "audit.read")) {
    const from = weekStart(now);
    cards.push({
      key: "audit-week",
      labelZh: "近 7 日审计记录",
      labelEn: "Audit entries, last 7 days",
      value: count(
        await executor
          .select({ n })
          .from(auditLog)
          .where(gte(auditLog.at, new Date(from))),
      ),
      link: `/audit?${new URLSearchParams({ from })}`,
      kind: "overview",
    });
  }
  cards.push({
    key: "notifications-unread",
    labelZh: "未读通知",
    labelEn: "Unread notifications",
    value: await unreadNotifications(executor, caller.accountId),
    link: "/notifications",
    kind: "overview",
  });
  return cards;
}

/** Every to-do the caller's roles and scopes reach, with its count and the filtered list it opens. */
async function workbenchTodos(executor: Executor, caller: Caller, now: Date): Promise<DashboardCard[]> {
  const since = weekStart(now);
  const cards: DashboardCard[] = [];
  for (const definition of todoDefinitions) {
    if (!todoApplies(definition, caller.roles)) continue;
    // A scope the caller's account cannot fill (a recommender role without its recommender) reaches nothing.
    const scopes = await Promise.all(definition.requires.map((ability) => resolveScope(executor, caller, ability)));
    if (scopes.some((scope) => scope === null)) continue;
    const source: ListSource = listSources[definition.source];
    const query = definition.query({ since });
    const search = new URLSearchParams(query).toString();
    cards.push({
      key: definition.key,
      labelZh: definition.labelZh,
      labelEn: definition.labelEn,
      value: await source.count(executor, caller, query, now),
      link: `${source.page}?${search}`,
      api: `${source.api}?${search}`,
      kind: "todo",
    });
  }
  return cards;
}
