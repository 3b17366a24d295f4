import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, roleGrants } from "../../db/schema";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

interface Row {
  id: string;
  username: string;
  abilities: string[];
  requestableRoles?: string[];
  grants: Array<{ id: string; role: string; status: string; revokes?: string | null; revocable?: boolean }>;
}

/**
 * 三员分立 (issue 10, item 5): the outside probe's steps, each refused now, and a role revoked in two steps.
 * policy/access/separation.ts holds the rules; these drive them through the API on both databases.
 */
describe.each(databaseKinds())("三员 separation on %s", (kind) => {
  let t: TestApp;
  let sysadmin: Agent;
  let secadmin: Agent;
  const ids = new Map<string, string>();
  const idOf = async (username: string) => {
    const known = ids.get(username);
    if (known) return known;
    const [row] = await t.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    ids.set(username, row!.id);
    return row!.id;
  };
  const rowOf = async (agent: Agent, username: string): Promise<Row> => {
    const items: Row[] = (await agent.get(`/api/accounts?q=${username}`)).json().items;
    return items.find((item) => item.username === username)!;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    sysadmin = await t.login("sysadmin");
    secadmin = await t.login("secadmin");
  });
  afterAll(() => t.close());

  it("probe: the system administrator cannot disable (nor enable, unlock) the auditor or the security administrator", async () => {
    for (const target of ["auditor", "secadmin"]) {
      const id = await idOf(target);
      for (const action of ["disable", "enable", "unlock"]) {
        const refused = await sysadmin.post(`/api/accounts/${id}/${action}`);
        expect(refused.statusCode, `${action} ${target}`).toBe(403);
        expect(refused.json().code).toBe("administrator-account");
        expect(refused.json().messageZh).toContain("三员分立");
      }
    }
    // Nothing changed: the auditor still signs in and reads the audit log, and the refusals are in it.
    const auditor = await t.login("auditor");
    const refusals = (await auditor.get("/api/audit?action=account.disable&outcome=refused")).json();
    expect(refusals.total).toBeGreaterThanOrEqual(2);
  });

  it("the security administrator acts on neither the system administrator's nor the auditor's account; the auditor on none", async () => {
    for (const target of ["sysadmin", "auditor"]) {
      const refused = await secadmin.post(`/api/accounts/${await idOf(target)}/unlock`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe("administrator-account");
    }
    const auditor = await t.login("auditor");
    for (const action of ["disable", "unlock"]) {
      expect((await auditor.post(`/api/accounts/${await idOf("officer")}/${action}`)).statusCode).toBe(403);
    }
    // The system administrator neither disables itself nor asks its own role away.
    const own = await sysadmin.post(`/api/accounts/${await idOf("sysadmin")}/disable`);
    expect(own.statusCode).toBe(403);
    const [ownGrant] = await t.database.db
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(eq(roleGrants.accountId, await idOf("sysadmin")));
    const away = await sysadmin.post(`/api/role-grants/${ownGrant!.id}/revoke`, { reason: "离任" });
    expect(away.statusCode).toBe(403);
    expect(away.json().code).toBe("administrator-account");
  });

  it("a locked administrator account is unlocked by nobody in the platform: the lockout ends by itself", async () => {
    for (let i = 0; i < 5; i += 1) await t.anonymous.post("/api/auth/login", { username: "auditor", password: "nope" });
    const locked = await rowOf(sysadmin, "auditor");
    expect(locked.abilities).toEqual([]);
    expect((await secadmin.post(`/api/accounts/${await idOf("auditor")}/unlock`)).statusCode).toBe(403);
    expect((await sysadmin.post(`/api/accounts/${await idOf("auditor")}/unlock`)).statusCode).toBe(403);
    t.clock.advance(16 * 60_000);
    expect((await t.login("auditor")).username).toBe("auditor");
  });

  it("probe: the auditor role for the system administrator's own account is refused at the request (422, 三员分立)", async () => {
    const refused = await sysadmin.post(`/api/accounts/${await idOf("sysadmin")}/grants`, { role: "auditor" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: "administrators-separated" });
    expect(refused.json().messageZh).toContain("三员分立");
    expect(refused.json().messageZh).toContain("系统管理员、审计管理员");
    expect(refused.json().messageEn).toContain("System administrator, Auditor");
    // No role is asked for an administrator's account, nor an administrator role for anyone in the platform.
    const business = await sysadmin.post(`/api/accounts/${await idOf("secadmin")}/grants`, { role: "officer" });
    expect(business.statusCode).toBe(422);
    expect(business.json().code).toBe("administrator-without-business-roles");
    const administrator = await sysadmin.post(`/api/accounts/${await idOf("officer")}/grants`, { role: "auditor" });
    expect(administrator.statusCode).toBe(422);
    expect(administrator.json().code).toBe("administrator-without-business-roles");
  });

  it("probe: a pending auditor grant on the system administrator's account is refused at approval (422), and can be rejected", async () => {
    // A request left from before the rule: the system administrator asked for the auditor role on its own account.
    const sysadminId = await idOf("sysadmin");
    const grantId = randomUUID();
    await t.database.db.insert(roleGrants).values({
      id: grantId,
      accountId: sysadminId,
      role: "auditor",
      status: "pending",
      requestedBy: sysadminId,
      requestedAt: t.clock.now(),
    });
    const refused = await secadmin.post(`/api/role-grants/${grantId}/approve`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("administrators-separated");
    expect(refused.json().messageZh).toContain("三员分立");
    const pending = (await secadmin.get("/api/role-grants?status=pending")).json().items;
    expect(pending.find((g: { id: string }) => g.id === grantId).decisions).toEqual(["reject"]);
    expect((await sysadmin.get("/api/audit")).statusCode).toBe(403);
    expect((await secadmin.post(`/api/role-grants/${grantId}/reject`, { reason: "三员分立" })).statusCode).toBe(200);
    // A decided grant ends the account's sessions (its role set starts clean): sign in again.
    sysadmin = await t.login("sysadmin");
  });

  it("account creation refuses several administrator roles, an administrator role with a business one, and any administrator role", async () => {
    const create = (username: string, roles: string[]) =>
      sysadmin.post("/api/accounts", { username, displayName: "x", initialPassword: "Abc#12345x", roles });
    const two = await create("two.admins", ["sysadmin", "auditor"]);
    expect(two.statusCode).toBe(422);
    expect(two.json()).toMatchObject({ code: "administrators-separated", errors: [{ path: "roles" }] });
    expect((await create("mixed.admin", ["officer", "secadmin"])).json().code).toBe(
      "administrator-without-business-roles",
    );
    const one = await create("one.admin", ["auditor"]);
    expect(one.statusCode).toBe(422);
    expect(one.json().code).toBe("administrator-role-out-of-band");
    expect(
      await t.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, "one.admin")),
    ).toEqual([]);
  });

  it("the accounts list offers per row only what the server allows", async () => {
    for (const username of ["sysadmin", "secadmin", "auditor"]) {
      const row = await rowOf(sysadmin, username);
      expect(row.abilities, username).toEqual([]);
      expect(row.requestableRoles).toEqual([]);
      expect(row.grants.every((grant) => grant.revocable === false)).toBe(true);
    }
    const officer = await rowOf(sysadmin, "officer");
    expect(officer.abilities).toEqual(["account.update", "role-grant.request", "account.reset-password"]);
    expect(officer.requestableRoles).toEqual(["applicant", "recommender", "expert", "evaluator"]);
    expect(officer.grants).toEqual([expect.objectContaining({ role: "officer", revocable: true, revokes: null })]);
    expect((await rowOf(secadmin, "officer")).abilities).toEqual([]);
  });

  it("an approved role is revoked in two steps, audited, and is gone on the account's next request", async () => {
    const created = await sysadmin.post("/api/accounts", {
      username: "leaving.officer",
      displayName: "调离处员",
      initialPassword: "Leav#ing2026",
      roles: ["officer"],
    });
    expect(created.statusCode).toBe(201);
    const accountId = created.json().id;
    const [grant] = await t.database.db.select().from(roleGrants).where(eq(roleGrants.accountId, accountId));
    expect((await secadmin.post(`/api/role-grants/${grant!.id}/approve`, {})).statusCode).toBe(200);
    const officer = await t.login("leaving.officer", "Leav#ing2026");
    const changed = { currentPassword: "Leav#ing2026", newPassword: "Leav#ing2027" };
    expect((await officer.post("/api/auth/password", changed)).statusCode).toBe(200);
    expect((await officer.get("/api/units")).statusCode).toBe(200);

    // Before this change the only way was a decision on the approved grant: 409 grant-decided.
    expect((await secadmin.post(`/api/role-grants/${grant!.id}/reject`, { reason: "调离" })).statusCode).toBe(409);
    expect((await secadmin.post(`/api/role-grants/${grant!.id}/revoke`, { reason: "调离" })).statusCode).toBe(403);
    expect((await sysadmin.post(`/api/role-grants/${grant!.id}/revoke`, {})).statusCode).toBe(400);
    const requested = await sysadmin.post(`/api/role-grants/${grant!.id}/revoke`, { reason: "调离国际合作处" });
    expect(requested.statusCode).toBe(201);
    const revocationId = requested.json().id;
    expect((await sysadmin.post(`/api/role-grants/${grant!.id}/revoke`, { reason: "again" })).json().code).toBe(
      "revocation-pending",
    );

    // Until the security administrator approves, the role holds.
    expect((await officer.get("/api/units")).statusCode).toBe(200);
    const row = await rowOf(sysadmin, "leaving.officer");
    expect(row.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: grant!.id, status: "approved", revocable: false }),
        expect.objectContaining({ id: revocationId, status: "pending", revokes: grant!.id }),
      ]),
    );
    const pending = (await secadmin.get("/api/role-grants?status=pending")).json().items;
    expect(pending.find((g: { id: string }) => g.id === revocationId)).toMatchObject({
      role: "officer",
      revokes: grant!.id,
      reason: "调离国际合作处",
      decisions: ["approve", "reject"],
    });
    expect((await sysadmin.post(`/api/role-grants/${revocationId}/approve`, {})).statusCode).toBe(403);
    expect((await secadmin.post(`/api/role-grants/${revocationId}/approve`, { reason: "同意" })).statusCode).toBe(200);

    // The same session, next request: the role is gone.
    expect((await officer.get("/api/units")).statusCode).toBe(403);
    expect((await officer.get("/api/auth/me")).json().roles).toEqual([]);
    const statuses = await t.database.db
      .select({ id: roleGrants.id, status: roleGrants.status })
      .from(roleGrants)
      .where(eq(roleGrants.accountId, accountId));
    expect(new Map(statuses.map((s) => [s.id, s.status]))).toEqual(
      new Map([
        [grant!.id, "revoked"],
        [revocationId, "revoked"],
      ]),
    );
    expect((await sysadmin.post(`/api/role-grants/${grant!.id}/revoke`, { reason: "again" })).json().code).toBe(
      "grant-not-active",
    );
    const audit = (await (await t.login("auditor")).get("/api/audit?action=role-grant.revoke&pageSize=100"))
      .json()
      .items.map((entry: { action: string; outcome: string }) => `${entry.action}:${entry.outcome}`);
    expect(audit).toEqual(expect.arrayContaining(["role-grant.revoke-request:success", "role-grant.revoke:success"]));
    // The role can be granted again, through the same two steps.
    expect((await sysadmin.post(`/api/accounts/${accountId}/grants`, { role: "officer" })).statusCode).toBe(201);
  });

  it("a rejected revocation leaves the role in effect", async () => {
    const expert = await rowOf(sysadmin, "evaluator");
    const grant = expert.grants.find((g) => g.status === "approved")!;
    const requested = await sysadmin.post(`/api/role-grants/${grant.id}/revoke`, { reason: "核对" });
    expect(requested.statusCode).toBe(201);
    expect(
      (await secadmin.post(`/api/role-grants/${requested.json().id}/reject`, { reason: "仍在受托" })).statusCode,
    ).toBe(200);
    expect((await (await t.login("evaluator")).get("/api/auth/me")).json().roles).toEqual(["evaluator"]);
    expect((await rowOf(sysadmin, "evaluator")).grants.find((g) => g.id === grant.id)?.revocable).toBe(true);
  });
});
