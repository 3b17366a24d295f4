import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseImportColumns } from "../../../contracts/registry";
import { bases, creditRecords, units } from "../../db/schema";
import { unitIdByName } from "../../test/factories";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { completeForm, multipart, openCall } from "../applications/recognition.fixtures";

async function workbook(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("登记册");
  sheet.addRow([...baseImportColumns]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(databaseKinds())("registry facts on %s", (kind) => {
  let t: TestApp;
  let wuhanEnt: string;
  let callId: string;
  let uscc: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    wuhanEnt = await unitIdByName(t.database.db, "武汉光谷激光科技有限公司");
    const [unit] = await t.database.db.select().from(units).where(eq(units.id, wuhanEnt));
    uscc = unit!.uscc;
    callId = (await openCall(t)).id;
  });
  afterAll(() => t.close());

  // One application per unit per call: the first check creates it, each later check saves it again, which re-runs
  // the eligibility check against the registry as it stands.
  let applicationId: string | undefined;
  const findingsOf = async () => {
    const applicant = await t.login("app.wuhan-ent");
    const form = await completeForm(t, "刘洋", "激光制造");
    let saved: Awaited<ReturnType<typeof applicant.post>>;
    if (applicationId) {
      const { version } = (await applicant.get(`/api/applications/${applicationId}`)).json();
      saved = await applicant.patch(`/api/applications/${applicationId}`, { form, version });
    } else {
      saved = await applicant.post("/api/applications", { callId, form });
      applicationId = saved.json().id;
    }
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    return Object.fromEntries(
      saved.json().eligibility.findings.map((f: { ruleId: string; verdict: string }) => [f.ruleId, f.verdict]),
    );
  };

  it("officers record credit records, national platforms and revocations; the eligibility panel reads them", async () => {
    expect((await t.anonymous.get("/api/registry-facts")).statusCode).toBe(401);
    expect((await (await t.login("app.wuhan-ent")).get("/api/registry-facts")).statusCode).toBe(403);
    const before = await findingsOf();
    expect(before).toMatchObject({
      "7.1-unit-credit": "pass",
      "7.6-national-platform": "pass",
      "20-revocation-ban": "pass",
    });

    const officer = await t.login("officer");
    const bad = await officer.post("/api/registry-facts/credit-records", {
      subjectKind: "unit",
      kind: "bad",
      recordedOn: "x",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["kind", "recordedOn"]),
    );
    expect(
      (
        await (
          await t.login("rec.wuhan")
        ).post("/api/registry-facts/revocations", {
          unitId: wuhanEnt,
          baseName: "x基地",
          ground: "1",
          revokedOn: "2025-01-01",
        })
      ).statusCode,
    ).toBe(403);

    const credit = await officer.post("/api/registry-facts/credit-records", {
      subjectKind: "unit",
      unitId: wuhanEnt,
      kind: "bad-credit",
      recordedOn: "2025-06-01",
      source: "信用中国",
    });
    expect(credit.statusCode).toBe(201);
    expect(
      (
        await officer.post("/api/registry-facts/national-platforms", {
          unitId: wuhanEnt,
          kind: "most-international-base",
          name: "国家激光国际科技合作基地",
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await officer.post("/api/registry-facts/revocations", {
          unitId: wuhanEnt,
          baseName: "湖北省激光国际科技合作基地（联合研究）",
          ground: "6",
          revokedOn: "2024-05-10",
        })
      ).statusCode,
    ).toBe(201);
    const after = await findingsOf();
    expect(after).toMatchObject({
      "7.1-unit-credit": "fail",
      "7.6-national-platform": "soft",
      "20-revocation-ban": "fail",
    });

    const facts = (await (await t.login("rec.wuhan")).get("/api/registry-facts")).json();
    expect(facts.revocations[0]).toMatchObject({ unitName: "武汉光谷激光科技有限公司", banEndsOn: "2027-05-10" });
    const yichang = (await (await t.login("rec.yichang")).get("/api/registry-facts")).json();
    expect(yichang.creditRecords.filter((r: { unitId: string }) => r.unitId === wuhanEnt)).toEqual([]);
    expect(
      (
        await (
          await t.login("rec.wuhan")
        ).request({ method: "DELETE", url: `/api/registry-facts/credit-records/${credit.json().id}` })
      ).statusCode,
    ).toBe(403);
    expect(
      (await officer.request({ method: "DELETE", url: `/api/registry-facts/credit-records/${credit.json().id}` }))
        .statusCode,
    ).toBe(200);
    expect(await t.database.db.select().from(creditRecords).where(eq(creditRecords.id, credit.json().id))).toEqual([]);
  });

  it("imports the existing registry from Excel all or nothing, with a row-by-row report", async () => {
    const officer = await t.login("officer");
    const good = [
      "湖北省激光制造国际科技合作基地（联合研究）",
      "武汉光谷激光科技有限公司",
      uscc,
      "联合研究类",
      "激光制造",
      "刘洋",
      "德国、新加坡",
      "2023-11-20",
      "鄂科技发外〔2023〕12号",
      "2022年办法",
    ];
    const badRow = ["某基地", "不存在的单位", "91420100MA00000000", "合作类", "", "", "火星", "2023-13-40", "", "未知"];
    const send = async (content: Buffer) =>
      officer.request({
        method: "POST",
        url: "/api/registry-facts/bases/import",
        ...multipart({}, { name: "登记册.xlsx", content, mediaType: "application/octet-stream" }),
      });
    const countBefore = (await t.database.db.select().from(bases)).length;
    const rejected = await send(await workbook([good, badRow]));
    expect(rejected.statusCode).toBe(422);
    const paths = rejected.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "rows.3.统一社会信用代码",
        "rows.3.类型",
        "rows.3.重点合作国家",
        "rows.3.认定日期",
        "rows.3.来源",
      ]),
    );
    expect(paths.some((p: string) => p.startsWith("rows.2."))).toBe(false);
    expect((await t.database.db.select().from(bases)).length).toBe(countBefore);

    const imported = await send(await workbook([good]));
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ imported: 1, rows: [{ row: 2, ok: true }] });
    const [base] = await t.database.db.select().from(bases).where(eq(bases.documentNumber, "鄂科技发外〔2023〕12号"));
    expect(base).toMatchObject({
      status: "active",
      origin: "provincial-2022",
      unitId: wuhanEnt,
      countries: { key: ["DE", "SG"] },
    });
    expect((await send(await workbook([good]))).statusCode).toBe(422);
    // The imported base now counts for Art. 7.5 (one base per enterprise).
    expect((await findingsOf())["7.5-one-base-per-scope"]).toBe("soft");
    expect((await send(Buffer.from("%PDF-1.4 not excel"))).statusCode).toBe(415);
    expect((await (await t.login("rec.wuhan")).get("/api/registry-facts")).json().bases.length).toBeGreaterThan(0);
  });
});
