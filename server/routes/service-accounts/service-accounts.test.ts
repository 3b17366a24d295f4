import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sm3 } from "../../crypto/sm";
import { accounts, apiTokens, auditLog } from "../../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { bearer, serviceAccountToken } from "../../test/service-accounts";

describe.each(databaseKinds())("service accounts and API tokens on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const withToken = (token: string, url: string, method: "GET" | "POST" = "GET", payload?: object) =>
    t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

  it("only the system administrator creates service accounts; bad input is a 400 naming the field", async () => {
    for (const username of ["officer", "secadmin", "auditor"]) {
      const agent = await t.login(username);
      const refused = await agent.post("/api/service-accounts", { username: "svc.nope", displayName: "某系统" });
      expect(refused.statusCode, username).toBe(403);
      expect((await agent.get("/api/service-accounts")).statusCode, username).toBe(403);
    }
    expect((await t.anonymous.post("/api/service-accounts", { username: "svc.x", displayName: "x" })).statusCode).toBe(
      401,
    );
    const sysadmin = await t.login("sysadmin");
    const bad = await sysadmin.post("/api/service-accounts", { username: "1", displayName: "" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(["displayName", "username"]);
    expect(
      (await sysadmin.post("/api/service-accounts", { username: "officer", displayName: "重名" })).statusCode,
    ).toBe(409);
  });

  it("a service account waits for the security administrator's approval; its token acts once the role is approved", async () => {
    const { accountId, token } = await serviceAccountToken(t, { username: "svc.portal", approve: false });
    const sysadmin = await t.login("sysadmin");
    const listed = (await sysadmin.get("/api/service-accounts")).json();
    const item = listed.items.find((account: { id: string }) => account.id === accountId);
    expect(item).toMatchObject({ username: "svc.portal", roleStatus: "pending", disabled: false });
    expect(item.tokens).toEqual([expect.objectContaining({ name: "生产环境", status: "live", lastUsedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    // On the accounts page too, marked as a service account; only the integration role can be asked for it.
    const row = (await sysadmin.get("/api/accounts?q=svc.portal")).json().items[0];
    expect(row).toMatchObject({ isService: true, mustChangePassword: false });
    expect(row.abilities).not.toContain("account.reset-password");

    const me = await withToken(token, "/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: "svc.portal" }, roles: [], abilities: [] });
    expect((await withToken(token, "/api/bases")).statusCode).toBe(403);

    const secadmin = await t.login("secadmin");
    const grant = (await secadmin.get("/api/role-grants?status=pending&pageSize=200"))
      .json()
      .items.find((g: { accountId: string }) => g.accountId === accountId);
    expect(grant.role).toBe("integration");
    expect((await secadmin.post(`/api/role-grants/${grant.id}/approve`, {})).statusCode).toBe(200);
    expect((await withToken(token, "/api/auth/me")).json()).toMatchObject({
      roles: ["integration"],
      abilities: expect.arrayContaining(["base.read", "base-feed.read"]),
    });
    expect((await withToken(token, "/api/bases")).statusCode).toBe(200);
  });

  it("the token is shown once and stored only as its SM3 digest; the audit names it by its prefix", async () => {
    const { accountId, tokenId, token } = await serviceAccountToken(t, { username: "svc.stats" });
    expect(token).toMatch(/^gat_[A-Za-z0-9_-]{43}$/);
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(row).toMatchObject({ accountId, tokenHash: sm3(token), prefix: token.slice(0, 8) });
    expect(JSON.stringify(row)).not.toContain(token);
    const issued = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "api-token.issue"), eq(auditLog.targetId, accountId)));
    expect(issued).toHaveLength(1);
    expect(issued[0]!.changes).toMatchObject({ token: tokenId, prefix: token.slice(0, 8), name: "生产环境" });
    expect(JSON.stringify(issued[0])).not.toContain(token);
    // The service account is told, in its own notifications.
    await t.flushOutbox();
    const notices = (await withToken(token, "/api/notifications")).json();
    expect(notices.items.map((notice: { titleZh: string }) => notice.titleZh)).toContainEqual(
      expect.stringContaining(token.slice(0, 8)),
    );
  });

  it("signs in without a cookie and writes without a CSRF token; last use is recorded, not audited per request", async () => {
    const { accountId, tokenId, token } = await serviceAccountToken(t, { username: "svc.most" });
    const auditCount = async () =>
      (await t.database.db.select().from(auditLog).where(eq(auditLog.actorId, accountId))).length;
    const before = await auditCount();
    for (let i = 0; i < 3; i++) expect((await withToken(token, "/api/bases?pageSize=1")).statusCode).toBe(200);
    expect(await auditCount()).toBe(before);
    const [used] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(used?.lastUsedAt?.toISOString()).toBe(t.clock.now().toISOString());
    // A write: no cookie, no x-csrf-token.
    const marked = await withToken(token, "/api/notifications/read-all", "POST", {});
    expect(marked.statusCode).toBe(200);
    // A session still needs its CSRF token on the same route.
    const officer = await t.login("officer");
    const withoutCsrf = await officer.request({
      method: "POST",
      url: "/api/notifications/read-all",
      headers: { "x-csrf-token": "" },
    });
    expect(withoutCsrf.statusCode).toBe(403);
  });

  it("reaches only the routes open to tokens, whatever else its account could do", async () => {
    const { token } = await serviceAccountToken(t, { username: "svc.limits" });
    for (const url of ["/api/applications", "/api/accounts", "/api/audit", "/api/revocations"]) {
      const refused = await withToken(token, url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json(), url).toMatchObject({ code: "token-not-allowed", messageZh: expect.any(String) });
    }
    expect((await withToken(token, "/api/auth/logout", "POST", {})).statusCode).toBe(403);
    expect((await withToken(token, "/api/auth/password", "POST", {})).statusCode).toBe(403);
    // Public routes take a token or none.
    expect((await withToken(token, "/api/public/bases")).statusCode).toBe(200);
  });

  it("an unknown, malformed, revoked or expired token, or a disabled account's, is a 401 in the error shape", async () => {
    const expectInvalid = async (token: string, why: string) => {
      const response = await withToken(token, "/api/bases");
      expect(response.statusCode, why).toBe(401);
      expect(response.json(), why).toEqual({
        code: "invalid-token",
        messageZh: expect.stringContaining("令牌"),
        messageEn: expect.stringContaining("token"),
      });
      expect(response.headers["www-authenticate"], why).toBe('Bearer error="invalid_token"');
    };
    await expectInvalid("gat_unknown", "unknown");
    await expectInvalid("not-a-token", "malformed");
    // A bad token is refused even on a public route: credentials sent are credentials checked.
    expect((await withToken("gat_unknown", "/api/public/bases")).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/bases", headers: { authorization: "Bearer " } })).statusCode,
    ).toBe(401);

    const revoked = await serviceAccountToken(t, { username: "svc.revoked" });
    const sysadmin = await t.login("sysadmin");
    expect((await sysadmin.post(`/api/api-tokens/${revoked.tokenId}/revoke`, {})).statusCode).toBe(200);
    await expectInvalid(revoked.token, "revoked");
    expect((await sysadmin.post(`/api/api-tokens/${revoked.tokenId}/revoke`, {})).statusCode).toBe(409);
    expect((await (await t.login("officer")).post(`/api/api-tokens/${revoked.tokenId}/revoke`, {})).statusCode).toBe(
      403,
    );
    const revocations = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "api-token.revoke"), eq(auditLog.targetId, revoked.accountId)));
    expect(revocations.filter((entry) => entry.outcome === "success")).toHaveLength(1);

    const disabled = await serviceAccountToken(t, { username: "svc.disabled" });
    expect((await sysadmin.post(`/api/accounts/${disabled.accountId}/disable`, {})).statusCode).toBe(200);
    await expectInvalid(disabled.token, "disabled account");
    const refusedIssue = await sysadmin.post(`/api/service-accounts/${disabled.accountId}/tokens`, { name: "再签" });
    expect(refusedIssue.statusCode).toBe(409);
    expect((await sysadmin.post(`/api/accounts/${disabled.accountId}/enable`, {})).statusCode).toBe(200);
    expect((await withToken(disabled.token, "/api/bases")).statusCode).toBe(200);

    const shortLived = await serviceAccountToken(t, { username: "svc.short", expiresInDays: 1 });
    expect((await withToken(shortLived.token, "/api/bases")).statusCode).toBe(200);
    t.clock.advance(24 * 60 * 60 * 1000 + 1);
    await expectInvalid(shortLived.token, "expired");
    const listed = (await (await t.login("sysadmin")).get("/api/service-accounts")).json();
    const statuses = Object.fromEntries(
      listed.items.flatMap((item: { username: string; tokens: Array<{ status: string }> }) =>
        item.tokens.map((token) => [item.username, token.status]),
      ),
    );
    expect(statuses).toMatchObject({ "svc.revoked": "revoked", "svc.short": "expired" });
  });

  it("keeps service accounts and persons apart: no password sign-in or reset, no person's role, no token for a person", async () => {
    const { accountId } = await serviceAccountToken(t, { username: "svc.apart" });
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(row?.isService).toBe(true);
    const login = await t.anonymous.post("/api/auth/login", { username: "svc.apart", password: row!.passwordHash });
    expect(login.statusCode).toBe(401);
    const sysadmin = await t.login("sysadmin");
    const reset = await sysadmin.post(`/api/accounts/${accountId}/reset-password`, {});
    expect(reset.statusCode).toBe(422);
    expect(reset.json().code).toBe("service-account-without-password");
    const officerRole = await sysadmin.post(`/api/accounts/${accountId}/grants`, { role: "officer" });
    expect(officerRole.statusCode).toBe(422);
    expect(officerRole.json().code).toBe("service-account-role");

    const officerId = (await sysadmin.get("/api/accounts?q=officer")).json().items[0].id;
    const integration = await sysadmin.post(`/api/accounts/${officerId}/grants`, { role: "integration" });
    expect(integration.statusCode).toBe(422);
    expect(integration.json().code).toBe("integration-role-for-service-accounts");
    const created = await sysadmin.post("/api/accounts", {
      username: "person.integration",
      displayName: "某人",
      initialPassword: "Some#Person1",
      roles: ["integration"],
    });
    expect(created.statusCode).toBe(422);
    const tokenForPerson = await sysadmin.post(`/api/service-accounts/${officerId}/tokens`, { name: "x" });
    expect(tokenForPerson.statusCode).toBe(404);
    const tooLong = await sysadmin.post(`/api/service-accounts/${accountId}/tokens`, {
      name: "x",
      expiresInDays: 1000,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].path).toBe("expiresInDays");
  });
});

describe("API tokens are rate-limited per token", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", { API_TOKEN_RATE_LIMIT: "3" });
  });
  afterAll(() => t.close());

  it("answers 429 in the error shape after API_TOKEN_RATE_LIMIT requests a minute, each token on its own", async () => {
    const first = await serviceAccountToken(t, { username: "svc.rate1" });
    const second = await serviceAccountToken(t, { username: "svc.rate2" });
    const get = (token: string) => t.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(token) });
    for (let i = 0; i < 3; i++) {
      const allowed = await get(first.token);
      expect(allowed.statusCode).toBe(200);
      expect(allowed.headers["x-ratelimit-limit"]).toBe("3");
      expect(allowed.headers["x-ratelimit-remaining"]).toBe(String(2 - i));
    }
    const limited = await get(first.token);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: "rate-limited", messageZh: expect.any(String) });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await get(second.token)).statusCode).toBe(200);
  });
});
