import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleGrants } from "../../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

describe.each(databaseKinds())("accounts and 三员 separation on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("a role takes effect only after the security administrator approves it", async () => {
    const sysadmin = await t.login("sysadmin");
    const created = await sysadmin.post("/api/accounts", {
      username: "new.officer",
      displayName: "新处员",
      initialPassword: "New#Officer1",
      roles: ["officer"],
    });
    expect(created.statusCode).toBe(201);
    const accountId = created.json().id;
    const [grant] = await t.database.db.select().from(roleGrants).where(eq(roleGrants.accountId, accountId));
    expect(grant?.status).toBe("pending");
    expect((await (await t.login("new.officer", "New#Officer1")).get("/api/auth/me")).json().roles).toEqual([]);

    expect((await sysadmin.post(`/api/role-grants/${grant!.id}/approve`, {})).statusCode).toBe(403);
    const secadmin = await t.login("secadmin");
    const pending = (await secadmin.get("/api/role-grants?status=pending")).json();
    expect(pending.items.map((g: { username: string }) => g.username)).toContain("new.officer");
    expect((await secadmin.post(`/api/role-grants/${grant!.id}/approve`, { reason: "处室新进人员" })).statusCode).toBe(
      200,
    );
    expect((await (await t.login("new.officer", "New#Officer1")).get("/api/auth/me")).json().roles).toEqual([
      "officer",
    ]);
    expect((await secadmin.post(`/api/role-grants/${grant!.id}/approve`, {})).statusCode).toBe(409);
  });

  it("the security administrator cannot approve a grant to their own account", async () => {
    const sysadmin = await t.login("sysadmin");
    const accounts = (await sysadmin.get("/api/accounts?q=secadmin")).json().items;
    const secadminId = accounts.find((a: { username: string }) => a.username === "secadmin").id;
    // No role is requested for an administrator's account any more (三员分立, separation.test.ts) …
    const requested = await sysadmin.post(`/api/accounts/${secadminId}/grants`, { role: "officer" });
    expect(requested.statusCode).toBe(422);
    // … and one left from before is still not the security administrator's to decide.
    const grantId = randomUUID();
    await t.database.db.insert(roleGrants).values({
      id: grantId,
      accountId: secadminId,
      role: "officer",
      status: "pending",
      requestedBy: null,
      requestedAt: t.clock.now(),
    });
    const refused = await (await t.login("secadmin")).post(`/api/role-grants/${grantId}/approve`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("separation-of-duties");
  });

  it("account administration is the system administrator's: others get 403", async () => {
    for (const username of ["officer", "auditor", "app.hust", "rec.wuhan"]) {
      const agent = await t.login(username);
      expect((await agent.get("/api/accounts")).statusCode).toBe(403);
      expect(
        (
          await agent.post("/api/accounts", {
            username: "x.y.z1",
            displayName: "x",
            initialPassword: "Abc#12345",
            roles: [],
          })
        ).statusCode,
      ).toBe(403);
    }
    const bad = await (await t.login("sysadmin")).post("/api/accounts", {
      username: "1x",
      displayName: "",
      initialPassword: "short",
      roles: ["king"],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["username", "displayName", "roles.0"]),
    );
  });

  it("a unit administrator adds a colleague who becomes an applicant of that unit only", async () => {
    const admin = await t.login("app.wuhan-ent");
    const unitId = (await admin.get("/api/auth/me")).json().jurisdiction.unitId;
    const added = await admin.post(`/api/units/${unitId}/accounts`, {
      username: "guanggu.li",
      displayName: "李工",
      initialPassword: "Guang#Gu2026",
    });
    expect(added.statusCode).toBe(201);
    const colleague = await t.login("guanggu.li", "Guang#Gu2026");
    const me = (await colleague.get("/api/auth/me")).json();
    expect(me.roles).toEqual(["applicant"]);
    expect(me.jurisdiction.unitId).toBe(unitId);
    expect(
      (await admin.get(`/api/units/${unitId}/accounts`)).json().items.map((a: { username: string }) => a.username),
    ).toContain("guanggu.li");
    // not for another unit, and not for a colleague who is not the unit's administrator
    const otherUnit = (await (await t.login("app.yichang")).get("/api/auth/me")).json().jurisdiction.unitId;
    expect(
      (
        await admin.post(`/api/units/${otherUnit}/accounts`, {
          username: "intruder.a",
          displayName: "x",
          initialPassword: "Intr#uder1",
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await colleague.post(`/api/units/${unitId}/accounts`, {
          username: "second.b",
          displayName: "x",
          initialPassword: "Seco#ndb12",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("lets the system administrator find units by name to attach an account, without reading unit records", async () => {
    const sysadmin = await t.login("sysadmin");
    const options = (await sysadmin.get("/api/accounts/unit-options?q=宜昌三峡")).json();
    expect(options).toEqual([expect.objectContaining({ name: "宜昌三峡新材料股份有限公司" })]);
    expect(Object.keys(options[0]).sort()).toEqual(["id", "name", "uscc"]);
    expect((await (await t.login("officer")).get("/api/accounts/unit-options?q=宜昌")).statusCode).toBe(403);
    expect((await sysadmin.get("/api/auth/me")).json().scopes["account.create"]).toBe("all");
  });

  it("unlocks a locked account", async () => {
    const sysadmin = await t.login("sysadmin");
    await sysadmin.post("/api/accounts", {
      username: "to.unlock",
      displayName: "待解锁",
      initialPassword: "Un#lock2026",
      roles: [],
    });
    for (let i = 0; i < 5; i += 1)
      await t.anonymous.post("/api/auth/login", { username: "to.unlock", password: "nope" });
    expect(
      (await t.anonymous.post("/api/auth/login", { username: "to.unlock", password: "Un#lock2026" })).statusCode,
    ).toBe(423);
    const account = (await sysadmin.get("/api/accounts?q=to.unlock")).json().items[0];
    expect(account.locked).toBe(true);
    // The 工作台's 锁定中的账号 opens /accounts?locked=true: the server filters, either way.
    const usernames = async (query: string) => {
      const page = (await sysadmin.get(`/api/accounts?${query}&pageSize=200`)).json();
      return { total: page.total, items: page.items as Array<{ username: string; locked: boolean }> };
    };
    const locked = await usernames("locked=true");
    expect(locked.items.map((a) => a.username)).toContain("to.unlock");
    expect(locked.items.every((a) => a.locked)).toBe(true);
    expect(locked.total).toBe(locked.items.length);
    const unlocked = await usernames("locked=false");
    expect(unlocked.items.map((a) => a.username)).not.toContain("to.unlock");
    expect(unlocked.items.every((a) => !a.locked)).toBe(true);
    expect(locked.total + unlocked.total).toBe((await usernames("q=")).total);
    expect((await sysadmin.get("/api/accounts?locked=yes")).statusCode).toBe(400);
    expect((await sysadmin.post(`/api/accounts/${account.id}/unlock`)).statusCode).toBe(200);
    expect((await usernames("locked=true")).items.map((a) => a.username)).not.toContain("to.unlock");
    expect((await usernames("locked=false")).items.map((a) => a.username)).toContain("to.unlock");
    expect(
      (await t.anonymous.post("/api/auth/login", { username: "to.unlock", password: "Un#lock2026" })).statusCode,
    ).toBe(200);
  });
});
