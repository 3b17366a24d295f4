import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client";
import { notifications } from "./schema";

const mine = (accountId: string): SQL => eq(notifications.accountId, accountId);
const unreadOf = (accountId: string): SQL => and(mine(accountId), isNull(notifications.readAt))!;
const count = sql<number>`count(*)::int`;

/** How many of an account's notifications are unread (the list's badge and the home page card). */
export async function unreadNotifications(executor: Executor, accountId: string): Promise<number> {
  const [row] = await executor.select({ n: count }).from(notifications).where(unreadOf(accountId));
  return Number(row?.n ?? 0);
}

/** One page of an account's own notifications (scope `self`), newest first, with the totals. */
export async function listNotifications(
  executor: Executor,
  accountId: string,
  filter: { unread?: boolean | undefined; page: number; pageSize: number },
) {
  const where = filter.unread ? unreadOf(accountId) : mine(accountId);
  const rows = await executor
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [total] = await executor.select({ n: count }).from(notifications).where(where);
  return {
    total: Number(total?.n ?? 0),
    unread: await unreadNotifications(executor, accountId),
    items: rows.map((row) => ({
      id: row.id,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      bodyZh: row.bodyZh,
      bodyEn: row.bodyEn,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
  };
}

/** Marks one of the account's notifications read; false when it is not the account's (or does not exist). */
export async function markNotificationRead(executor: Executor, accountId: string, id: string, now: Date) {
  const [updated] = await executor
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), mine(accountId)))
    .returning({ id: notifications.id });
  return updated !== undefined;
}

/** Marks every unread notification of the account read. */
export async function markAllNotificationsRead(executor: Executor, accountId: string, now: Date): Promise<void> {
  await executor.update(notifications).set({ readAt: now }).where(unreadOf(accountId));
}
