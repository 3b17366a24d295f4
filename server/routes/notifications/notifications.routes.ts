import { idParams, okResponse } from "../../../contracts/common";
import { errorResponses } from "../../../contracts/errors";
import { notificationPage, notificationQuery } from "../../../contracts/home";
import { authorize } from "../../access/scope";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../../db/notifications.repository";
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
      config: { ability: "notification.read" },
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
      return listNotifications(db, caller.accountId, request.query);
    },
  );

  app.post(
    "/api/notifications/:id/read",
    {
      config: { ability: "notification.read" },
      schema: {
        tags,
        summary: "标为已读 / mark a notification read",
        params: idParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const marked = await markNotificationRead(db, caller.accountId, request.params.id, deps.clock.now());
      if (!marked) throw errors.notFound("Notification", "通知");
      return { ok: true as const };
    },
  );

  app.post(
    "/api/notifications/read-all",
    {
      config: { ability: "notification.read" },
      schema: {
        tags,
        summary: "全部标为已读 / mark all my notifications read",
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await markAllNotificationsRead(db, caller.accountId, deps.clock.now());
      return { ok: true as const };
    },
  );
}
