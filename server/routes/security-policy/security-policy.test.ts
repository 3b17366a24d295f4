import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityDefaults } from "../../../policy/security/password-policy";
import { auditLog } from "../../db/schema";
import { demoPassword } from "../../demo/demo-accounts";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const put = (agent: Agent, payload: object) => agent.request({ method: "PUT", url: "/api/security-policy", payload });

describe.each(databaseKinds())("the security policy (安全策略) on %s", (kind) => {
  let t: TestApp;
  let secadmin: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secadmin = await t.login("secadmin");
  });
  afterAll(() => t.close());

  const signIn = (username: string, password: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

  it("is the security administrator's alone; the defaults hold before the first save", async () => {
    const read = await secadmin.get("/api/security-policy");
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ ...securityDefaults, version: 0, updatedByName: null });
    expect(read.json().bounds.idleTimeoutMinutes).toEqual({ min: 5, max: 30 });
    for (const username of ["sysadmin", "auditor", "officer", "app.hust"]) {
      const agent = await t.login(username);
      expect((await agent.get("/api/security-policy")).statusCode, username).toBe(403);
      expect((await put(agent, { ...securityDefaults, version: 0 })).statusCode, username).toBe(403);
    }
    expect((await t.anonymous.get("/api/security-policy")).statusCode).toBe(401);
    // The password rules are public: the registration form shows them.
    expect((await t.anonymous.get("/api/auth/password-rules")).json()).toEqual({
      minPasswordLength: 8,
      requiredCharacterClasses: 3,
    });
  });

  it.each([
    ["idleTimeoutMinutes", 31],
    ["idleTimeoutMinutes", 4],
    ["maxFailedLogins", 2],
    ["maxFailedLogins", 11],
    ["minPasswordLength", 7],
    ["minPasswordLength", 33],
    ["requiredCharacterClasses", 2],
    ["lockoutMinutes", 5],
    ["lockoutMinutes", 12.5],
  ])("refuses %s = %s outside 等保 level 3 (400, the field named)", async (field, value) => {
    const response = await put(secadmin, { ...securityDefaults, version: 0, [field]: value });
    expect(response.statusCode).toBe(400);
    const errors = response.json().errors as Array<{ path: string; messageZh: string; messageEn: string }>;
    expect(errors.map((error) => error.path)).toEqual([field]);
    expect(errors[0]?.messageZh).toContain("等保三级");
  });

  it("saves, audits old → new, and is applied: lockout threshold, password rules and idle timeout", async () => {
    const saved = await put(secadmin, {
      ...securityDefaults,
      maxFailedLogins: 3,
      minPasswordLength: 10,
      idleTimeoutMinutes: 10,
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ maxFailedLogins: 3, version: 1, updatedByName: "安全管理员" });
    // A stale version is refused.
    expect((await put(secadmin, { ...securityDefaults, version: 0 })).statusCode).toBe(409);

    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "security-policy.update"), eq(auditLog.outcome, "success")));
    expect(entry?.changes).toEqual({
      maxFailedLogins: { from: 5, to: 3 },
      minPasswordLength: { from: 8, to: 10 },
      idleTimeoutMinutes: { from: 30, to: 10 },
    });
    expect(entry?.actorName).toBe("安全管理员");

    // Lockout after 3 failures, not 5.
    expect((await signIn("rec.donghu", "wrong-1")).statusCode).toBe(401);
    expect((await signIn("rec.donghu", "wrong-2")).statusCode).toBe(401);
    const third = await signIn("rec.donghu", "wrong-3");
    expect(third.statusCode).toBe(423);
    expect(third.json().messageZh).toContain("15 分钟");
    expect((await signIn("rec.donghu", demoPassword)).statusCode).toBe(423);

    // Password rules: 9 characters no longer suffice.
    expect((await t.anonymous.get("/api/auth/password-rules")).json().minPasswordLength).toBe(10);
    const sysadmin = await t.login("sysadmin");
    const weak = await sysadmin.post("/api/accounts", {
      username: "short.pw",
      displayName: "短密码",
      initialPassword: "Abc#12345",
      roles: ["officer"],
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe("weak-password");
    expect(JSON.stringify(weak.json())).toContain("initialPassword");
    expect(weak.json().messageZh).toContain("至少 10 位");

    // Idle timeout: 10 minutes.
    const officer = await t.login("officer");
    t.clock.advance(9 * 60_000);
    expect((await officer.get("/api/auth/me")).statusCode).toBe(200);
    t.clock.advance(10 * 60_000 + 1_000);
    const expired = await officer.get("/api/auth/me");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe("session-expired");

    // The page shows what was saved.
    const reread = (await (await t.login("secadmin")).get("/api/security-policy")).json();
    expect(reread).toMatchObject({ maxFailedLogins: 3, minPasswordLength: 10, idleTimeoutMinutes: 10, version: 1 });
  });
});
