import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { idParams, okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { notificationPage, notificationQuery } from "../../../contracts/home";
import { authorize } from "../../access/scope";
import { notifications } from "../../db/schema";
import { errors } from "../../http/errors";
import { callerOf } from "../../http/request-context";
import type { RouteDeps, TypedApp } from "../types";

const tags = ["notifications"];

/** Notifications are the caller's own (scope `self`); reading one is not an audited state change. */
export async function notificationRoutes(app: TypedApp, deps: RouteDeps) {
  const db = deps.database.db;

  app.get(
    "/api/notifications",
    {
      schema: {
        tags,
        summary: "我的通知 / my notifications",
        querystring: notificationQuery,
        response: { 200: notificationPage, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await authorize(db, caller, "notification.read");
      const mine = eq(notifications.accountId, caller.accountId);
      const where = request.query.unread ? and(mine, isNull(notifications.readAt)) : mine;
      const rows = await db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt))
        .limit(request.query.pageSize)
        .offset((request.query.page - 1) * request.query.pageSize);
      const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where);
      const [unread] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(mine, isNull(notifications.readAt)));
      return {
        total: Number(total?.n ?? 0),
        unread: Number(unread?.n ?? 0),
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
    },
  );

  app.post(
    "/api/notifications/:id/read",
    { schema: { tags, params: idParams, response: { 200: okResponse, ...errorResponses } } },
    async (request) => {
      const caller = callerOf(request);
      const [updated] = await db
        .update(notifications)
        .set({ readAt: deps.clock.now() })
        .where(and(eq(notifications.id, request.params.id), eq(notifications.accountId, caller.accountId)))
        .returning({ id: notifications.id });
      if (!updated) throw errors.notFound("Notification", "通知");
      return { ok: true as const };
    },
  );

  app.post(
    "/api/notifications/read-all",
    { schema: { tags, response: { 200: okResponse, ...errorResponses } } },
    async (request) => {
      const caller = callerOf(request);
      await db
        .update(notifications)
        .set({ readAt: deps.clock.now() })
        .where(and(eq(notifications.accountId, caller.accountId), isNull(notifications.readAt)));
      return { ok: true as const };
    },
  );
}
