import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog } from "../../db/schema";
import { demoAccounts } from "../../demo/demo-accounts";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

describe.each(databaseKinds())("auth on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it.each(demoAccounts.map((a) => [a.username, a.roles] as const))(
    "demo account %s signs in with roles %j",
    async (username, roles) => {
      const agent = await t.login(username);
      const me = await agent.get("/api/auth/me");
      expect(me.statusCode).toBe(200);
      expect(me.json().roles).toEqual(roles);
      expect(me.json().user.mustChangePassword).toBe(false);
    },
  );

  it("reports the jurisdiction: a ministry university is both applicant and its own recommender", async () => {
    const me = (await (await t.login("app.hust")).get("/api/auth/me")).json();
    expect(me.roles).toEqual(["applicant", "recommender"]);
    expect(me.jurisdiction.unitId).toBeTruthy();
    expect(me.jurisdiction.recommenderId).toBeTruthy();
    expect(me.abilities).toContain("application.create");
    expect(me.abilities).toContain("application.recommend");
  });

  it("sets an httpOnly SameSite session cookie and a readable CSRF cookie", async () => {
    const response = await t.anonymous.post("/api/auth/login", { username: "officer", password: "Demo@2025" });
    const session = response.cookies.find((c) => c.name === "sid");
    const csrf = response.cookies.find((c) => c.name === "csrf");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value).toBe(response.json().csrfToken);
  });

  it("answers 401 for a wrong password or unknown user, in both languages, and audits it", async () => {
    for (const username of ["officer", "nobody-at-all"]) {
      const response = await t.anonymous.post("/api/auth/login", { username, password: "Wrong#pass1" });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        code: "invalid-credentials",
        messageZh: expect.any(String),
        messageEn: expect.any(String),
      });
    }
    const failures = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "auth.login.failed"));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it("lists every missing field in a 400", async () => {
    const response = await t.anonymous.post("/api/auth/login", {});
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe("invalid-input");
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["password", "username"]);
    expect(body.errors[0].messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("locks an account after 5 failures: the 6th attempt gets 423 even with the right password", async () => {
    const sysadmin = await t.login("sysadmin");
    const created = await sysadmin.post("/api/accounts", {
      username: "lock.test",
      displayName: "锁定测试",
      initialPassword: "Lock#Test2026",
      roles: [],
    });
    expect(created.statusCode).toBe(201);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await t.anonymous.post("/api/auth/login", { username: "lock.test", password: "bad" })).statusCode).toBe(
        401,
      );
    }
    expect((await t.anonymous.post("/api/auth/login", { username: "lock.test", password: "bad" })).statusCode).toBe(
      423,
    );
    const sixth = await t.anonymous.post("/api/auth/login", { username: "lock.test", password: "Lock#Test2026" });
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json().code).toBe("account-locked");
    t.clock.advance(15 * 60_000 + 1_000);
    expect(
      (await t.anonymous.post("/api/auth/login", { username: "lock.test", password: "Lock#Test2026" })).statusCode,
    ).toBe(200);
  });

  it("forces a password change on first login of a created account, enforcing the policy", async () => {
    const sysadmin = await t.login("sysadmin");
    await sysadmin.post("/api/accounts", {
      username: "first.login",
      displayName: "首次登录",
      initialPassword: "First#Login1",
      roles: [],
    });
    const agent = await t.login("first.login", "First#Login1");
    expect((await agent.get("/api/auth/me")).json().user.mustChangePassword).toBe(true);
    const weak = await agent.post("/api/auth/password", { currentPassword: "First#Login1", newPassword: "abcdefgh" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe("newPassword");
    const ok = await agent.post("/api/auth/password", {
      currentPassword: "First#Login1",
      newPassword: "Second#Login2",
    });
    expect(ok.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.username, "first.login"));
    expect(row?.mustChangePassword).toBe(false);
    expect((await t.login("first.login", "Second#Login2")).username).toBe("first.login");
  });

  it("refuses every other route to an account that must still change its initial password", async () => {
    const sysadmin = await t.login("sysadmin");
    await sysadmin.post("/api/accounts", {
      username: "must.change",
      displayName: "须改密码",
      initialPassword: "Must#Change1",
      roles: [],
    });
    const agent = await t.login("must.change", "Must#Change1");
    for (const url of ["/api/accounts", "/api/notifications", "/api/calls"]) {
      const response = await agent.get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json()).toMatchObject({ code: "password-change-required", messageEn: expect.any(String) });
    }
    expect((await agent.get("/api/auth/me")).statusCode).toBe(200);
    const changed = await agent.post("/api/auth/password", {
      currentPassword: "Must#Change1",
      newPassword: "Changed#Now2",
    });
    expect(changed.statusCode).toBe(200);
    // Past the change, the account meets the ordinary checks (it holds no role, so abilities decide).
    const after = await agent.get("/api/accounts");
    expect(after.json().code).toBe("forbidden");
  });

  it("locks the account and ends its sessions after 5 wrong current passwords on a password change", async () => {
    const sysadmin = await t.login("sysadmin");
    await sysadmin.post("/api/accounts", {
      username: "guess.me",
      displayName: "猜密码",
      initialPassword: "Guess#Me2026",
      roles: [],
    });
    const agent = await t.login("guess.me", "Guess#Me2026");
    const other = await t.login("guess.me", "Guess#Me2026");
    const tries = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      tries.push(
        (
          await agent.post("/api/auth/password", {
            currentPassword: `Wrong#${attempt}xx`,
            newPassword: "Next#Pass2026",
          })
        ).statusCode,
      );
    }
    expect(tries).toEqual([400, 400, 400, 400, 423]);
    expect((await agent.get("/api/auth/me")).statusCode).toBe(401);
    expect((await other.get("/api/auth/me")).statusCode).toBe(401);
    const during = await t.anonymous.post("/api/auth/login", { username: "guess.me", password: "Guess#Me2026" });
    expect(during.statusCode).toBe(423);
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "auth.password.locked"));
    expect(entry).toBeDefined();
  });

  it("locks an unknown username like a real one, so 423 does not reveal which usernames exist", async () => {
    const sysadmin = await t.login("sysadmin");
    await sysadmin.post("/api/accounts", {
      username: "real.one",
      displayName: "真实账号",
      initialPassword: "Real#One2026",
      roles: [],
    });
    const codesOf = async (username: string) => {
      const codes = [];
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        codes.push((await t.anonymous.post("/api/auth/login", { username, password: "bad" })).statusCode);
      }
      return codes;
    };
    const real = await codesOf("real.one");
    const unknown = await codesOf("no.such.user");
    expect(real).toEqual([401, 401, 401, 401, 423, 423]);
    expect(unknown).toEqual(real);
    t.clock.advance(15 * 60_000 + 1_000);
    expect((await t.anonymous.post("/api/auth/login", { username: "no.such.user", password: "bad" })).statusCode).toBe(
      401,
    );
  });

  it("refuses a state change without the CSRF token", async () => {
    const agent = await t.login("officer");
    const response = await agent.request({
      method: "POST",
      url: "/api/auth/logout",
      headers: { "x-csrf-token": "forged" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("csrf");
  });

  it("expires a session after 30 idle minutes", async () => {
    const agent = await t.login("auditor");
    t.clock.advance(29 * 60_000);
    expect((await agent.get("/api/auth/me")).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await agent.get("/api/auth/me");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe("session-expired");
  });

  it("answers 401 without a session and ends the session on logout", async () => {
    expect((await t.anonymous.get("/api/auth/me")).statusCode).toBe(401);
    const agent = await t.login("expert");
    expect((await agent.post("/api/auth/logout")).statusCode).toBe(200);
    expect((await agent.get("/api/auth/me")).statusCode).toBe(401);
  });
});

describe("login rate limit", () => {
  it("answers 429 when one IP tries too often", async () => {
    const t = await startTestApp("pglite", { LOGIN_RATE_LIMIT: "3" });
    try {
      const codes = [];
      for (let i = 0; i < 4; i += 1) {
        codes.push((await t.anonymous.post("/api/auth/login", { username: "officer", password: "x" })).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const limited = await t.anonymous.post("/api/auth/login", { username: "officer", password: "x" });
      expect(limited.json()).toMatchObject({ code: "rate-limited", messageZh: expect.any(String) });
    } finally {
      await t.close();
    }
  });
});
