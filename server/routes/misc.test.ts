import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";

describe.each(databaseKinds())("health, demo, reference and home on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it("answers /healthz and /readyz with migrations applied", async () => {
    expect((await t.anonymous.get("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await t.anonymous.get("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: "ready", database: kind });
  });

  it("lists demo accounts: one per role, two recommenders of different divisions with applicants under each", async () => {
    const list = (await t.anonymous.get("/api/demo/accounts")).json() as Array<{
      role: string;
      jurisdiction: { division?: string; unitId?: string };
    }>;
    for (const role of [
      "applicant",
      "recommender",
      "officer",
      "expert",
      "evaluator",
      "sysadmin",
      "secadmin",
      "auditor",
    ]) {
      expect(
        list.some((a) => a.role === role),
        role,
      ).toBe(true);
    }
    const divisions = (role: string) =>
      new Set(list.filter((a) => a.role === role).map((a) => a.jurisdiction.division));
    expect([...divisions("recommender")]).toEqual(expect.arrayContaining(["420100", "420500"]));
    expect([...divisions("applicant")]).toEqual(expect.arrayContaining(["420100", "420500"]));
  });

  it("checks the ability before validating the body: 403, not 400", async () => {
    const applicant = await t.login("app.hust");
    expect((await applicant.post("/api/reference/fields", { nameZh: 42 })).statusCode).toBe(403);
    expect((await (await t.login("officer")).post("/api/reference/fields", { nameZh: 42 })).statusCode).toBe(400);
  });

  it("answers a missing asset with 404, not the app page", async () => {
    expect((await t.anonymous.get("/assets/missing-0000.js")).statusCode).toBe(404);
  });

  it("hides unknown API routes behind the error shape", async () => {
    const response = await t.anonymous.get("/api/no-such-thing");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: "not-found",
      messageZh: expect.any(String),
      messageEn: expect.any(String),
    });
  });

  it("serves reference data: divisions, fields and countries with HK/MO/TW as regions of China", async () => {
    const officer = await t.login("officer");
    const bundle = (await officer.get("/api/reference")).json();
    expect(bundle.divisions).toHaveLength(17);
    expect(bundle.fields.map((f: { nameZh: string }) => f.nameZh)).toContain("量子与光子科技");
    const countries = (await officer.get("/api/reference/countries?date=2026-01-01")).json();
    const byCode = Object.fromEntries(countries.map((c: { code: string }) => [c.code, c]));
    expect(byCode.HK).toMatchObject({ nameZh: "中国香港", isChineseRegion: true });
    expect(byCode.TW).toMatchObject({ nameZh: "中国台湾", isChineseRegion: true });
    expect(byCode.DE).toMatchObject({ nameZh: "德国", isChineseRegion: false, isBri: false });
    expect(byCode.KZ.isBri).toBe(true);
    expect(byCode.CN).toBeUndefined();
    expect(
      (await officer.get("/api/reference/countries?date=2010-01-01"))
        .json()
        .find((c: { code: string }) => c.code === "KZ").isBri,
    ).toBe(false);
  });

  it("lets officers edit fields and the Belt and Road list, nobody else", async () => {
    const officer = await t.login("officer");
    expect(
      (await officer.post("/api/reference/fields", { nameZh: "空天信息", nameEn: "Aerospace information" })).statusCode,
    ).toBe(201);
    expect((await officer.post("/api/reference/fields", { nameZh: "空天信息", nameEn: "dup" })).statusCode).toBe(409);
    expect(
      (await (await t.login("rec.wuhan")).post("/api/reference/fields", { nameZh: "越权", nameEn: "x" })).statusCode,
    ).toBe(403);
    const bad = await officer.post("/api/reference/belt-and-road", {
      country: "DE",
      since: "2026-05-01",
      until: "2026-01-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("until");
  });

  it("shows each role real counts on its home page", async () => {
    const cards = async (username: string) =>
      Object.fromEntries(
        (
          (await (await t.login(username)).get("/api/dashboard")).json().cards as Array<{ key: string; value: number }>
        ).map((c) => [c.key, c.value]),
      );
    // A recommender counts the units of its own jurisdiction: exactly the rows its units list holds (the demo has two
    // in 宜昌), never the province's.
    const yichangUnits = (await (await t.login("rec.yichang")).get("/api/units?pageSize=100")).json();
    expect(yichangUnits.total).toBeGreaterThanOrEqual(1);
    expect((await cards("rec.yichang")).units).toBe(yichangUnits.total);
    expect((await cards("rec.yichang")).units).toBeLessThan((await cards("officer")).units ?? 0);
    expect((await cards("rec.wuhan"))["units-pending"]).toBe(1);
    expect((await cards("officer")).units).toBeGreaterThanOrEqual(6);
    const secadmin = await cards("secadmin");
    expect(secadmin.units).toBeUndefined();
    expect(secadmin["grants-pending"]).toBeGreaterThanOrEqual(0);
    expect((await cards("auditor"))["audit-week"]).toBeGreaterThan(0);
  });
});

describe("outside demo mode", () => {
  it("has no demo accounts endpoint", async () => {
    const t = await startTestApp("pglite", { DEMO: "0" });
    try {
      expect((await t.anonymous.get("/api/demo/accounts")).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
