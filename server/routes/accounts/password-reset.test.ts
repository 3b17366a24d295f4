import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../commands/command";
import { resetPasswordFromConsole } from "../../commands/reset-password";
import { accounts, auditLog } from "../../db/schema";
import { demoPassword } from "../../demo/demo-accounts";
import { Refused } from "../../domain/refused";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

describe.each(databaseKinds())("password reset on %s", (kind) => {
  let t: TestApp;
  let sysadmin: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind);
    sysadmin = await t.login("sysadmin");
  });
  afterAll(() => t.close());

  const signIn = (username: string, password: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  const accountId = async (username: string) => {
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.username, username));
    return row!.id;
  };
  const auditOf = (action: string, targetId: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

  it("the system administrator resets a business account: the one-time password signs in once and forces a change", async () => {
    const before = await t.login("rec.yichang");
    const id = await accountId("rec.yichang");
    const reset = await sysadmin.post(`/api/accounts/${id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const { oneTimePassword, username } = reset.json();
    expect(username).toBe("rec.yichang");
    expect(oneTimePassword).toMatch(/^.{12,}$/);

    // The account's sessions end; the old password no longer signs in.
    expect((await before.get("/api/auth/me")).statusCode).toBe(401);
    expect((await signIn("rec.yichang", demoPassword)).statusCode).toBe(401);

    const first = await signIn("rec.yichang", oneTimePassword);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
    const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const headers = { cookie, "x-csrf-token": first.json().csrfToken };
    const blocked = await t.app.inject({ method: "GET", url: "/api/units", headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe("password-change-required");

    // One time: a second sign-in with it is refused as a wrong password.
    expect((await signIn("rec.yichang", oneTimePassword)).statusCode).toBe(401);

    const changed = await t.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers,
      payload: { currentPassword: oneTimePassword, newPassword: "Yi#Chang2027" },
    });
    expect(changed.statusCode).toBe(200);
    const after = await signIn("rec.yichang", "Yi#Chang2027");
    expect(after.statusCode).toBe(200);
    expect(after.json().user.mustChangePassword).toBe(false);
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row?.oneTimePassword).toBeNull();

    const [entry] = await auditOf("account.password-reset", id);
    expect(entry?.outcome).toBe("success");
    expect(entry?.actorName).toBe("系统管理员");
    expect(entry?.changes).toMatchObject({ username: "rec.yichang", by: "system-administrator" });
    expect(JSON.stringify(entry)).not.toContain(oneTimePassword);
  });

  it("unlocks the account it resets", async () => {
    for (let i = 0; i < 5; i += 1) await signIn("rec.donghu", "wrong-password");
    expect((await signIn("rec.donghu", demoPassword)).statusCode).toBe(423);
    const reset = await sysadmin.post(`/api/accounts/${await accountId("rec.donghu")}/reset-password`);
    expect((await signIn("rec.donghu", reset.json().oneTimePassword)).statusCode).toBe(200);
  });

  it("nobody resets an administrator's account in the platform (三员分立), the system administrator's own included", async () => {
    for (const admin of ["secadmin", "auditor", "sysadmin"]) {
      const refused = await sysadmin.post(`/api/accounts/${await accountId(admin)}/reset-password`);
      expect(refused.statusCode, admin).toBe(403);
      expect(refused.json().code).toBe("administrator-account");
    }
    const list = (await sysadmin.get("/api/accounts?pageSize=100")).json().items as Array<{
      username: string;
      abilities: string[];
    }>;
    expect(list.find((a) => a.username === "secadmin")?.abilities).not.toContain("account.reset-password");
    expect(list.find((a) => a.username === "officer")?.abilities).toContain("account.reset-password");
    // The password is unchanged.
    expect((await signIn("secadmin", demoPassword)).statusCode).toBe(200);
  });

  it("only the system administrator resets through /api/accounts; anonymous is 401", async () => {
    const target = await accountId("expert");
    for (const username of ["secadmin", "auditor", "officer", "app.hust"]) {
      const agent = await t.login(username);
      expect((await agent.post(`/api/accounts/${target}/reset-password`)).statusCode, username).toBe(403);
    }
    expect((await t.anonymous.post(`/api/accounts/${target}/reset-password`)).statusCode).toBe(401);
    expect((await sysadmin.post("/api/accounts/no-such-account/reset-password")).statusCode).toBe(404);
  });

  it("a unit administrator resets its own unit's users only", async () => {
    const admin = await t.login("app.wuhan-ent");
    const unitId = (await admin.get("/api/auth/me")).json().jurisdiction.unitId;
    expect(
      (
        await admin.post(`/api/units/${unitId}/accounts`, {
          username: "reset.colleague",
          displayName: "王工",
          initialPassword: "Wang#Gong2026",
        })
      ).statusCode,
    ).toBe(201);
    const colleagueId = await accountId("reset.colleague");
    const colleagues = (await admin.get(`/api/units/${unitId}/accounts`)).json().items as Array<{
      username: string;
      abilities: string[];
    }>;
    expect(colleagues.find((a) => a.username === "reset.colleague")?.abilities).toEqual(["account.reset-password"]);
    expect(colleagues.find((a) => a.username === "app.wuhan-ent")?.abilities).toEqual([]);

    const reset = await admin.post(`/api/units/${unitId}/accounts/${colleagueId}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const login = await signIn("reset.colleague", reset.json().oneTimePassword);
    expect(login.json().user.mustChangePassword).toBe(true);
    const [entry] = await auditOf("account.password-reset", colleagueId);
    expect(entry?.changes).toMatchObject({ by: "unit-administrator" });

    // Another unit's user: not found, through either unit's path.
    const other = await t.login("app.yichang");
    const otherUnit = (await other.get("/api/auth/me")).json().jurisdiction.unitId;
    const otherAdmin = await accountId("app.yichang");
    expect((await admin.post(`/api/units/${unitId}/accounts/${otherAdmin}/reset-password`)).statusCode).toBe(404);
    expect((await admin.post(`/api/units/${otherUnit}/accounts/${otherAdmin}/reset-password`)).statusCode).toBe(404);
    // The other unit's administrator cannot reset this unit's colleague either.
    expect((await other.post(`/api/units/${unitId}/accounts/${colleagueId}/reset-password`)).statusCode).toBe(404);
    // Nor its own password, nor an administrator's through its unit.
    expect(
      (await admin.post(`/api/units/${unitId}/accounts/${await accountId("app.wuhan-ent")}/reset-password`)).statusCode,
    ).toBe(403);
    expect(
      (await admin.post(`/api/units/${unitId}/accounts/${await accountId("sysadmin")}/reset-password`)).statusCode,
    ).toBe(404);
    // A recommender or an officer has no unit-admin path.
    expect(
      (await (await t.login("officer")).post(`/api/units/${unitId}/accounts/${colleagueId}/reset-password`)).statusCode,
    ).toBe(403);
  });

  it("the console resets an administrator's password (npm run -s admin:reset-password), audited as the console", async () => {
    const actor = { ...systemActor, name: "console:operator" };
    const session = await t.login("auditor");
    const reset = await resetPasswordFromConsole(
      { deps: { database: t.database, clock: t.clock, keys: t.config.keys }, actor },
      { username: "auditor" },
    );
    expect(reset.username).toBe("auditor");
    expect((await session.get("/api/auth/me")).statusCode).toBe(401);
    const login = await signIn("auditor", reset.oneTimePassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
    const [entry] = await auditOf("account.password-reset.console", await accountId("auditor"));
    expect(entry).toMatchObject({ actorName: "console:operator", actorId: null, outcome: "success" });
    expect(entry?.changes).toMatchObject({ by: "console" });

    await expect(
      resetPasswordFromConsole(
        { deps: { database: t.database, clock: t.clock, keys: t.config.keys }, actor },
        { username: "nobody-here" },
      ),
    ).rejects.toBeInstanceOf(Refused);
    const refusedEntries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.password-reset.console"), eq(auditLog.outcome, "refused")));
    expect(refusedEntries).toHaveLength(1);
  });
});
