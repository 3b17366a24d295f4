import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseImportColumns } from "../../../contracts/registry";
import { allianceMembers, alliances, auditLog, bases, revocations, units } from "../../db/schema";
import { allianceColumns, revocationColumns } from "../../recognition/import-history";
import { unitIdByName } from "../../test/factories";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { completeForm, multipart, openCall } from "../applications/recognition.fixtures";

/** A real workbook: the bases sheet (possibly empty) and the optional history sheets. */
async function workbook(sheets: { bases?: string[][]; revocations?: string[][]; members?: string[][] }) {
  const book = new ExcelJS.Workbook();
  const basesSheet = book.addWorksheet("基地登记册");
  basesSheet.addRow([...baseImportColumns]);
  for (const row of sheets.bases ?? []) basesSheet.addRow(row);
  if (sheets.revocations) {
    const sheet = book.addWorksheet("撤销记录");
    sheet.addRow([...revocationColumns]);
    for (const row of sheets.revocations) sheet.addRow(row);
  }
  if (sheets.members) {
    const sheet = book.addWorksheet("联盟成员");
    sheet.addRow([...allianceColumns]);
    for (const row of sheets.members) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(databaseKinds())("registry import with revocations and alliances on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  let entUscc: string;
  let entId: string;
  let yichangBase: { id: string; name: string; uscc: string };
  const newBase = "湖北省激光制造国际科技合作基地（联合研究）";
  const send = (content: Buffer) =>
    officer.request({
      method: "POST",
      url: "/api/registry-facts/bases/import",
      ...multipart({}, { name: "登记册.xlsx", content, mediaType: "application/octet-stream" }),
    });
  const counts = async () => ({
    bases: (await t.database.db.select().from(bases)).length,
    revocations: (await t.database.db.select().from(revocations)).length,
    alliances: (await t.database.db.select().from(alliances)).length,
    members: (await t.database.db.select().from(allianceMembers)).length,
  });
  const baseRow = () => [
    newBase,
    "武汉光谷激光科技有限公司",
    entUscc,
    "联合研究类",
    "激光制造",
    "刘洋",
    "德国",
    "2023-11-20",
    "鄂科技发外〔2023〕12号",
    "2022年办法",
  ];
  const revocationRow = () => [
    "武汉光谷激光科技有限公司",
    entUscc,
    "湖北省激光器件国际科技合作基地（技术转移）",
    "6",
    "2024-05-20",
    "鄂科技发外〔2024〕8号",
  ];
  const memberRows = () => [
    ["湖北省光电国际科技合作联盟", "产业性", newBase, "", "2024-03-01", "", "是"],
    ["湖北省光电国际科技合作联盟", "industry", yichangBase.name, yichangBase.uscc, "2023-09-01", "2025-06-30", ""],
    ["湖北省光电国际科技合作联盟", "产业性联盟", yichangBase.name, "", "2025-09-01", "", ""],
  ];

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
    entId = await unitIdByName(t.database.db, "武汉光谷激光科技有限公司");
    entUscc = (await t.database.db.select().from(units).where(eq(units.id, entId)))[0]!.uscc;
    const [account] = await t.database.db.select().from(units).where(eq(units.name, "宜昌三峡新材料股份有限公司"));
    const [base] = await t.database.db
      .select({ id: bases.id, name: bases.standardName })
      .from(bases)
      .where(eq(bases.unitId, account!.id))
      .limit(1);
    yichangBase = { ...base!, uscc: account!.uscc };
  });
  afterAll(() => t.close());

  it("writes nothing when one row of any sheet is bad, and names its sheet, row and column in zh and en", async () => {
    const before = await counts();
    const members = memberRows();
    members[2] = ["湖北省光电国际科技合作联盟", "合作性", yichangBase.name, "", "2025-09-01", "2025-01-01", ""];
    const rejected = await send(await workbook({ bases: [baseRow()], revocations: [revocationRow()], members }));
    expect(rejected.statusCode).toBe(422);
    const errors = rejected.json().errors as Array<{ path: string; messageZh: string; messageEn: string }>;
    expect(errors.map((error) => error.path).sort()).toEqual(["联盟成员.rows.4.联盟类型", "联盟成员.rows.4.退出日期"]);
    expect(errors[0]!.messageZh).toMatch(/^工作表“联盟成员”第4行 /);
    expect(errors[0]!.messageEn).toMatch(/^Sheet "联盟成员" row 4 /);
    expect(await counts()).toEqual(before);

    const badRevocations = [
      ["", entUscc, "某基地", "10", "2024-02-30", ""],
      ["", entUscc, "某基地", "3", "2026-03-11", ""],
      ["", yichangBase.uscc, yichangBase.name, "1", "2024-01-01", ""],
    ];
    const refused = await send(await workbook({ revocations: badRevocations }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((error: { path: string }) => error.path)).toEqual([
      "撤销记录.rows.2.撤销情形",
      "撤销记录.rows.2.撤销日期",
      // The clock reads 2026-03-10: a revocation tomorrow is not a past one.
      "撤销记录.rows.3.撤销日期",
      // A live base is revoked through its case, never by an import.
      "撤销记录.rows.4.基地名称",
    ]);
    expect(await counts()).toEqual(before);

    const missingColumn = new ExcelJS.Workbook();
    missingColumn.addWorksheet("撤销记录").addRow(["统一社会信用代码", "基地名称"]);
    const noColumn = await send(Buffer.from(await missingColumn.xlsx.writeBuffer()));
    expect(noColumn.statusCode).toBe(400);
    expect(noColumn.json().messageZh).toContain("工作表“撤销记录”缺少列：撤销情形、撤销日期");
  });

  it("imports bases, past revocations and dated alliance memberships in one transaction; the ban applies", async () => {
    const before = await counts();
    const imported = await send(
      await workbook({ bases: [baseRow()], revocations: [revocationRow()], members: memberRows() }),
    );
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ imported: 1, revocations: 1, allianceMembers: 3, alliancesCreated: 1 });
    expect(imported.json().rows.map((row: { sheet: string; row: number }) => `${row.sheet}:${row.row}`)).toEqual([
      "基地登记册:2",
      "撤销记录:2",
      "联盟成员:2",
      "联盟成员:3",
      "联盟成员:4",
    ]);
    expect(await counts()).toEqual({
      bases: before.bases + 1,
      revocations: before.revocations + 1,
      alliances: before.alliances + 1,
      members: before.members + 3,
    });
    const [revocation] = await t.database.db
      .select()
      .from(revocations)
      .where(eq(revocations.documentNumber, "鄂科技发外〔2024〕8号"));
    expect(revocation).toMatchObject({
      unitId: entId,
      baseId: null,
      baseName: "湖北省激光器件国际科技合作基地（技术转移）",
      ground: "6",
      revokedOn: "2024-05-20",
    });
    const [created] = await t.database.db.select().from(bases).where(eq(bases.standardName, newBase));
    const [alliance] = await t.database.db
      .select()
      .from(alliances)
      .where(eq(alliances.name, "湖北省光电国际科技合作联盟"));
    // Its lead is the row marked 牵头基地; it was founded on its earliest joining date.
    expect(alliance).toMatchObject({ kind: "industry", leadBaseId: created!.id, foundedOn: "2023-09-01" });
    const memberships = await t.database.db
      .select({ baseId: allianceMembers.baseId, joinedOn: allianceMembers.joinedOn, leftOn: allianceMembers.leftOn })
      .from(allianceMembers)
      .where(eq(allianceMembers.allianceId, alliance!.id));
    expect(memberships.sort((a, b) => a.joinedOn.localeCompare(b.joinedOn))).toEqual([
      { baseId: yichangBase.id, joinedOn: "2023-09-01", leftOn: "2025-06-30" },
      { baseId: created!.id, joinedOn: "2024-03-01", leftOn: null },
      { baseId: yichangBase.id, joinedOn: "2025-09-01", leftOn: null },
    ]);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "registry.import-bases"))
      .orderBy(auditLog.seq);
    expect(audit).toBeDefined();

    // The imported revocation bars the unit until 2027-05-20 (Art. 20): its new application is refused on it.
    const callId = (await openCall(t)).id;
    const applicant = await t.login("app.wuhan-ent");
    const application = await applicant.post("/api/applications", {
      callId,
      form: await completeForm(t, "刘洋", "激光制造"),
    });
    const finding = application
      .json()
      .eligibility.findings.find((f: { ruleId: string }) => f.ruleId === "20-revocation-ban");
    expect(finding.verdict).toBe("fail");

    // A second import of the same memberships overlaps them: refused, nothing written.
    const again = await send(await workbook({ members: memberRows().slice(2) }));
    expect(again.statusCode).toBe(422);
    expect(again.json().errors.map((error: { path: string }) => error.path)).toEqual(["联盟成员.rows.2.加入日期"]);
  });

  it("offers a template with the three sheets", async () => {
    const response = await officer.get("/api/registry-facts/bases/import-template");
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(response.rawPayload).buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["基地登记册", "撤销记录", "联盟成员"]);
    const header = (name: string) => (book.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);
    expect(header("撤销记录")).toEqual([...revocationColumns]);
    expect(header("联盟成员")).toEqual([...allianceColumns]);
  });
});
