import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BaseEventKind } from "../../../contracts/base-timeline";
import type { BaseDetail, BaseSummary } from "../../../contracts/bases";
import { annualReports, baseEvents, bases, recommenders, units } from "../../db/schema";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

type Page = { items: BaseSummary[]; total: number };

const yichangUnit = "宜昌三峡新材料股份有限公司";
const wuhanUnit = "武汉光谷激光科技有限公司";

describe.each(databaseKinds())("bases on %s", (kind) => {
  let t: TestApp;
  const ids = { recognized: randomUUID(), imported: randomUUID(), revoked: randomUUID() };
  const unitOf: Record<string, { id: string; recommenderId: string }> = {};
  const agents: Record<string, Agent> = {};
  const reports = { own: randomUUID(), moved: randomUUID() };

  const list = async (agent: Agent, query = "") => {
    const response = await agent.get(`/api/bases${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as Page;
  };
  const detail = async (agent: Agent, id: string) => {
    const response = await agent.get(`/api/bases/${id}`);
    expect(response.statusCode).toBe(200);
    return response.json() as BaseDetail;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    for (const name of [yichangUnit, wuhanUnit]) {
      const [unit] = await db.select().from(units).where(eq(units.name, name));
      unitOf[name] = { id: unit!.id, recommenderId: unit!.recommenderId };
    }
    const base = (id: string, unitName: string, values: Partial<typeof bases.$inferInsert>) =>
      db.insert(bases).values({
        id,
        standardName: `湖北省测试${id.slice(0, 6)}国际科技合作基地（联合研究）`,
        unitId: unitOf[unitName]!.id,
        type: "joint-research",
        field: "新材料",
        directorName: "宜新",
        countries: { key: ["AT"], main: ["DE", "HK"], radiating: ["RS"] },
        recognizedOn: "2025-12-20",
        documentNumber: "鄂科技函〔2025〕3号",
        origin: "provincial-2025",
        edition: "2025",
        status: "active",
        createdAt: new Date("2025-12-20T08:00:00Z"),
        ...values,
      });
    // Recognized on the platform (宜昌), imported from the 2022 registry (光谷激光, in rectification), and revoked.
    await base(ids.recognized, yichangUnit, { standardName: "湖北省三峡测试新材料国际科技合作基地（联合研究）" });
    await base(ids.imported, wuhanUnit, {
      type: "technology-transfer",
      recognizedOn: "2023-11-30",
      documentNumber: "鄂科技函〔2023〕18号",
      origin: "provincial-2022",
      edition: "2022",
      status: "rectifying",
    });
    await base(ids.revoked, wuhanUnit, { status: "revoked", origin: "provincial-2016", edition: "2016" });

    // Stored timeline entries, inserted out of order: the page shows them by date, then by time within a day.
    const event = (kind: BaseEventKind, on: string, at: string, data = {}) =>
      db.insert(baseEvents).values({
        id: randomUUID(),
        baseId: ids.recognized,
        kind,
        on,
        actorName: "三峡新材 科技部",
        data,
        at: new Date(at),
      });
    await event("report-returned", "2026-03-08", "2026-03-08T09:00:00Z", { year: 2025, reason: "请补充合作协议" });
    await event("plan-filed", "2026-01-15", "2026-01-15T02:00:00Z", { year: 2026 });
    await event("report-unit-approved", "2026-03-05", "2026-03-05T07:00:00Z", { year: 2025 });
    await event("report-submitted", "2026-03-05", "2026-03-05T03:00:00Z", { year: 2025 });

    // Two reports of the recognized base: this year's in the unit's jurisdiction, an earlier one filed while the
    // base was held by another recommender (annual_reports keeps the recommender of its round).
    const [wuhanBureau] = await db.select().from(recommenders).where(eq(recommenders.code, "420100"));
    const report = (id: string, year: number, recommenderId: string, state: "unit-review" | "graded") =>
      db.insert(annualReports).values({
        id,
        roundId: randomUUID(),
        baseId: ids.recognized,
        unitId: unitOf[yichangUnit]!.id,
        recommenderId,
        year,
        state,
        updatedAt: new Date(),
        createdAt: new Date(),
      });
    await report(reports.own, 2025, unitOf[yichangUnit]!.recommenderId, "unit-review");
    await report(reports.moved, 2024, wuhanBureau!.id, "graded");

    for (const username of ["officer", "rec.wuhan", "rec.yichang", "app.hust", "app.wuhan-ent", "app.yichang"]) {
      agents[username] = await t.login(username);
    }
  });
  afterAll(() => t.close());

  it("refuses without a session (401) and without base.read (403)", async () => {
    expect((await t.anonymous.get("/api/bases")).statusCode).toBe(401);
    expect((await t.anonymous.get(`/api/bases/${ids.recognized}`)).statusCode).toBe(401);
    const sysadmin = await t.login("sysadmin");
    const refused = await sysadmin.get("/api/bases");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("forbidden");
    expect((await sysadmin.get(`/api/bases/${ids.recognized}`)).statusCode).toBe(403);
  });

  it("shows the department every base, newest recognition first, with labels", async () => {
    const page = await list(agents.officer!, "?pageSize=200");
    const listed = page.items.map((item) => item.id);
    expect(listed).toEqual(expect.arrayContaining(Object.values(ids)));
    expect(page.total).toBe(page.items.length);
    const dates = page.items.map((item) => item.recognizedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.items.find((item) => item.id === ids.imported)).toMatchObject({
      unitName: wuhanUnit,
      type: "technology-transfer",
      typeZh: "技术转移类",
      status: "rectifying",
      statusZh: "整改中",
      recognizedOn: "2023-11-30",
      documentNumber: "鄂科技函〔2023〕18号",
    });
    // The demo's registry is there too: earlier bases imported and the one recognized in the demo round.
    expect(page.total).toBeGreaterThan(Object.keys(ids).length);
  });

  it("reuses a page between requests only for callers who may see the same rows", async () => {
    // The same query, asked in turn with no write between (lists reuse reads until a commit: db/read-cache.ts).
    const query = "?pageSize=200&sort=recognizedOn&order=desc";
    for (let turn = 0; turn < 2; turn += 1) {
      const everyone = (await list(agents.officer!, query)).items.map((item) => item.unitName);
      expect(everyone).toEqual(expect.arrayContaining([yichangUnit, wuhanUnit]));
      const yichang = (await list(agents["rec.yichang"]!, query)).items.map((item) => item.unitName);
      expect(yichang).toContain(yichangUnit);
      expect(yichang).not.toContain(wuhanUnit);
      const wuhan = (await list(agents["rec.wuhan"]!, query)).items.map((item) => item.unitName);
      expect(wuhan).toContain(wuhanUnit);
      expect(wuhan).not.toContain(yichangUnit);
      const ownUnit = new Set((await list(agents["app.yichang"]!, query)).items.map((item) => item.unitName));
      expect([...ownUnit]).toEqual([yichangUnit]);
    }
  });

  it("filters by status, type and text, and pages", async () => {
    const rectifying = await list(agents.officer!, "?status=rectifying");
    expect(rectifying.items.every((item) => item.status === "rectifying")).toBe(true);
    expect(rectifying.items.map((item) => item.id)).toContain(ids.imported);

    const transfer = await list(agents.officer!, "?type=technology-transfer&status=rectifying");
    expect(transfer.items.map((item) => item.id)).toEqual([ids.imported]);

    const byName = await list(agents.officer!, `?q=${encodeURIComponent("三峡测试")}`);
    expect(byName.items.map((item) => item.id)).toEqual([ids.recognized]);
    const byDocument = await list(agents.officer!, `?q=${encodeURIComponent("〔2023〕18号")}`);
    expect(byDocument.items.map((item) => item.id)).toEqual([ids.imported]);
    // A wildcard typed by the user is taken literally.
    expect((await list(agents.officer!, "?q=%25")).total).toBe(0);

    const all = await list(agents.officer!, "?pageSize=200");
    const second = await list(agents.officer!, "?page=2&pageSize=2");
    expect(second.total).toBe(all.total);
    expect(second.items.map((item) => item.id)).toEqual(all.items.slice(2, 4).map((item) => item.id));
  });

  it("answers bad query input with 400 naming the field, never 500", async () => {
    for (const [query, path] of [
      ["?status=closed", "querystring.status"],
      ["?type=national", "querystring.type"],
      ["?page=0", "querystring.page"],
      ["?pageSize=201", "querystring.pageSize"],
      ["?pageSize=ten", "querystring.pageSize"],
      [`?q=${"基".repeat(101)}`, "querystring.q"],
    ] as const) {
      const response = await agents.officer!.get(`/api/bases${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(path);
    }
    const longId = await agents.officer!.get(`/api/bases/${"x".repeat(65)}`);
    expect(longId.statusCode).toBe(400);
    expect(longId.json().errors[0].path).toBe("params.id");
  });

  it("shows a host unit only its own bases; another's is a 404", async () => {
    const yichang = await list(agents["app.yichang"]!);
    expect(yichang.items.length).toBeGreaterThan(0);
    expect(yichang.items.every((item) => item.unitId === unitOf[yichangUnit]!.id)).toBe(true);
    expect(yichang.items.map((item) => item.id)).toContain(ids.recognized);

    const wuhan = await list(agents["app.wuhan-ent"]!, "?pageSize=200");
    expect(wuhan.items.every((item) => item.unitId === unitOf[wuhanUnit]!.id)).toBe(true);
    expect(wuhan.items.map((item) => item.id)).toEqual(expect.arrayContaining([ids.imported, ids.revoked]));

    const other = await agents["app.yichang"]!.get(`/api/bases/${ids.imported}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe("not-found");
    expect((await agents["app.wuhan-ent"]!.get(`/api/bases/${ids.recognized}`)).statusCode).toBe(404);
    // 华科 also recommends directly (its own sub-tree): it sees its own bases, not 宜昌's.
    const hust = await list(agents["app.hust"]!, "?pageSize=200");
    expect(hust.items.map((item) => item.id)).not.toContain(ids.recognized);
    expect((await agents["app.hust"]!.get(`/api/bases/${ids.recognized}`)).statusCode).toBe(404);
  });

  it("shows a recommender the bases of the units it recommends, and no others", async () => {
    const yichang = await list(agents["rec.yichang"]!, "?pageSize=200");
    expect(yichang.items.map((item) => item.id)).toContain(ids.recognized);
    expect(yichang.items.map((item) => item.id)).not.toContain(ids.imported);
    expect(new Set(yichang.items.map((item) => item.unitName)).has(wuhanUnit)).toBe(false);
    expect((await agents["rec.yichang"]!.get(`/api/bases/${ids.imported}`)).statusCode).toBe(404);

    const wuhan = await list(agents["rec.wuhan"]!, "?pageSize=200");
    expect(wuhan.items.map((item) => item.id)).toEqual(expect.arrayContaining([ids.imported, ids.revoked]));
    expect(wuhan.items.map((item) => item.id)).not.toContain(ids.recognized);
    expect((await agents["rec.wuhan"]!.get(`/api/bases/${ids.recognized}`)).statusCode).toBe(404);
    expect((await detail(agents["rec.wuhan"]!, ids.imported)).abilities).toEqual(["base.read"]);
  });

  it("answers an unknown id with 404", async () => {
    const response = await agents.officer!.get(`/api/bases/${randomUUID()}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "not-found", messageZh: expect.stringContaining("基地") });
  });

  it("opens a recognized base with its facts, countries by name, and the recognition first on its timeline", async () => {
    const base = await detail(agents["app.yichang"]!, ids.recognized);
    expect(base).toMatchObject({
      standardName: "湖北省三峡测试新材料国际科技合作基地（联合研究）",
      unitName: yichangUnit,
      directorName: "宜新",
      typeZh: "联合研究类",
      statusZh: "运行中",
      recognizedOn: "2025-12-20",
      documentNumber: "鄂科技函〔2025〕3号",
      origin: "provincial-2025",
      originZh: "本平台认定",
      edition: "2025",
      editionZh: expect.stringContaining("鄂科技规〔2025〕6号"),
      countries: { key: ["AT"], main: ["DE", "HK"], radiating: ["RS"] },
      abilities: ["base.read"],
    });
    expect(base.recommenderName).not.toBe("");
    expect(base.countryNames.AT).toEqual({ nameZh: "奥地利", nameEn: "Austria" });
    expect(base.countryNames.HK?.nameZh).toBe("中国香港");

    expect(base.timeline[0]).toEqual({
      id: `${ids.recognized}:recognized`,
      kind: "recognized",
      labelZh: "认定为省级国际科技合作基地",
      labelEn: "Recognized",
      on: "2025-12-20",
      actorName: null,
      data: { documentNumber: "鄂科技函〔2025〕3号" },
      at: "2025-12-20T08:00:00.000Z",
    });
  });

  it("lists the stored entries after the first, by date and then by time within the day", async () => {
    const base = await detail(agents.officer!, ids.recognized);
    expect(base.timeline.map((entry) => [entry.kind, entry.on])).toEqual([
      ["recognized", "2025-12-20"],
      ["plan-filed", "2026-01-15"],
      ["report-submitted", "2026-03-05"],
      ["report-unit-approved", "2026-03-05"],
      ["report-returned", "2026-03-08"],
    ]);
    expect(base.timeline.at(-1)).toMatchObject({
      labelZh: "年度工作报告退回修改",
      actorName: "三峡新材 科技部",
      data: { year: 2025, reason: "请补充合作协议" },
    });
  });

  it("starts an imported base's timeline with its import, dated by its recognition", async () => {
    const base = await detail(agents["app.wuhan-ent"]!, ids.imported);
    expect(base).toMatchObject({ origin: "provincial-2022", originZh: expect.stringContaining("2022年办法") });
    expect(base.timeline).toEqual([
      expect.objectContaining({
        kind: "imported",
        labelZh: "导入既有基地名录",
        on: "2023-11-30",
        data: { documentNumber: "鄂科技函〔2023〕18号" },
      }),
    ]);
  });

  it("lists only the annual reports the caller may read, with their state's label", async () => {
    const reportsOf = async (agent: Agent) => (await detail(agent, ids.recognized)).annualReports;
    const both = [
      { id: reports.own, year: 2025, state: "unit-review", stateZh: "依托单位审核中", stateEn: "at host-unit review" },
      { id: reports.moved, year: 2024, state: "graded", stateZh: "已评定", stateEn: "graded" },
    ];
    expect(await reportsOf(agents.officer!)).toEqual(both);
    expect(await reportsOf(agents["app.yichang"]!)).toEqual(both);
    // The recommender reads the reports of its jurisdiction only: the 2024 one was held by 武汉.
    expect(await reportsOf(agents["rec.yichang"]!)).toEqual([both[0]]);
  });

  it("tells the caller what it may do on the base, by scope and by the base's state", async () => {
    const active = await detail(agents.officer!, ids.recognized);
    expect(active.abilities).toEqual(["base.read", "base.manage", "base.revoke", "base.exit"]);
    const revoked = await detail(agents.officer!, ids.revoked);
    expect(revoked.abilities).toEqual(["base.read", "base.manage"]);
    expect(revoked.timeline[0]).toMatchObject({ kind: "imported" });
    expect((await detail(agents["rec.yichang"]!, ids.recognized)).abilities).toEqual(["base.read"]);
  });
});
