import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../commands/command";
import { applicationEvents, applications, auditLog } from "../db/schema";
import { asApiError } from "../http/errors";
import { callerOf, createApplication, createCall, recommenderIdByCode } from "../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { applyApplicationEvent } from "./apply-application-event";

describe.each(databaseKinds())("applying application events on %s", (kind) => {
  let t: TestApp;
  let callId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    callId = await createCall(t.database.db);
  });
  afterAll(() => t.close());

  const act = async (
    username: string,
    applicationId: string,
    event: Parameters<typeof applyApplicationEvent>[2]["event"],
    reason?: string,
  ) => {
    const caller = await callerOf(t, username);
    const actor = {
      accountId: caller.accountId,
      name: caller.displayName,
      role: caller.roles[0] ?? null,
      ip: "127.0.0.1",
      requestId: null,
    };
    return execute(
      { database: t.database, clock: t.clock, keys: t.config.keys },
      actor,
      `application.${event}`,
      { type: "application", id: applicationId },
      (context) => applyApplicationEvent(context, caller, { applicationId, event, reason: reason ?? null }),
    );
  };
  const statusOf = async (promise: Promise<unknown>) =>
    promise.then(
      () => 200,
      (error: unknown) => asApiError(error)?.status ?? 500,
    );

  it("moves an application up the recommender tree, then the top recommender recommends it", async () => {
    const id = await createApplication(t.database.db, {
      callId,
      unitName: "武汉光谷激光科技有限公司",
      state: "submitted",
    });
    expect(await statusOf(act("rec.yichang", id, "pass-up"))).toBe(404);
    expect(await statusOf(act("app.wuhan-ent", id, "recommend"))).toBe(403);
    expect(await statusOf(act("rec.wuhan", id, "recommend"))).toBe(409); // still held by the 东湖 zone
    expect(await statusOf(act("rec.donghu", id, "recommend"))).toBe(422); // it must pass up first (Art. 17)

    await act("rec.donghu", id, "pass-up");
    const [moved] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    expect(moved?.state).toBe("submitted");
    expect(moved?.recommenderId).toBe(await recommenderIdByCode(t.database.db, "420100"));
    expect(await statusOf(act("rec.donghu", id, "pass-up"))).toBe(404); // no longer in its sub-tree

    await act("rec.wuhan", id, "recommend");
    const events = await t.database.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
    expect(events.map((e) => `${e.event}:${e.toState}`)).toEqual(["pass-up:submitted", "recommend:recommended"]);
    expect(events.every((e) => e.edition === "2025")).toBe(true);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.outcome, "success")));
    expect(audited.map((a) => a.action)).toEqual(["application.pass-up", "application.recommend"]);
    expect(await statusOf(act("rec.wuhan", id, "recommend"))).toBe(409);
  });

  it("requires a reason to return, and refuses events outside the table", async () => {
    const id = await createApplication(t.database.db, {
      callId,
      unitName: "宜昌三峡新材料股份有限公司",
      state: "submitted",
    });
    expect(await statusOf(act("rec.yichang", id, "return"))).toBe(422);
    await act("rec.yichang", id, "return", "请补充合作协议");
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, id));
    expect(row).toMatchObject({ state: "returned", lastReason: "请补充合作协议" });
    expect(await statusOf(act("officer", id, "recognize"))).toBe(409);
  });
});
