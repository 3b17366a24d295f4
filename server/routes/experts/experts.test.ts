import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { experts, people, units } from "../../db/schema";
import { expertAccountsFor } from "../../review/review.test-helpers";
import { createApplication, createCall } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("专家");
  sheet.addRow(["姓名", "职称", "工作单位", "领域", "所在地区代码", "手机", "邮箱", "证件号码"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(name: string, content: Buffer) {
  const boundary = "----guohe-expert-import";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(databaseKinds())("expert pool on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  const count = async () =>
    Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(experts))[0]?.n ?? 0);
  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  it("officers list and filter the pool; experts, applicants, recommenders and the 三员 cannot (403); anonymous 401", async () => {
    const list = await officer.get("/api/experts?field=量子与光子科技&pageSize=50");
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((e: { name: string }) => e.name)
        .sort(),
    ).toEqual(["李华", "王建国", "陈思远"].sort());
    expect(list.json().items[0].phone).toMatch(/^139\*{4}\d{4}$/);
    for (const username of ["expert", "app.wuhan-ent", "rec.wuhan", "sysadmin", "auditor"]) {
      expect((await (await t.login(username)).get("/api/experts")).statusCode, username).toBe(403);
    }
    expect((await t.anonymous.get("/api/experts")).statusCode).toBe(401);
    expect((await (await t.login("expert")).post("/api/experts", {})).statusCode).toBe(403);
  });

  it("creates an expert (400 on bad input; PII encrypted), edits with optimistic locking, shows the history", async () => {
    const bad = await officer.post("/api/experts", { name: "", title: "prof", fields: [], unitName: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["name", "title", "fields", "unitName"]),
    );
    const created = await officer.post("/api/experts", {
      name: "钱学敏",
      title: "senior",
      fields: ["人工智能"],
      unitName: "武汉大学",
      phone: "13900001111",
      idNumber: "420106197001011234",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "钱学敏", phone: "139****1111", status: "active" });
    const [row] = await t.database.db
      .select({ phone: people.phone })
      .from(experts)
      .innerJoin(people, eq(people.id, experts.personId))
      .where(eq(experts.id, created.json().id));
    expect(row?.phone?.toString("utf8")).not.toContain("13900001111");
    const duplicate = await officer.post("/api/experts", {
      name: "钱学敏",
      title: "senior",
      fields: ["人工智能"],
      unitName: "武汉大学",
      idNumber: "420106197001011234",
    });
    expect(duplicate.statusCode).toBe(409);

    const id = created.json().id;
    const saved = await officer.patch(`/api/experts/${id}`, { status: "suspended", version: 1 });
    expect(saved.json()).toMatchObject({ status: "suspended", version: 2 });
    expect((await officer.patch(`/api/experts/${id}`, { status: "active", version: 1 })).statusCode).toBe(409);
    expect((await officer.get("/api/experts/nope")).statusCode).toBe(404);

    const [demo] = await t.database.db.select().from(experts).where(sql`${experts.accountId} is not null`);
    const history = (await officer.get(`/api/experts/${demo!.id}/history`)).json();
    expect(history.draws[0]).toMatchObject({ placement: "panel", attempt: 1 });
    expect(history.reviews[0]).toMatchObject({
      status: "invited",
      targetTitle: "湖北省量子与光子科技国际科技合作基地（联合研究）",
    });
  });

  it("an Excel import with any bad row imports nothing and reports every error by row and column", async () => {
    const before = await count();
    const content = await workbook([
      [
        "赵一",
        "正高级",
        "湖北大学",
        "新材料、生物医药",
        "420100",
        "13900002222",
        "zhao@example.com",
        "420106198001011111",
      ],
      ["钱二", "教授", "湖北大学", "新材料", "420100", "", "", ""],
      ["孙三", "副高级", "", "区块链", "4201", "", "not-mail", "420106198001011111"],
    ]);
    const response = await officer.request({
      method: "POST",
      url: "/api/experts/import",
      ...multipart("专家.xlsx", content),
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.imported).toBe(0);
    expect(report.rows).toBe(3);
    const cells = report.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(cells).toEqual(
      expect.arrayContaining(["3:职称", "4:工作单位", "4:领域", "4:所在地区代码", "4:邮箱", "4:证件号码"]),
    );
    expect(report.errors.find((e: { column: string }) => e.column === "领域").messageZh).toContain("区块链");
    expect(await count()).toBe(before);
  });

  it("a clean Excel import adds every row in one transaction; a missing column is reported on row 1", async () => {
    const before = await count();
    const content = await workbook([
      [
        "周四",
        "正高级",
        "湖北大学",
        "新材料，高端装备",
        "420100",
        13900003333,
        { text: "zhou@example.com", hyperlink: "mailto:zhou@example.com" },
        "",
      ],
      ["吴五", "中级", "江汉大学", "人工智能", "", "", "", ""],
    ]);
    const response = await officer.request({
      method: "POST",
      url: "/api/experts/import",
      ...multipart("专家.xlsx", content),
    });
    expect(response.json()).toEqual({ imported: 2, rows: 2, errors: [] });
    expect(await count()).toBe(before + 2);
    const zhou = (await officer.get("/api/experts?q=周四")).json().items[0];
    expect(zhou).toMatchObject({ fields: ["新材料", "高端装备"], email: "zhou@example.com", title: "senior" });

    const book = new ExcelJS.Workbook();
    book.addWorksheet("x").addRow(["姓名", "工作单位"]);
    const missing = await officer.request({
      method: "POST",
      url: "/api/experts/import",
      ...multipart("x.xlsx", Buffer.from(await book.xlsx.writeBuffer())),
    });
    expect(missing.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      "1:职称",
      "1:领域",
    ]);
    const notExcel = await officer.request({
      method: "POST",
      url: "/api/experts/import",
      ...multipart("x.xlsx", Buffer.from("hello")),
    });
    expect(notExcel.statusCode).toBe(400);
    const tooLarge = await officer.request({
      method: "POST",
      url: "/api/experts/import",
      ...multipart("x.xlsx", Buffer.alloc(5 * 1024 * 1024 + 1)),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: "too-large" });
  });

  it("edits name, contact, ID number, unit and fields; PII stays encrypted and masked; references are checked", async () => {
    const created = await officer.post("/api/experts", {
      name: "孙明远",
      title: "associate-senior",
      fields: ["新材料"],
      unitName: "某研究所",
      phone: "13900004444",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ unitId: null, idNumber: null });
    const id = created.json().id;
    const [unit] = await t.database.db.select({ id: units.id, name: units.name }).from(units).limit(1);

    const bad = await officer.patch(`/api/experts/${id}`, { email: "x", idNumber: "123", version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["email", "idNumber"]);
    const unknown = await officer.patch(`/api/experts/${id}`, { fields: ["区块链"], unitId: "nope", version: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ path: "fields", messageZh: expect.stringContaining("区块链") }),
      expect.objectContaining({ path: "unitId" }),
    ]);
    const unknownField = await officer.post("/api/experts", {
      name: "周新",
      title: "senior",
      fields: ["区块链"],
      unitName: "某研究所",
    });
    expect(unknownField.json().errors).toEqual([expect.objectContaining({ path: "fields" })]);
    expect((await (await t.login("expert")).patch(`/api/experts/${id}`, { version: 1 })).statusCode).toBe(403);
    expect((await t.anonymous.patch(`/api/experts/${id}`, { version: 1 })).statusCode).toBe(401);

    const saved = await officer.patch(`/api/experts/${id}`, {
      name: "孙明远远",
      title: "senior",
      fields: ["新材料", "人工智能"],
      unitId: unit!.id,
      unitName: "typed, replaced by the registered name",
      divisionCode: "420100",
      phone: "13900005555",
      email: "sun@example.com",
      idNumber: "42010619800101222x",
      note: "可评审材料类项目",
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      name: "孙明远远",
      title: "senior",
      fields: ["新材料", "人工智能"],
      unitId: unit!.id,
      unitName: unit!.name,
      divisionCode: "420100",
      phone: "139****5555",
      email: "sun@example.com",
      idNumber: "420106********222X",
      note: "可评审材料类项目",
      version: 2,
    });
    const [person] = await t.database.db
      .select({ name: people.name, phone: people.phone, idNumber: people.idNumber, employer: people.employerName })
      .from(experts)
      .innerJoin(people, eq(people.id, experts.personId))
      .where(eq(experts.id, id));
    expect(person).toMatchObject({ name: "孙明远远", employer: unit!.name });
    expect(person?.phone?.toString("utf8")).not.toContain("13900005555");
    expect(person?.idNumber?.toString("utf8")).not.toContain("42010619800101222");

    // A unit typed by name leaves the registered unit; null clears the phone; a retired field may be kept.
    const renamed = await officer.patch(`/api/experts/${id}`, { unitName: "另一研究院", phone: null, version: 2 });
    expect(renamed.json()).toMatchObject({ unitId: null, unitName: "另一研究院", phone: null, version: 3 });
    const taken = await officer.patch(`/api/experts/${id}`, { idNumber: "420106197001011234", version: 3 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].path).toBe("idNumber");
    const stale = await officer.patch(`/api/experts/${id}`, { note: "x", version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("stale-version");
  });

  it("the history names each draw's placement, exclusions and replacements, and each panel's role and status", async () => {
    const usernames = await expertAccountsFor(t, "新材料");
    const [pinnedId] = [...usernames.keys()];
    const applicationId = await createApplication(t.database.db, {
      callId: await createCall(t.database.db),
      unitName: "武汉光谷激光科技有限公司",
      state: "in-expert-review",
      field: "新材料",
    });
    const round = await officer.post("/api/reviews", {
      targetKind: "application",
      targetId: applicationId,
      settings: {
        draw: {
          panelSize: 3,
          backups: 1,
          fields: ["新材料"],
          pinnedExclusions: [{ expertId: pinnedId, reason: "测试回避" }],
        },
      },
    });
    const draw = (await officer.post(`/api/reviews/${round.json().id}/draws`, {})).json();
    const outId: string = draw.panel[0].expertId;
    const inId: string = draw.backups[0].expertId;
    const declining = await t.login(usernames.get(outId)!);
    const [invitation] = (await declining.get("/api/reviews/assignments")).json().items;
    expect(
      (await declining.post(`/api/reviews/assignments/${invitation.id}/decline`, { reason: "出差" })).statusCode,
    ).toBe(200);

    const out = (await officer.get(`/api/experts/${outId}/history`)).json();
    expect(out.draws[0]).toMatchObject({
      drawId: draw.id,
      attempt: 1,
      drawStatus: "current",
      placement: "panel",
      exclusions: [],
      replacements: [{ direction: "out", reason: "declined" }],
    });
    expect(out.reviews[0]).toMatchObject({ roundId: round.json().id, status: "declined", total: null });
    expect(out.reviews[0].invitedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const joined = (await officer.get(`/api/experts/${inId}/history`)).json();
    expect(joined.draws[0]).toMatchObject({ placement: "backup", replacements: [{ direction: "in" }] });
    expect(joined.reviews[0]).toMatchObject({ status: "invited", role: out.reviews[0].role });
    const pinned = (await officer.get(`/api/experts/${pinnedId}/history`)).json();
    expect(pinned.draws[0]).toMatchObject({
      drawId: draw.id,
      placement: "excluded",
      exclusions: [{ rule: "pinned", reasonZh: expect.stringContaining("测试回避") }],
    });
    expect((await officer.get("/api/experts/nope/history")).statusCode).toBe(404);
    expect((await declining.get(`/api/experts/${outId}/history`)).statusCode).toBe(403);
  });

  it("serves the import template: the header row the import reads, and it imports once a row is filled", async () => {
    expect((await t.anonymous.get("/api/experts/import-template.xlsx")).statusCode).toBe(401);
    expect((await (await t.login("expert")).get("/api/experts/import-template.xlsx")).statusCode).toBe(403);
    const response = await officer.get("/api/experts/import-template.xlsx");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toContain("attachment");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(["姓名", "职称", "工作单位", "领域", "所在地区代码", "手机", "邮箱", "证件号码"]);
    expect(book.worksheets[1]?.name).toBe("填写说明");

    sheet.getRow(2).values = [
      "郑六",
      "副高级",
      "湖北工业大学",
      "光电子信息",
      "420100",
      "13900006666",
      "zheng@example.com",
      "420106198502023333",
    ];
    const before = await count();
    const imported = await officer.request({
      method: "POST",
      url: "/api/experts/import",
      ...multipart("模板.xlsx", Buffer.from(await book.xlsx.writeBuffer())),
    });
    expect(imported.json()).toEqual({ imported: 1, rows: 1, errors: [] });
    expect(await count()).toBe(before + 1);
    const zheng = (await officer.get("/api/experts?q=郑六")).json().items[0];
    expect(zheng).toMatchObject({ title: "associate-senior", fields: ["光电子信息"], idNumber: "420106********3333" });
  });
});
