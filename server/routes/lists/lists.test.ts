import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationLifecycle, applicationStates } from "../../../policy/lifecycles/application.transitions";
import type { Agent, TestApp } from "../../test/harness";
import { databaseKinds, startTestApp } from "../../test/harness";

const demoCallTitle = "关于开展年度湖北省国际科技合作基地认定工作的通知（演示）";

type Summary = { id: string; unitName: string; state: string; submittedAt: string | null; type: string | null };

/** The rows of a workbook's first sheet: its header and its body, as text. */
async function sheetOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(
      (row.values as unknown[]).slice(1).map((cell) => (cell === null || cell === undefined ? "" : String(cell))),
    );
  });
  const filters: string[][] = [];
  workbook.worksheets[1]?.eachRow((row) => {
    filters.push((row.values as unknown[]).slice(1).map(String));
  });
  return { header: rows[0] ?? [], body: rows.slice(1), filters };
}

const codes = new Set<string>(applicationStates);

describe.each(databaseKinds())("lists that work on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let demoCallId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    const calls = (await officer.get("/api/calls")).json() as { items: Array<{ id: string; titleZh: string }> };
    demoCallId = calls.items.find((call) => call.titleZh === demoCallTitle)!.id;
  });
  afterAll(() => t.close());

  const all = async (agent: Agent, query: string) =>
    (await agent.get(`/api/applications?pageSize=200&${query}`)).json() as { items: Summary[]; total: number };

  it("filters applications on the server: call, state, 市州, type, search; the total counts the filtered rows", async () => {
    const inCall = await all(officer, `callId=${demoCallId}`);
    expect(inCall.total).toBe(inCall.items.length);
    expect(inCall.total).toBeGreaterThan(5);
    const submitted = await all(officer, `callId=${demoCallId}&state=submitted`);
    expect(submitted.items.length).toBeGreaterThan(0);
    expect(submitted.items.every((a) => a.state === "submitted")).toBe(true);
    expect(submitted.total).toBe(inCall.items.filter((a) => a.state === "submitted").length);

    const yichang = await all(officer, `callId=${demoCallId}&division=420500`);
    expect(yichang.items.length).toBeGreaterThan(0);
    expect(yichang.items.every((a) => a.unitName.startsWith("宜昌"))).toBe(true);
    expect(yichang.total).toBe(inCall.items.filter((a) => a.unitName.startsWith("宜昌")).length);

    const characteristic = await all(officer, `callId=${demoCallId}&type=characteristic`);
    expect(characteristic.items.map((a) => a.type)).toEqual(characteristic.items.map(() => "characteristic"));
    expect(characteristic.total).toBe(inCall.items.filter((a) => a.type === "characteristic").length);

    const searched = await all(officer, `callId=${demoCallId}&q=${encodeURIComponent("芯片")}`);
    expect(searched.items.map((a) => a.unitName)).toEqual(["武汉光谷芯片设计有限公司"]);

    const page = (await officer.get(`/api/applications?callId=${demoCallId}&pageSize=2&page=2`)).json();
    expect(page.total).toBe(inCall.total);
    expect(page.items).toHaveLength(2);
  });

  it("sorts on a whitelisted key in both directions", async () => {
    const newest = await all(officer, `callId=${demoCallId}&sort=submittedAt&order=desc`);
    const stamps = newest.items.map((a) => a.submittedAt).filter((s): s is string => s !== null);
    expect(stamps).toEqual([...stamps].sort().reverse());
    const asc = (await (await officer.get("/api/units?pageSize=200&sort=name&order=asc")).json()).items;
    const desc = (await (await officer.get("/api/units?pageSize=200&sort=name&order=desc")).json()).items;
    expect(asc.length).toBeGreaterThan(3);
    expect(desc.map((u: { id: string }) => u.id)).toEqual([...asc].reverse().map((u: { id: string }) => u.id));
  });

  it("answers a bad parameter with a 400 naming it, on every list", async () => {
    const cases: Array<[string, string]> = [
      ["/api/applications?state=bogus", "state"],
      ["/api/applications?sort=password", "sort"],
      ["/api/applications?division=999999", "division"],
      ["/api/applications?order=sideways", "order"],
      ["/api/applications?pageSize=5000", "pageSize"],
      ["/api/applications/export?type=spaceship", "type"],
      ["/api/units?division=110000", "division"],
      ["/api/units?type=castle", "type"],
      ["/api/experts?title=emperor", "title"],
      ["/api/bases?year=abcd", "year"],
      ["/api/bases/export?sort=unitUscc", "sort"],
      ["/api/public/bases?sort=director", "sort"],
    ];
    for (const [url, field] of cases) {
      const response = await officer.get(url);
      expect(response.statusCode, url).toBe(400);
      const body = response.json();
      expect(body.code).toBe("invalid-input");
      expect(
        body.errors.map((e: { path: string }) => e.path.split(".").at(-1)),
        url,
      ).toContain(field);
      expect(body.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("exports exactly the filtered applications as .xlsx with Chinese headers and labels, every page", async () => {
    const query = `callId=${demoCallId}&sort=unitName&order=asc`;
    const listed = await all(officer, query);
    const response = await officer.get(`/api/applications/export?${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(String(response.headers["content-disposition"])).toContain(encodeURIComponent("申报列表"));
    const { header, body, filters } = await sheetOf(response.rawPayload);
    expect(header).toEqual([
      "申报名称",
      "依托单位",
      "所在市州",
      "基地类型",
      "领域",
      "认定批次",
      "状态",
      "当前审核部门",
      "推荐排序",
      "基地负责人",
      "提交日期",
      "最近更新",
    ]);
    expect(body.map((row) => row[1])).toEqual(listed.items.map((a) => a.unitName));
    const stateLabels = new Set(Object.values(applicationLifecycle.stateLabels).map((label) => label.zh));
    expect(body.every((row) => stateLabels.has(row[6]!))).toBe(true);
    expect(body.flat().some((cell) => codes.has(cell))).toBe(false);
    expect(body.flat().some((cell) => /^\d{4}-\d{2}-\d{2}/.test(cell))).toBe(false);
    expect(body.some((row) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(row[10]!))).toBe(true);
    expect(filters).toContainEqual(["认定批次", demoCallTitle]);

    const filtered = await officer.get(`/api/applications/export?callId=${demoCallId}&state=submitted`);
    const rows = (await sheetOf(filtered.rawPayload)).body;
    expect(rows.length).toBe((await all(officer, `callId=${demoCallId}&state=submitted`)).total);
    expect(rows.every((row) => row[6] === applicationLifecycle.stateLabels.submitted.zh)).toBe(true);
  });

  it("keeps an unsubmitted draft with its unit: not in the recommender's or department's list, detail or export", async () => {
    const unit = await t.login("app.zhilian");
    const own = await all(unit, `callId=${demoCallId}`);
    const draft = own.items.find((a) => a.state === "draft");
    expect(draft, "the demo's 东湖 draft").toBeDefined();
    for (const username of ["rec.donghu", "rec.wuhan", "officer"]) {
      const agent = await t.login(username);
      expect((await all(agent, `callId=${demoCallId}`)).items.map((a) => a.id)).not.toContain(draft!.id);
      expect((await all(agent, `callId=${demoCallId}&state=draft`)).total).toBe(0);
      expect((await agent.get(`/api/applications/${draft!.id}`)).statusCode, username).toBe(404);
      const exported = await sheetOf((await agent.get(`/api/applications/export?callId=${demoCallId}`)).rawPayload);
      expect(exported.body.map((row) => row[1])).not.toContain("武汉光谷智联汽车电子有限公司");
    }
    expect((await unit.get(`/api/applications/${draft!.id}`)).statusCode).toBe(200);
  });

  it("refuses a second application of a unit in a call with a 409 naming the standing one (Art. 14.1)", async () => {
    const unit = await t.login("app.zhilian");
    const own = await all(unit, `callId=${demoCallId}`);
    const second = await unit.post("/api/applications", { callId: demoCallId });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: "application-exists", article: "14.1", existingId: own.items[0]!.id });
    expect(second.json().messageZh).toContain("继续填写");
    expect((await all(unit, `callId=${demoCallId}`)).total).toBe(own.total);

    // Withdrawn, the draft no longer stands: the unit may start again, once.
    const withdrawn = await unit.post(`/api/applications/${own.items[0]!.id}/events`, { event: "withdraw" });
    expect(withdrawn.statusCode).toBe(200);
    const again = await unit.post("/api/applications", { callId: demoCallId });
    expect(again.statusCode).toBe(201);
    const third = await unit.post("/api/applications", { callId: demoCallId });
    expect(third.json().existingId).toBe(again.json().id);
    // A withdrawn empty draft stays with its unit too.
    const recommender = await t.login("rec.donghu");
    expect((await recommender.get(`/api/applications/${own.items[0]!.id}`)).statusCode).toBe(404);
  });

  it("filters, sorts and exports units, experts and bases; the public registry exports only its own columns", async () => {
    const units = (await officer.get("/api/units?pageSize=200&division=420500&status=confirmed")).json();
    expect(units.items.length).toBeGreaterThan(0);
    expect(units.items.every((u: { divisionCode: string; status: string }) => u.divisionCode.startsWith("4205"))).toBe(
      true,
    );
    const unitSheet = await sheetOf(
      (await officer.get("/api/units/export?division=420500&status=confirmed")).rawPayload,
    );
    expect(unitSheet.header[0]).toBe("单位名称");
    expect(unitSheet.body.map((row) => row[0])).toEqual(units.items.map((u: { name: string }) => u.name));
    expect(unitSheet.body.every((row) => row[5] === "已确认" && row[3] === "宜昌市")).toBe(true);
    const recommenderSheet = await sheetOf((await (await t.login("rec.yichang")).get("/api/units/export")).rawPayload);
    expect(recommenderSheet.body.every((row) => row[3] === "宜昌市")).toBe(true);

    const experts = (await officer.get("/api/experts?pageSize=200&title=senior&status=active")).json();
    expect(experts.items.length).toBeGreaterThan(0);
    expect(
      experts.items.every((e: { title: string; status: string }) => e.title === "senior" && e.status === "active"),
    ).toBe(true);
    const expertSheet = await sheetOf((await officer.get("/api/experts/export?title=senior&status=active")).rawPayload);
    expect(expertSheet.header).not.toContain("手机");
    expect(expertSheet.body).toHaveLength(experts.total);
    expect(expertSheet.body.every((row) => row[1] === "正高级" && row[5] === "可抽取")).toBe(true);
    expect((await (await t.login("rec.wuhan")).get("/api/experts/export")).statusCode).toBe(403);

    const bases = (await officer.get("/api/bases?pageSize=200")).json();
    const year = bases.items[0].recognizedOn.slice(0, 4);
    const inYear = (await officer.get(`/api/bases?pageSize=200&year=${year}`)).json();
    expect(inYear.items.every((b: { recognizedOn: string }) => b.recognizedOn.startsWith(year))).toBe(true);
    expect(inYear.total).toBe(
      bases.items.filter((b: { recognizedOn: string }) => b.recognizedOn.startsWith(year)).length,
    );
    const officerSheet = await sheetOf((await officer.get(`/api/bases/export?year=${year}`)).rawPayload);
    expect(officerSheet.header).toContain("推荐部门");
    expect(officerSheet.body.map((row) => row[0])).toEqual(
      inYear.items.map((b: { standardName: string }) => b.standardName),
    );

    const published = (await t.anonymous.get("/api/public/bases?pageSize=100")).json();
    const publicSheet = await sheetOf((await t.anonymous.get("/api/public/bases/export")).rawPayload);
    expect(publicSheet.header).not.toContain("推荐部门");
    expect(publicSheet.header).toContain("重点合作国家（地区）");
    expect(publicSheet.body.map((row) => row[0])).toEqual(published.items.map((b: { name: string }) => b.name));
    expect(publicSheet.body.length).toBeLessThan(bases.total + 1);
    expect((await t.anonymous.get("/api/bases/export")).statusCode).toBe(401);
  });
});
