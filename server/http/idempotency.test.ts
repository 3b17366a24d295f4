import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, idempotencyKeys } from "../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { bearer, serviceAccountToken } from "../test/service-accounts";

describe.each(databaseKinds())("Idempotency-Key on writes on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const createServiceAccount = async (key: string | undefined, username: string, displayName = "省统计局") => {
    const sysadmin = await t.login("sysadmin");
    return sysadmin.request({
      method: "POST",
      url: "/api/service-accounts",
      payload: { username, displayName },
      headers: key === undefined ? {} : { "idempotency-key": key },
    });
  };
  const accountsNamed = async (username: string) =>
    (await t.database.db.select().from(accounts).where(eq(accounts.username, username))).length;
  const creations = async (username: string) =>
    (
      await t.database.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, "account.create-service"),
            eq(auditLog.outcome, "success"),
            sql`${auditLog.changes}->>'username' = ${username}`,
          ),
        )
    ).length;

  it("writes once: a repeat with the same body gets the first response back, marked replayed", async () => {
    const first = await createServiceAccount("key-1", "svc.once");
    expect(first.statusCode).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const again = await createServiceAccount("key-1", "svc.once");
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.headers["content-type"]).toContain("application/json");
    expect(again.json()).toEqual(first.json());
    expect(await accountsNamed("svc.once")).toBe(1);
    expect(await creations("svc.once")).toBe(1);
    // Without the key the same request runs again (and is refused: the username is taken).
    expect((await createServiceAccount(undefined, "svc.once")).statusCode).toBe(409);
  });

  it("refuses the key with another body (422 naming the header); another path, method or account is another key", async () => {
    expect((await createServiceAccount("key-2", "svc.two")).statusCode).toBe(201);
    const other = await createServiceAccount("key-2", "svc.two", "另一个名称");
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      code: "idempotency-key-reused",
      messageZh: expect.stringContaining("Idempotency-Key"),
      errors: [{ path: "Idempotency-Key" }],
    });
    expect(await accountsNamed("svc.two")).toBe(1);
    // The same key on another route, or by another account, is its own.
    const officer = await t.login("officer");
    const read = await officer.request({
      method: "POST",
      url: "/api/notifications/read-all",
      payload: {},
      headers: { "idempotency-key": "key-2" },
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers["idempotent-replayed"]).toBeUndefined();
    const rows = await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "key-2"));
    expect(rows.map((row) => row.path).sort()).toEqual(["/api/notifications/read-all", "/api/service-accounts"]);
  });

  it("stores a refusal by the handler and replays it; a request refused before its handler is not stored", async () => {
    const taken = await createServiceAccount("key-3", "officer");
    expect(taken.statusCode).toBe(409);
    const replayed = await createServiceAccount("key-3", "officer");
    expect(replayed.statusCode).toBe(409);
    expect(replayed.headers["idempotent-replayed"]).toBe("true");
    expect(replayed.json()).toEqual(taken.json());
    // Bad input (400) and no permission (403) are answered before the handler: nothing written, nothing kept.
    const sysadmin = await t.login("sysadmin");
    const invalid = await sysadmin.request({
      method: "POST",
      url: "/api/service-accounts",
      payload: { username: "1" },
      headers: { "idempotency-key": "key-4" },
    });
    expect(invalid.statusCode).toBe(400);
    const officer = await t.login("officer");
    const forbidden = await officer.request({
      method: "POST",
      url: "/api/service-accounts",
      payload: { username: "svc.four", displayName: "x" },
      headers: { "idempotency-key": "key-4" },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "key-4"))).toEqual([]);
    expect((await createServiceAccount("key-4", "svc.four")).statusCode).toBe(201);
  });

  it("runs the write once when repeats arrive together", async () => {
    const sysadmin = await t.login("sysadmin");
    const send = () =>
      sysadmin.request({
        method: "POST",
        url: "/api/service-accounts",
        payload: { username: "svc.race", displayName: "并发" },
        headers: { "idempotency-key": "key-race" },
      });
    const responses = await Promise.all([send(), send(), send(), send()]);
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    for (const response of responses) {
      if (response.statusCode === 201) {
        expect(response.json()).toEqual(responses.find((first) => first.statusCode === 201)!.json());
      } else {
        expect(response.statusCode).toBe(409);
        expect(response.json().code).toBe("idempotency-key-in-progress");
      }
    }
    expect(
      responses.filter(
        (response) => response.headers["idempotent-replayed"] === undefined && response.statusCode === 201,
      ),
    ).toHaveLength(1);
    expect(await accountsNamed("svc.race")).toBe(1);
    expect(await creations("svc.race")).toBe(1);
  });

  it("keeps a response 24 hours; then the key is free again", async () => {
    expect((await createServiceAccount("key-day", "svc.day")).statusCode).toBe(201);
    t.clock.advance(23 * 60 * 60 * 1000);
    expect((await createServiceAccount("key-day", "svc.day")).headers["idempotent-replayed"]).toBe("true");
    t.clock.advance(60 * 60 * 1000 + 1);
    // Past its 24 hours the key is claimed afresh: the write runs (and is refused: the account exists).
    const later = await createServiceAccount("key-day", "svc.day");
    expect(later.statusCode).toBe(409);
    expect(later.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("refuses a malformed key, and is not used on reads or by anonymous callers", async () => {
    const bad = await createServiceAccount("has space", "svc.bad");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "invalid-idempotency-key", errors: [{ path: "Idempotency-Key" }] });
    expect((await createServiceAccount("x".repeat(256), "svc.bad")).statusCode).toBe(400);
    const sysadmin = await t.login("sysadmin");
    const read = await sysadmin.request({ method: "GET", url: "/api/accounts", headers: { "idempotency-key": "r" } });
    expect(read.statusCode).toBe(200);
    const login = () =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "officer", password: "Demo@2025" },
        headers: { "idempotency-key": "anonymous" },
      });
    expect((await login()).statusCode).toBe(200);
    expect((await login()).headers["idempotent-replayed"]).toBeUndefined();
    expect(await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "anonymous"))).toEqual([]);
  });

  it("works for a service account's token as for a session", async () => {
    const { token } = await serviceAccountToken(t, { username: "svc.idem" });
    const markRead = (payload: object) =>
      t.app.inject({
        method: "POST",
        url: "/api/notifications/read-all",
        payload,
        headers: { ...bearer(token), "idempotency-key": "token-key" },
      });
    const first = await markRead({});
    expect(first.statusCode).toBe(200);
    const again = await markRead({});
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect((await markRead({ before: "2026-01-01" })).statusCode).toBe(422);
  });
});
