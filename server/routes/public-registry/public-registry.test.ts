import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BaseCountries } from "../../../contracts/registry";
import { bases } from "../../db/schema";
import { unitIdByName } from "../../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

type Listed = { items: Array<{ name: string; unit: string }>; total: number };
const names = (body: Listed) => body.items.map((item) => item.name).sort();

describe.each(databaseKinds())("public registry on %s", (kind) => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.database.db.delete(bases); // the demo's registry: these tests count their own rows
    const base = async (
      key: string,
      unitName: string,
      values: {
        name: string;
        type: string;
        field: string;
        status?: string;
        countries?: BaseCountries;
        recognizedOn?: string;
      },
    ) => {
      ids[key] = randomUUID();
      await t.database.db.insert(bases).values({
        id: ids[key]!,
        standardName: values.name,
        unitId: await unitIdByName(t.database.db, unitName),
        type: values.type,
        field: values.field,
        directorPersonId: randomUUID(),
        directorName: "张明",
        countries: values.countries ?? { key: ["DE"], main: [], radiating: [] },
        recognizedOn: values.recognizedOn ?? "2024-12-01",
        documentNumber: "鄂科技函〔2024〕8号",
        origin: "provincial-2022",
        edition: "2022",
        status: values.status ?? "active",
        createdAt: t.clock.now(),
      });
    };
    // 华中科技大学 is registered in 洪山区 (420111): its prefecture is 武汉 (420100).
    await base("hust", "华中科技大学", {
      name: "湖北省光电子信息国际科技合作基地（联合研究）",
      type: "joint-research",
      field: "光电子信息",
      countries: { key: ["DE", "FR"], main: ["US"], radiating: ["PK"] },
      recognizedOn: "2025-12-20",
    });
    await base("yichang", "宜昌三峡新材料股份有限公司", {
      name: "湖北省新材料国际科技合作基地（技术转移）",
      type: "technology-transfer",
      field: "新材料",
      status: "rectifying",
      countries: { key: ["RS"], main: ["DE"], radiating: [] },
    });
    await base("revoked", "武汉光谷激光科技有限公司", {
      name: "湖北省高端装备国际科技合作基地（特色）",
      type: "characteristic",
      field: "高端装备",
      status: "revoked",
    });
  });
  afterAll(() => t.close());

  it("lists running bases without a session, newest first, with open data only", async () => {
    const response = await t.anonymous.get("/api/public/bases");
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-ratelimit-limit"]).toBeDefined();
    const body = response.json();
    expect(body.total).toBe(2); // the revoked base is not public
    expect(body.items[0]).toMatchObject({
      name: "湖北省光电子信息国际科技合作基地（联合研究）",
      type: "joint-research",
      typeZh: "联合研究类",
      unit: "华中科技大学",
      field: "光电子信息",
      fieldEn: "Optoelectronic information",
      division: "420100",
      divisionZh: "武汉市",
      recognizedOn: "2025-12-20",
      documentNumber: "鄂科技函〔2024〕8号",
      director: "张明",
    });
    expect(body.items[0].countries.key.map((c: { nameZh: string }) => c.nameZh)).toEqual(["德国", "法国"]);
    const serialized = JSON.stringify(body);
    expect(serialized).not.toContain("directorPersonId");
    expect(serialized).not.toContain("unitId");
    expect(body.items[1]).toMatchObject({ status: "rectifying", statusZh: "整改中" });
  });

  it("filters by name or unit, type, field, division and any partner country, and pages", async () => {
    const get = async (query: string) => (await t.anonymous.get(`/api/public/bases?${query}`)).json() as Listed;
    expect(names(await get(`q=${encodeURIComponent("三峡")}`))).toEqual(["湖北省新材料国际科技合作基地（技术转移）"]);
    expect(names(await get(`q=${encodeURIComponent("光电子")}`))).toEqual([
      "湖北省光电子信息国际科技合作基地（联合研究）",
    ]);
    expect((await get("q=%25")).total).toBe(0); // "%" is a character, not a wildcard
    expect(names(await get("type=technology-transfer"))).toEqual(["湖北省新材料国际科技合作基地（技术转移）"]);
    expect((await get(`field=${encodeURIComponent("新材料")}`)).total).toBe(1);
    expect(names(await get("division=420100"))).toEqual(["湖北省光电子信息国际科技合作基地（联合研究）"]);
    expect((await get("division=420500")).total).toBe(1);
    expect((await get("division=429004")).total).toBe(0);
    expect((await get("country=de")).total).toBe(2); // key for one, main for the other
    expect((await get("country=PK")).total).toBe(1); // radiating
    expect((await get("country=JP")).total).toBe(0);
    const paged = await get("pageSize=1&page=2");
    expect(paged.total).toBe(2);
    expect(paged.items.map((item) => item.name)).toEqual(["湖北省新材料国际科技合作基地（技术转移）"]);
  });

  it("refuses bad filters naming the field (400) and gives a profile per public base (404 otherwise)", async () => {
    const bad = await t.anonymous.get("/api/public/bases?division=110100&type=x&pageSize=1000");
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["querystring.division", "querystring.pageSize", "querystring.type"]);
    const profile = await t.anonymous.get(`/api/public/bases/${ids.yichang}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ unit: "宜昌三峡新材料股份有限公司", divisionZh: "宜昌市" });
    expect((await t.anonymous.get(`/api/public/bases/${ids.revoked}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/public/bases/${randomUUID()}`)).statusCode).toBe(404);
    const facets = (await t.anonymous.get("/api/public/bases/facets")).json();
    expect(facets.divisions.map((d: { key: string }) => d.key).sort()).toEqual(["420100", "420500"]);
    expect(facets.countries.find((c: { key: string }) => c.key === "DE")).toMatchObject({ labelZh: "德国", count: 2 });
    expect(facets.fields.find((f: { key: string }) => f.key === "新材料")).toMatchObject({ labelEn: "New materials" });
  });
});
