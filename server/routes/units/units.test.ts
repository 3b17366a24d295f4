import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, roleGrants, units } from "../../db/schema";
import { demoApplicants } from "../../demo/demo-applicants";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

/** The demo round's other applicants (server/demo/demo-applicants.ts: one application per unit per call). */
const applicantsUnder = (recommender: string) =>
  demoApplicants.filter((spec) => spec.recommender === recommender).map((spec) => spec.name);
const donghuApplicants = applicantsUnder("420100-DH");

const names = (body: { items: Array<{ name: string }> }) => body.items.map((u) => u.name).sort();

describe.each(databaseKinds())("units and jurisdictions on %s", (kind) => {
  let t: TestApp;
  let unitId: (name: string) => Promise<string>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    unitId = async (name) => {
      const [row] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.name, name));
      return row!.id;
    };
  });
  afterAll(() => t.close());

  it("a 宜昌 recommender lists only 宜昌 units and cannot load a 武汉 unit", async () => {
    const yichang = await t.login("rec.yichang");
    const list = await yichang.get("/api/units?pageSize=100");
    expect(list.statusCode).toBe(200);
    expect(names(list.json())).toEqual(["宜昌三峡新材料股份有限公司", ...applicantsUnder("420500")].sort());
    for (const wuhanUnit of ["武汉光谷激光科技有限公司", "武汉长江生物医药研究院", "华中科技大学"]) {
      expect((await yichang.get(`/api/units/${await unitId(wuhanUnit)}`)).statusCode).toBe(404);
    }
    expect((await yichang.get("/api/people?pageSize=100")).json().items.map((p: { name: string }) => p.name)).toEqual(
      [
        "赵峡",
        ...demoApplicants.filter((spec) => spec.recommender === "420500").map((spec) => spec.director.name),
      ].sort(),
    );
  });

  it("the 武汉 bureau sees its sub-tree (东湖 zone) but not a directly recommending ministry university", async () => {
    const wuhan = await t.login("rec.wuhan");
    expect(names((await wuhan.get("/api/units?pageSize=100")).json())).toEqual(
      [
        "武汉东湖国际技术转移中心有限公司", // the demo's MOST base (load-base-life-demo.ts)
        "武汉光谷激光科技有限公司",
        ...donghuApplicants,
        "武汉某咨询服务有限公司",
        "武汉智能网联汽车研究院有限公司",
        "武汉长江生物医药研究院",
      ].sort(),
    );
    const donghu = await t.login("rec.donghu");
    expect(names((await donghu.get("/api/units?pageSize=100")).json())).toEqual(
      ["武汉光谷激光科技有限公司", ...donghuApplicants].sort(),
    );
  });

  it("an applicant loads its own unit and nothing else", async () => {
    const applicant = await t.login("app.wuhan-ent");
    const own = await applicant.get(`/api/units/${await unitId("武汉光谷激光科技有限公司")}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().contactPhone).toBe("138****4567");
    expect(own.json().abilities).toContain("unit.read");
    expect(own.json().abilities).not.toContain("unit.confirm");
    expect((await applicant.get(`/api/units/${await unitId("宜昌三峡新材料股份有限公司")}`)).statusCode).toBe(404);
    expect(names((await applicant.get("/api/units")).json())).toEqual(["武汉光谷激光科技有限公司"]);
  });

  it("the 三员 read no unit (403) and anonymous callers are 401", async () => {
    for (const username of ["sysadmin", "secadmin", "auditor"]) {
      const response = await (await t.login(username)).get("/api/units");
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe("forbidden");
    }
    expect((await t.anonymous.get("/api/units")).statusCode).toBe(401);
  });

  it("a recommender confirms a pending registration in its jurisdiction: unit confirmed, grant approved, audited, notified", async () => {
    const id = await unitId("武汉智能网联汽车研究院有限公司");
    expect((await (await t.login("rec.yichang")).post(`/api/units/${id}/confirm`, {})).statusCode).toBe(404);
    expect((await (await t.login("app.wuhan-ent")).post(`/api/units/${id}/confirm`, {})).statusCode).toBe(403);
    expect((await (await t.login("zhilian.admin")).get("/api/auth/me")).json().roles).toEqual([]);

    const wuhan = await t.login("rec.wuhan");
    const listed = (await wuhan.get("/api/units?status=pending")).json();
    expect(listed.items.find((u: { id: string }) => u.id === id)?.abilities).toContain("unit.confirm");
    const confirmed = await wuhan.post(`/api/units/${id}/confirm`, { reason: "材料齐全" });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe("confirmed");

    const [row] = await t.database.db.select().from(units).where(eq(units.id, id));
    expect(row?.status).toBe("confirmed");
    const [admin] = await t.database.db.select().from(accounts).where(eq(accounts.username, "zhilian.admin"));
    const [grant] = await t.database.db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.accountId, admin!.id), eq(roleGrants.role, "applicant")));
    expect(grant?.status).toBe("approved");
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "unit.confirm"), eq(auditLog.targetId, id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.actorName).toBe("武汉市科技局");

    expect(await t.flushOutbox()).toBeGreaterThan(0);
    const adminAgent = await t.login("zhilian.admin");
    expect((await adminAgent.get("/api/auth/me")).json().roles).toEqual(["applicant"]);
    const inbox = (await adminAgent.get("/api/notifications")).json();
    expect(inbox.items.map((n: { titleZh: string }) => n.titleZh)).toContain(
      "单位注册已确认：武汉智能网联汽车研究院有限公司",
    );

    const again = await wuhan.post(`/api/units/${id}/confirm`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("invalid-transition");
  });

  it("a refused action is audited as refused", async () => {
    const id = await unitId("宜昌三峡新材料股份有限公司");
    await (await t.login("auditor")).get(`/api/units/${id}`);
    const refused = await t.database.db.select().from(auditLog).where(eq(auditLog.outcome, "refused"));
    expect(refused.some((entry) => entry.actorName === "审计管理员" && entry.action.includes("/api/units/:id"))).toBe(
      true,
    );
  });

  it("officer edits a unit with optimistic locking: a stale version gets 409 and nothing is written", async () => {
    const officer = await t.login("officer");
    const id = await unitId("宜昌三峡新材料股份有限公司");
    const current = (await officer.get(`/api/units/${id}`)).json();
    const saved = await officer.patch(`/api/units/${id}`, { address: "湖北省宜昌市夷陵区", version: current.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(current.version + 1);
    const stale = await officer.patch(`/api/units/${id}`, { address: "覆盖", version: current.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("stale-version");
    const [row] = await t.database.db.select().from(units).where(eq(units.id, id));
    expect(row?.address).toBe("湖北省宜昌市夷陵区");
  });

  it("officer creation validates every field and the USCC check digit", async () => {
    const officer = await t.login("officer");
    const bad = await officer.post("/api/units", {
      name: "",
      uscc: "123",
      type: "bank",
      divisionCode: "42",
      recommenderId: "",
      legalRepresentative: "",
      contactName: "",
      contactPhone: "x",
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(["name", "uscc", "type", "divisionCode", "recommenderId", "contactPhone"]),
    );

    const recommenders = (await officer.get("/api/recommenders")).json();
    const yichang = recommenders.find((r: { code: string }) => r.code === "420500");
    const base = {
      name: "宜昌测试单位",
      type: "enterprise",
      divisionCode: "420500",
      recommenderId: yichang.id,
      legalRepresentative: "甲",
      contactName: "乙",
      contactPhone: "13800000000",
    };
    const malformed = await officer.post("/api/units", { ...base, uscc: "91350100M000100I43" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe("uscc");
    const mismatch = await officer.post("/api/units", { ...base, uscc: "91350100M000100Y44" });
    expect(mismatch.statusCode).toBe(201);
    expect(mismatch.json().usccCheck).toBe("checksum-mismatch");
    expect(mismatch.json().usccConfirmed).toBe(false);
    const confirmed = await officer.post(`/api/units/${mismatch.json().id}/confirm-uscc`, {
      reason: "早期代码，经核对营业执照无误",
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await officer.get(`/api/units/${mismatch.json().id}`)).json().usccConfirmed).toBe(true);
    const duplicate = await officer.post("/api/units", { ...base, uscc: "91350100M000100Y44" });
    expect(duplicate.statusCode).toBe(409);
  });

  it("an officer's create and edit keep the division real and within the recommender's territory (Art. 7.1, 17)", async () => {
    const officer = await t.login("officer");
    const recommenders = (await officer.get("/api/recommenders")).json();
    const codeOf = (code: string) => recommenders.find((r: { code: string }) => r.code === code).id;
    const base = {
      name: "宜昌辖区测试单位",
      uscc: "91420500MA4X7Y8W9C",
      type: "enterprise",
      divisionCode: "110101",
      recommenderId: codeOf("420500"),
      legalRepresentative: "甲",
      contactName: "乙",
      contactPhone: "13800000000",
    };
    const outside = await officer.post("/api/units", base);
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: "unknown-division", errors: [{ path: "divisionCode" }] });
    expect((await t.database.db.select().from(units).where(eq(units.name, base.name))).length).toBe(0);

    const id = await unitId("宜昌三峡新材料股份有限公司");
    const current = (await officer.get(`/api/units/${id}`)).json();
    for (const [update, code, path] of [
      [{ divisionCode: "999999" }, "unknown-division", "divisionCode"],
      [{ divisionCode: "420106" }, "division-outside-jurisdiction", "divisionCode"],
      [{ recommenderId: codeOf("420100") }, "division-outside-jurisdiction", "recommenderId"],
    ] as const) {
      const refused = await officer.patch(`/api/units/${id}`, { ...update, version: current.version });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code, errors: [{ path }] });
    }
    const [unchanged] = await t.database.db.select().from(units).where(eq(units.id, id));
    expect(unchanged).toMatchObject({ divisionCode: current.divisionCode, version: current.version });

    const county = await officer.patch(`/api/units/${id}`, { divisionCode: "420502", version: current.version });
    expect(county.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(units).where(eq(units.id, id));
    expect(row?.divisionCode).toBe("420502");
  });
});
