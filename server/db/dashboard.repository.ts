import { and, eq, gte, sql } from "drizzle-orm";
import { can } from "../../policy/access/abilities";
import type { Caller } from "../access/caller";
import { authorize, unitRows } from "../access/scope";
import type { Executor } from "./client";
import { unreadNotifications } from "./notifications.repository";
import { accounts, auditLog, people, roleGrants, units } from "./schema";

/** One count on the home page: what it counts and where its list is. */
export type DashboardCard = { key: string; labelZh: string; labelEn: string; value: number; link?: string };

const count = (rows: Array<{ n: number }>) => Number(rows[0]?.n ?? 0);
const n = sql<number>`count(*)::int`;

/** Real counts per role for the home page, each computed through the same row scope as the list it links to. */
export async function dashboardCards(executor: Executor, caller: Caller, now: Date): Promise<DashboardCard[]> {
  const cards: DashboardCard[] = [];
  if (can(caller.roles, "unit.read")) {
    const scope = await authorize(executor, caller, "unit.read");
    const inScope = unitRows(scope, units.id);
    cards.push({
      key: "units",
      labelZh: "依托单位",
      labelEn: "Host units",
      value: count(await executor.select({ n }).from(units).where(inScope)),
      link: "/units",
    });
    if (can(caller.roles, "unit.confirm")) {
      cards.push({
        key: "units-pending",
        labelZh: "待确认的单位注册",
        labelEn: "Registrations to confirm",
        value: count(
          await executor
            .select({ n })
            .from(units)
            .where(and(inScope, eq(units.status, "pending"))),
        ),
        link: "/units?status=pending",
      });
    }
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
    });
  }
  if (can(caller.roles, "account.read")) {
    cards.push({
      key: "accounts",
      labelZh: "账号",
      labelEn: "Accounts",
      value: count(await executor.select({ n }).from(accounts)),
      link: "/accounts",
    });
    cards.push({
      key: "accounts-locked",
      labelZh: "锁定中的账号",
      labelEn: "Locked accounts",
      value: count(await executor.select({ n }).from(accounts).where(gte(accounts.lockedUntil, now))),
      link: "/accounts",
    });
  }
  if (can(caller.roles, "role-grant.approve") || can(caller.roles, "role-grant.request")) {
    cards.push({
      key: "grants-pending",
      labelZh: "待审批的角色授权",
      labelEn: "Role grants awaiting approval",
      value: count(await executor.select({ n }).from(roleGrants).where(eq(roleGrants.status, "pending"))),
      link: "/role-grants",
    });
  }
  if (can(caller.roles, "audit.read")) {
    const since = new Date(now.getTime() - 7 * 86_400_000);
    cards.push({
      key: "audit-week",
      labelZh: "近 7 日审计记录",
      labelEn: "Audit entries, last 7 days",
      value: count(await executor.select({ n }).from(auditLog).where(gte(auditLog.at, since))),
      link: "/audit",
    });
    cards.push({
      key: "audit-refused",
      labelZh: "近 7 日被拒绝的操作",
      labelEn: "Refused actions, last 7 days",
      value: count(
        await executor
          .select({ n })
          .from(auditLog)
          .where(and(gte(auditLog.at, since), eq(auditLog.outcome, "refused"))),
      ),
      link: "/audit?outcome=refused",
    });
  }
  cards.push({
    key: "notifications-unread",
    labelZh: "未读通知",
    labelEn: "Unread notifications",
    value: await unreadNotifications(executor, caller.accountId),
    link: "/notifications",
  });
  return cards;
}
