import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { experts, people } from "../../db/schema";
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
  });
});
