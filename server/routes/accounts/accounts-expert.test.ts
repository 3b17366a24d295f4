import { and, eq, isNotNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, experts, reviewAssignments, roleGrants } from "../../db/schema";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

/** 关联专家库人员: an expert the officer adds to the pool gets a login that reaches the expert portal. */
describe.each(databaseKinds())("expert accounts linked to the expert pool on %s", (kind) => {
  let t: TestApp;
  let sysadmin: Agent;
  let officer: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind);
    sysadmin = await t.login("sysadmin");
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  const addExpert = async (name: string, idNumber: string) => {
    const created = await officer.post("/api/experts", {
      name,
      title: "senior",
      fields: ["人工智能"],
      unitName: "武汉大学",
      phone: "13900002222",
      idNumber,
    });
    expect(created.statusCode).toBe(201);
    return created.json() as { id: string; personId: string };
  };
  const errorPaths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  const linkedExpert = async () => {
    const [row] = await t.database.db.select().from(experts).where(isNotNull(experts.accountId)).limit(1);
    return row!;
  };

  it("creates an expert account bound to its pool record; once approved it logs in and sees its assignments", async () => {
    const expert = await addExpert("钱学敏", "420106197001011234");
    expect((await officer.get(`/api/experts/${expert.id}`)).json()).toMatchObject({
      hasAccount: false,
      accountUsername: null,
    });

    const created = await sysadmin.post("/api/accounts", {
      username: "qian.xuemin",
      displayName: "钱学敏",
      initialPassword: "Qian#Review26",
      roles: ["expert"],
      expertId: expert.id,
    });
    expect(created.statusCode).toBe(201);
    const accountId = created.json().id as string;
    const [row] = await t.database.db.select().from(experts).where(eq(experts.id, expert.id));
    expect(row?.accountId).toBe(accountId);
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account?.personId).toBe(expert.personId);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.create"), eq(auditLog.targetId, accountId)));
    expect(entry?.changes).toMatchObject({ expertId: expert.id, expertName: "钱学敏", requestedRoles: ["expert"] });

    // The officer's drawer names the login; the sysadmin's list names the expert.
    expect((await officer.get(`/api/experts/${expert.id}`)).json()).toMatchObject({
      hasAccount: true,
      accountUsername: "qian.xuemin",
    });
    const listed = (await sysadmin.get("/api/accounts?q=qian.xuemin")).json().items[0];
    expect(listed.expert).toEqual({ id: expert.id, name: "钱学敏" });
    expect(listed.abilities).toContain("account.create");

    // Until the security administrator approves the role, the portal is closed.
    const before = await t.login("qian.xuemin", "Qian#Review26");
    expect((await before.get("/api/auth/me")).json().user.mustChangePassword).toBe(true);
    expect((await before.get("/api/reviews/assignments")).statusCode).toBe(403);
    const [grant] = await t.database.db.select().from(roleGrants).where(eq(roleGrants.accountId, accountId));
    const secadmin = await t.login("secadmin");
    expect(
      (await secadmin.post(`/api/role-grants/${grant!.id}/approve`, { reason: "专家库新入库专家" })).statusCode,
    ).toBe(200);

    // First sign-in: change the initial password, then reach the portal.
    const first = await t.login("qian.xuemin", "Qian#Review26");
    expect(
      (await first.post("/api/auth/password", { currentPassword: "Qian#Review26", newPassword: "Qian#Scores2026" }))
        .statusCode,
    ).toBe(200);
    const portal = await t.login("qian.xuemin", "Qian#Scores2026");
    expect((await portal.get("/api/auth/me")).json()).toMatchObject({
      roles: ["expert"],
      user: { mustChangePassword: false },
    });
    const empty = await portal.get("/api/reviews/assignments");
    expect(empty.statusCode).toBe(200);
    expect(empty.json().items).toEqual([]);

    // The portal finds work through the link: a seat given to this expert shows up for this login.
    const [seat] = await t.database.db.select().from(reviewAssignments).limit(1);
    await t.database.db
      .update(reviewAssignments)
      .set({ expertId: expert.id })
      .where(eq(reviewAssignments.id, seat!.id));
    const mine = (await portal.get("/api/reviews/assignments")).json().items;
    expect(mine.map((item: { id: string }) => item.id)).toEqual([seat!.id]);
  });

  it("refuses an expert who already has an account (409), the expert role without an expert, an expert without the role (400)", async () => {
    const taken = await linkedExpert();
    const conflict = await sysadmin.post("/api/accounts", {
      username: "second.login",
      displayName: "重复账号",
      initialPassword: "Second#Login26",
      roles: ["expert"],
      expertId: taken.id,
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe("expert-has-account");
    expect(errorPaths(conflict.json())).toEqual(["expertId"]);
    expect((await t.database.db.select().from(accounts).where(eq(accounts.username, "second.login"))).length).toBe(0);

    const missing = await sysadmin.post("/api/accounts", {
      username: "no.expert",
      displayName: "未关联",
      initialPassword: "NoExpert#2026",
      roles: ["expert"],
    });
    expect(missing.statusCode).toBe(400);
    expect(errorPaths(missing.json())).toEqual(["expertId"]);
    expect(missing.json().errors[0]).toMatchObject({
      messageZh: "请选择关联的专家库人员",
      messageEn: "Choose the expert from the pool",
    });

    const free = await addExpert("孙立", "420106197202021234");
    const stray = await sysadmin.post("/api/accounts", {
      username: "stray.link",
      displayName: "孙立",
      initialPassword: "Stray#Link2026",
      roles: ["officer"],
      expertId: free.id,
    });
    expect(stray.statusCode).toBe(400);
    expect(errorPaths(stray.json())).toEqual(["expertId"]);

    const unknown = await sysadmin.post("/api/accounts", {
      username: "ghost.link",
      displayName: "无此人",
      initialPassword: "Ghost#Link2026",
      roles: ["expert"],
      expertId: "no-such-expert",
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorPaths(unknown.json())).toEqual(["expertId"]);
    const [row] = await t.database.db.select().from(experts).where(eq(experts.id, free.id));
    expect(row?.accountId).toBeNull();
  });

  it("lists only experts without an account, without phones or ID numbers, to the system administrator only", async () => {
    const free = await addExpert("周敏", "420106197303031234");
    const options = (await sysadmin.get(`/api/accounts/expert-options?q=${encodeURIComponent("周敏")}`)).json();
    expect(options).toEqual([
      {
        id: free.id,
        name: "周敏",
        unitName: "武汉大学",
        titleZh: "正高级",
        titleEn: "Full senior",
        fields: ["人工智能"],
        status: "active",
      },
    ]);
    const all = (await sysadmin.get("/api/accounts/expert-options")).json() as { id: string }[];
    const linked = await t.database.db.select({ id: experts.id }).from(experts).where(isNotNull(experts.accountId));
    expect(linked.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((option) => linked.some((row) => row.id === option.id))).toEqual([]);

    for (const username of ["officer", "app.hust", "expert", "secadmin"]) {
      const agent = await t.login(username);
      expect((await agent.get("/api/accounts/expert-options")).statusCode, username).toBe(403);
      expect((await agent.post("/api/accounts/x/expert", { expertId: free.id })).statusCode, username).toBe(403);
    }
    expect((await t.anonymous.get("/api/accounts/expert-options")).statusCode).toBe(401);
  });

  it("links and re-links an existing account holding or requesting the expert role, audited", async () => {
    const first = await addExpert("吴刚", "420106197404041234");
    const second = await addExpert("郑华", "420106197505051234");
    const created = await sysadmin.post("/api/accounts", {
      username: "wu.gang",
      displayName: "吴刚",
      initialPassword: "WuGang#2026x",
      roles: [],
    });
    const accountId = created.json().id as string;

    // No expert role held or requested: nothing to link, and no 关联专家 action on the row.
    const early = await sysadmin.post(`/api/accounts/${accountId}/expert`, { expertId: first.id });
    expect(early.statusCode).toBe(400);
    expect(errorPaths(early.json())).toEqual(["expertId"]);
    expect((await sysadmin.get("/api/accounts?q=wu.gang")).json().items[0].abilities).not.toContain("account.create");

    expect((await sysadmin.post(`/api/accounts/${accountId}/grants`, { role: "expert" })).statusCode).toBe(201);
    expect((await sysadmin.post(`/api/accounts/${accountId}/expert`, {})).statusCode).toBe(400);
    expect((await sysadmin.post("/api/accounts/no-such-account/expert", { expertId: first.id })).statusCode).toBe(404);
    expect((await sysadmin.post(`/api/accounts/${accountId}/expert`, { expertId: first.id })).statusCode).toBe(200);
    expect((await t.database.db.select().from(experts).where(eq(experts.id, first.id)))[0]?.accountId).toBe(accountId);

    // Re-link: the account now signs in for the second expert; the first is released.
    expect((await sysadmin.post(`/api/accounts/${accountId}/expert`, { expertId: second.id })).statusCode).toBe(200);
    const rows = await t.database.db.select().from(experts).where(eq(experts.accountId, accountId));
    expect(rows.map((row) => row.id)).toEqual([second.id]);
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account?.personId).toBe(second.personId);
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.link-expert"), eq(auditLog.targetId, accountId)))
      .orderBy(auditLog.seq);
    expect(entries.map((entry) => [entry.outcome, entry.changes])).toEqual([
      ["refused", null],
      ["success", { expertId: first.id, expertName: "吴刚", previousExpertIds: [] }],
      ["success", { expertId: second.id, expertName: "郑华", previousExpertIds: [first.id] }],
    ]);

    // An expert linked to another account is refused, and the link stays as it was.
    const [taken] = await t.database.db
      .select()
      .from(experts)
      .where(and(isNotNull(experts.accountId), ne(experts.accountId, accountId)))
      .limit(1);
    const conflict = await sysadmin.post(`/api/accounts/${accountId}/expert`, { expertId: taken!.id });
    expect(conflict.statusCode).toBe(409);
    expect(errorPaths(conflict.json())).toEqual(["expertId"]);
    expect((await t.database.db.select().from(experts).where(eq(experts.id, taken!.id)))[0]?.accountId).toBe(
      taken!.accountId,
    );
    expect((await t.database.db.select().from(experts).where(eq(experts.id, second.id)))[0]?.accountId).toBe(accountId);
  });
});
