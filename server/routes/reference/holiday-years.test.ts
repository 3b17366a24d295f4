import { and, desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, applications, auditLog, holidayYears } from "../../db/schema";
import { createApplication, createCall } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";

/** A multipart body: form fields first (the server reads them before the file), then the file. */
function multipart(fields: Record<string, string>, file: { name: string; content: Buffer; mediaType: string }) {
  const boundary = "----holiday-years-test-boundary";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.mediaType}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const csv = (text: string) => ({
  name: "2027年节假日.csv",
  content: Buffer.from(`\uFEFF${text}`),
  mediaType: "text/csv",
});

async function xlsx(rows: Array<[ExcelJS.CellValue, ExcelJS.CellValue]>, header = ["日期", "类型"]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("2027");
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return {
    name: "国务院办公厅2027年节假日安排.xlsx",
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}

/** The 2027 schedule used in these tests (a made-up one: the State Council has not published it). */
const schedule2027 = {
  documentNumber: "国办发明电〔2026〕5号",
  note: "按国务院办公厅通知录入",
  holidays: ["2027-01-01", "2027-01-02", "2027-01-03", "2027-02-05", "2027-02-06", "2027-02-07", "2027-10-01"],
  adjustedWorkingDays: ["2027-02-20"],
};

const paths = (response: { json(): { errors?: Array<{ path: string }> } }) =>
  (response.json().errors ?? []).map((error) => error.path);

describe.each(databaseKinds())("public-holiday schedules on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  const put = (agent: Agent, year: number | string, body: unknown) =>
    agent.request({ method: "PUT", url: `/api/reference/holiday-years/${year}`, payload: body as object });
  const remove = (agent: Agent, year: number, body?: unknown) =>
    agent.request({
      method: "DELETE",
      url: `/api/reference/holiday-years/${year}`,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const importFile = (
    agent: Agent,
    fields: Record<string, string>,
    file: { name: string; content: Buffer; mediaType: string },
  ) => agent.request({ method: "POST", url: "/api/reference/holiday-years/import", ...multipart(fields, file) });
  const list = async () => (await officer.get("/api/reference/holiday-years")).json();
  const row2027 = async () => (await t.database.db.select().from(holidayYears).where(eq(holidayYears.year, 2027)))[0];
  const lastAudit = async (action: string) =>
    (
      await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetId, "2027")))
        .orderBy(desc(auditLog.seq))
        .limit(1)
    )[0];

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  it("refuses bad input field by field and saves nothing", async () => {
    const missing = await put(officer, 2027, { ...schedule2027, documentNumber: " " });
    expect(missing.statusCode).toBe(400);
    expect(paths(missing)).toEqual(["documentNumber"]);
    const { documentNumber: _omitted, ...withoutNumber } = schedule2027;
    expect(paths(await put(officer, 2027, withoutNumber))).toEqual(["documentNumber"]);
    const badShape = await put(officer, 2027, { ...schedule2027, holidays: ["2027/01/01"] });
    expect(badShape.statusCode).toBe(400);
    expect(paths(badShape)).toEqual(["holidays.0"]);
    expect((await put(officer, "next", schedule2027)).statusCode).toBe(400);

    const outside = await put(officer, 2027, { ...schedule2027, holidays: ["2027-01-01", "2028-01-01"] });
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: "holiday-year-invalid-date" });
    expect(paths(outside)).toEqual(["holidays.1"]);
    const both = await put(officer, 2027, { ...schedule2027, adjustedWorkingDays: ["2027-02-20", "2027-02-06"] });
    expect(both.statusCode).toBe(422);
    expect(paths(both)).toEqual(["adjustedWorkingDays.1"]);
    expect(both.json().errors[0].messageZh).toContain("2027-02-06 不能既是放假日又是调休上班日");
    const noYear = await put(officer, 2027, { ...schedule2027, documentNumber: "国办发明电7号" });
    expect(noYear.statusCode).toBe(422);
    expect(paths(noYear)).toEqual(["documentNumber"]);
    const several = await put(officer, 2027, { ...schedule2027, documentNumber: "国办发明电", holidays: [] });
    expect(paths(several)).toEqual(["documentNumber", "holidays"]);

    const packaged = await put(officer, 2026, { ...schedule2027, holidays: ["2026-01-01"], adjustedWorkingDays: [] });
    expect(packaged.statusCode).toBe(422);
    expect(packaged.json()).toMatchObject({ code: "holiday-year-packaged", errors: [{ path: "year" }] });
    const early = await put(officer, 2029, { ...schedule2027, holidays: ["2029-01-01"], adjustedWorkingDays: [] });
    expect(early.json()).toMatchObject({ code: "holiday-year-not-published" });

    expect(await row2027()).toBeUndefined();
    const refusedAudit = await lastAudit("reference.holiday-year.save");
    expect(refusedAudit?.outcome).toBe("refused");
  });

  it("lets the officer enter 2027 from the notice and read it back; others may read but not write", async () => {
    const body = schedule2027;
    expect((await t.anonymous.request({ method: "GET", url: "/api/reference/holiday-years" })).statusCode).toBe(401);
    for (const username of ["rec.wuhan", "app.hust"]) {
      const agent = await t.login(username);
      expect((await put(agent, 2027, body)).statusCode, username).toBe(403);
      expect((await remove(agent, 2027, { reason: "x" })).statusCode, username).toBe(403);
    }
    expect((await (await t.login("rec.wuhan")).get("/api/reference/holiday-years")).statusCode).toBe(200);
    expect((await (await t.login("auditor")).get("/api/reference/holiday-years")).statusCode).toBe(403);

    const before = await list();
    expect(before.packaged).toEqual({ packageName: "chinese-days", version: "1.5.7", from: 2004, to: 2026 });
    expect(before.years.find((y: { year: number }) => y.year === 2027)).toBeUndefined();

    const created = await put(officer, 2027, { ...body, holidays: [...body.holidays, "2027-01-01"] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ created: true, warnings: [] });
    const [officerAccount] = await t.database.db.select().from(accounts).where(eq(accounts.username, "officer"));
    const entry = (await list()).years.find((y: { year: number }) => y.year === 2027);
    expect(entry).toMatchObject({
      year: 2027,
      sourceKind: "state-council",
      documentNumber: "国办发明电〔2026〕5号",
      note: "按国务院办公厅通知录入",
      isDemo: false,
      correctsPackaged: false,
      enteredBy: officerAccount!.displayName,
      holidays: body.holidays,
      adjustedWorkingDays: ["2027-02-20"],
      holidayCount: 7,
      adjustedWorkingDayCount: 1,
    });
    expect(await row2027()).toMatchObject({
      sourceKind: "state-council",
      documentNumber: "国办发明电〔2026〕5号",
      createdBy: officerAccount!.id,
      workdays: ["2027-02-20"],
    });
    const audit = await lastAudit("reference.holiday-year.save");
    expect(audit).toMatchObject({ outcome: "success", actorId: officerAccount!.id, targetType: "holiday-year" });
    expect(audit?.changes).toMatchObject({
      before: null,
      after: { year: 2027, documentNumber: "国办发明电〔2026〕5号" },
    });

    const replaced = await put(officer, 2027, {
      ...body,
      documentNumber: "国办发明电〔2026〕6号",
      adjustedWorkingDays: ["2027-02-20", "2027-02-17"],
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      created: false,
      year: { documentNumber: "国办发明电〔2026〕6号", adjustedWorkingDayCount: 2 },
      warnings: [{ code: "holiday-year-weekday-working-day", path: "adjustedWorkingDays.1" }],
    });
    expect((await lastAudit("reference.holiday-year.save"))?.changes).toMatchObject({
      before: { documentNumber: "国办发明电〔2026〕5号" },
      after: { documentNumber: "国办发明电〔2026〕6号", adjustedWorkingDays: ["2027-02-17", "2027-02-20"] },
    });
  });

  it("imports the schedule from Excel and CSV, reporting every bad row by its number", async () => {
    const fields = { documentNumber: "国办发明电〔2026〕5号", note: "文件导入" };
    const excel = await xlsx([
      [new Date(Date.UTC(2027, 0, 1)), "放假"],
      ["2027-02-05", "休"],
      ["2027/2/6", "放假"],
      [null, null],
      ["2027年2月20日", "调休上班"],
      [46_439, "放假"], // an Excel serial number: 2027-02-21
    ]);
    const imported = await importFile(officer, fields, excel);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({
      rows: 5,
      year: {
        year: 2027,
        sourceKind: "file-import",
        holidays: ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-21"],
        adjustedWorkingDays: ["2027-02-20"],
      },
    });
    const audit = await lastAudit("reference.holiday-year.import");
    expect(audit?.changes).toMatchObject({
      fileName: "国务院办公厅2027年节假日安排.xlsx",
      after: { sourceKind: "file-import" },
    });

    const text = await importFile(officer, fields, csv("日期,类型\r\n2027-01-01,放假\r\n2027-02-20,班\r\n\r\n"));
    expect(text.statusCode, text.body).toBe(200);
    expect(text.json()).toMatchObject({
      rows: 2,
      year: { holidays: ["2027-01-01"], adjustedWorkingDays: ["2027-02-20"] },
    });

    const bad = await importFile(
      officer,
      fields,
      csv("日期,类型\n2027-01-01,放假\n2027-02-30,放假\n2027-02-20,调休\n2028-01-01,放假\n2027-01-01,上班\n"),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: "holiday-import-rejected" });
    expect(paths(bad)).toEqual(["rows[3].日期", "rows[4].类型", "rows[5].日期", "rows[6].日期"]);
    expect(bad.json().errors[0].messageZh).toContain("第 3 行「日期」");
    expect(bad.json().messageZh).toContain("4 行有误");
    expect((await row2027())?.holidays).toEqual(["2027-01-01"]); // nothing of the bad file was saved

    const badExcel = await importFile(officer, fields, await xlsx([["明年元旦", "放假"]]));
    expect(paths(badExcel)).toEqual(["rows[2].日期"]);
    const noNumber = await importFile(officer, { note: "x" }, csv("日期,类型\n2027-01-01,放假\n"));
    expect(noNumber.statusCode).toBe(400);
    expect(paths(noNumber)).toEqual(["documentNumber"]);
    const noColumn = await importFile(officer, fields, await xlsx([["2027-01-01", "放假"]], ["日期", "说明"]));
    expect(noColumn.statusCode).toBe(400);
    expect(paths(noColumn)).toEqual(["columns.类型"]);
    const png = { name: "a.png", content: Buffer.from("89504e470d0a1a0a0000", "hex"), mediaType: "image/png" };
    expect((await importFile(officer, fields, png)).statusCode).toBe(415);
    const otherYear = await importFile(officer, { ...fields, year: "2028" }, csv("日期,类型\n2027-01-01,放假\n"));
    expect(paths(otherYear)).toEqual(["rows[2].日期"]);
    expect((await importFile(await t.login("rec.wuhan"), fields, csv("日期,类型\n2027-01-01,放假\n"))).statusCode).toBe(
      403,
    );

    const template = await officer.get("/api/reference/holiday-years/import-template");
    expect(template.statusCode).toBe(200);
    expect(template.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect([sheet.getCell("A1").value, sheet.getCell("B1").value]).toEqual(["日期", "类型"]);
    expect(sheet.rowCount).toBe(3);
  });

  it("deletes an entered year with a reason, audited; a packaged year cannot be deleted", async () => {
    expect((await remove(officer, 2027, { reason: " " })).statusCode).toBe(400);
    expect((await remove(officer, 2026, { reason: "误录" })).statusCode).toBe(409);
    expect((await remove(officer, 2028, { reason: "误录" })).statusCode).toBe(404);
    const deleted = await remove(officer, 2027, { reason: "文号填错，重新录入" });
    expect(deleted.statusCode).toBe(200);
    expect(await row2027()).toBeUndefined();
    const audit = await lastAudit("reference.holiday-year.delete");
    expect(audit).toMatchObject({ outcome: "success", reason: "文号填错，重新录入" });
    expect(audit?.changes).toMatchObject({ before: { year: 2027, sourceKind: "file-import" }, after: null });
  });

  it("publishing a 公示 whose 5 working days reach 2027 is refused until the officer enters 2027, then counts it", async () => {
    t.clock.set("2026-12-21T02:00:00.000Z");
    officer = await t.login("officer"); // the old session idled out over the months
    const callId = await createCall(t.database.db);
    const applicationId = await createApplication(t.database.db, {
      callId,
      unitName: "武汉光谷激光科技有限公司",
      state: "approved",
      field: "光电子信息",
      form: {
        application: { countries: { key: ["DE"], main: ["FR"], radiating: ["PL"] } },
        director: { name: "刘洋" },
      },
    });
    const notice = { startOn: "2026-12-28", applicationIds: [applicationId] };

    const refused = await officer.post("/api/decisions/notices", notice);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: "holiday-calendar-not-covered", article: "14.3" });
    expect(refused.json().messageZh).toContain(
      "请省科技厅业务处室在「基础数据 › 节假日安排」中按国务院办公厅通知（填写文号）录入或导入 2027 年的放假与调休日期后重试",
    );
    expect(refused.json().messageEn).toContain('"Reference data › Public holidays"');
    const [still] = await t.database.db.select().from(applications).where(eq(applications.id, applicationId));
    expect(still?.state).toBe("approved");

    expect((await put(officer, 2027, schedule2027)).statusCode).toBe(201);
    const published = await officer.post("/api/decisions/notices", notice);
    expect(published.statusCode, published.body).toBe(201);
    // 12-28 … 12-31 are four working days; 01-01 … 01-03 are off; the fifth is Monday 01-04.
    expect(published.json()).toMatchObject({ startOn: "2026-12-28", endOn: "2027-01-04", workingDays: 5 });
  });
});
