import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { z } from "zod";
import { baseImportColumns, type importReport } from "../../contracts/registry";
import { baseTypes } from "../../policy/reference/base-types";
import { chinaDate } from "../clock";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { allianceMembers, alliances, bases, revocations, units } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { countryList } from "../reference/countries";
import {
  allianceColumns,
  allianceSheet,
  checkAllianceMembers,
  checkRevocations,
  readSheet,
  registryBases,
  revocationColumns,
  revocationSheet,
} from "./import-history";

type Report = z.infer<typeof importReport>;
type RowError = Report["rows"][number]["errors"][number];

/** 来源 column → bases.origin and the edition of the measures the base was recognized under. */
const origins: Record<string, { origin: string; edition: string }> = {
  "2016年办法": { origin: "provincial-2016", edition: "2016" },
  "2016": { origin: "provincial-2016", edition: "2016" },
  "2022年办法": { origin: "provincial-2022", edition: "2022" },
  "2022": { origin: "provincial-2022", edition: "2022" },
  科技部国际科技合作基地: { origin: "most-international", edition: "national" },
  科技部: { origin: "most-international", edition: "national" },
};

const countryCodes = new Map<string, string>();
for (const country of countryList) {
  countryCodes.set(country.code, country.code);
  countryCodes.set(country.nameZh, country.code);
  countryCodes.set(country.nameEn.toLowerCase(), country.code);
}
for (const [name, code] of [
  ["香港", "HK"],
  ["澳门", "MO"],
  ["台湾", "TW"],
] as const)
  countryCodes.set(name, code);

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((part) => part.text)
        .join("")
        .trim();
    if ("text" in value) return String(value.text).trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}

function parseDate(text: string): string | null {
  const match = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The bases sheet's name in the template; an older file's first sheet of any other name is read as it. */
export const baseSheet = "基地登记册";

/**
 * Imports the existing registry (bases under the 2016 and 2022 measures, MOST international bases in Hubei) from
 * Excel, with the optional sheets 撤销记录 (past revocations, Art. 20) and 联盟成员 (alliance memberships, Art. 27):
 * every row of every sheet is validated and reported by sheet, row and column; one bad row and nothing is written
 * (422 with the report); otherwise all rows go in one transaction with one audit entry. The unit is matched by its
 * 统一社会信用代码.
 */
export async function importBases(deps: CommandDeps, actor: Actor, content: Buffer): Promise<Report> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(content).buffer);
  } catch {
    throw new Refused("unsupported-type", {
      code: "wrong-file-type",
      messageZh: "无法读取该 Excel 文件。",
      messageEn: "The Excel file cannot be read.",
    });
  }
  const extraSheet = (name: string) => workbook.worksheets.find((ws) => ws.name.trim() === name);
  const sheet = workbook.worksheets.find((ws) => ![revocationSheet, allianceSheet].includes(ws.name.trim()));
  const sheetName = sheet?.name.trim() || baseSheet;
  const raw: Array<{ row: number; get: (name: (typeof baseImportColumns)[number]) => string }> = [];
  if (sheet) {
    const read = readSheet(sheet, baseImportColumns, cellText);
    const header = new Set<string>();
    sheet.getRow(1).eachCell((cell) => {
      header.add(cellText(cell.value));
    });
    const missing = baseImportColumns.filter((name) => !header.has(name));
    // A workbook of history only may leave the bases sheet empty; one with base rows needs every column.
    if (missing.length > 0 && (read.rows.length > 0 || header.size > 0)) {
      throw refused.invalidInput(
        "invalid-input",
        `工作表“${sheetName}”缺少列：${missing.join("、")}`,
        `Sheet "${sheetName}" lacks columns: ${missing.join(", ")}`,
      );
    }
    raw.push(...read.rows);
  }
  const extras = [
    { name: revocationSheet, columns: revocationColumns },
    { name: allianceSheet, columns: allianceColumns },
  ].map(({ name, columns }) => {
    const found = extraSheet(name);
    if (!found) return { name, rows: [] };
    const read = readSheet(found, columns, cellText);
    if (read.missing.length > 0) {
      throw refused.invalidInput(
        "invalid-input",
        `工作表“${name}”缺少列：${read.missing.join("、")}`,
        `Sheet "${name}" lacks columns: ${read.missing.join(", ")}`,
      );
    }
    return { name, rows: read.rows };
  });
  const [revocationRows, allianceRows] = [extras[0]!.rows, extras[1]!.rows];
  if (raw.length + revocationRows.length + allianceRows.length === 0)
    throw refused.invalidInput("invalid-input", "文件中没有数据行。", "The file has no data rows.");

  const db = deps.database.db;
  const usccs = [...new Set(raw.map((r) => r.get("统一社会信用代码").toUpperCase()))];
  const knownUnits = await db.select().from(units).where(inArray(units.uscc, usccs));
  const existing = await db.select({ name: bases.standardName, unitId: bases.unitId }).from(bases);
  const seen = new Set(existing.map((b) => `${b.unitId}|${b.name}`));

  const report: Report = { imported: 0, rows: [] };
  const values: Array<Omit<typeof bases.$inferInsert, "createdAt">> = [];
  for (const { row, get } of raw) {
    const errors: RowError[] = [];
    const fail = (column: string, messageZh: string, messageEn: string) =>
      errors.push({ column, messageZh, messageEn });
    const name = get("基地名称");
    if (!name) fail("基地名称", "基地名称不能为空", "The base's name is required");
    const uscc = get("统一社会信用代码").toUpperCase();
    const unit = knownUnits.find((u) => u.uscc === uscc);
    if (!unit) fail("统一社会信用代码", `平台中没有统一社会信用代码为“${uscc}”的单位`, `No unit with USCC "${uscc}"`);
    const typeText = get("类型");
    const type = baseTypes.find((t) => t.nameZh === typeText || t.shortZh === typeText || t.code === typeText);
    if (!type) fail("类型", `类型“${typeText}”无效，应为联合研究类、技术转移类或特色类`, `Unknown type "${typeText}"`);
    const field = get("领域");
    if (!field) fail("领域", "领域不能为空", "The field is required");
    const countries = get("重点合作国家")
      .split(/[、,，;；\s]+/)
      .filter(Boolean)
      .map((token) => ({ token, code: countryCodes.get(token) ?? countryCodes.get(token.toLowerCase()) }));
    for (const unknown of countries.filter((c) => !c.code)) {
      fail("重点合作国家", `无法识别的国家（地区）：${unknown.token}`, `Unknown country: ${unknown.token}`);
    }
    const recognizedOn = parseDate(get("认定日期"));
    if (!recognizedOn) fail("认定日期", "认定日期应为 YYYY-MM-DD", "The recognition date must be YYYY-MM-DD");
    const documentNumber = get("认定文号");
    if (!documentNumber) fail("认定文号", "认定文号不能为空", "The document number is required");
    const origin = origins[get("来源")];
    if (!origin) fail("来源", "来源应为 2016年办法、2022年办法 或 科技部国际科技合作基地", "Unknown origin");
    if (unit && name) {
      const key = `${unit.id}|${name}`;
      if (seen.has(key))
        fail("基地名称", "该基地已在登记册中（或在文件中重复）", "Already in the registry or repeated");
      seen.add(key);
    }
    report.rows.push({ sheet: sheetName, row, ok: errors.length === 0, baseName: name, errors });
    if (errors.length === 0 && unit && type && recognizedOn && origin) {
      values.push({
        id: randomUUID(),
        standardName: name,
        unitId: unit.id,
        recommenderId: unit.recommenderId,
        type: type.code,
        field,
        isKey: name.includes("离岸中心"),
        isOffshore: name.includes("离岸"),
        college: unit.college,
        directorName: get("负责人"),
        countries: { key: countries.map((c) => c.code!), main: [], radiating: [] },
        recognizedOn,
        documentNumber,
        origin: origin.origin,
        edition: origin.edition,
        status: "active",
        statusChangedOn: recognizedOn,
      });
    }
  }
  // The extra sheets may name the registry's bases and the ones this file adds.
  const known = [
    ...(await registryBases(db)),
    ...values.map((v) => ({ id: v.id!, name: v.standardName, unitId: v.unitId, status: "active" })),
  ];
  const checkContext = { db, today: chinaDate(deps.clock.now()), parseDate, known };
  const revoked = await checkRevocations(checkContext, revocationRows);
  const memberships = await checkAllianceMembers(checkContext, allianceRows);
  report.rows.push(...revoked.reports, ...memberships.reports);
  if (report.rows.some((r) => !r.ok)) {
    const bad = report.rows.filter((r) => !r.ok);
    throw refused.rule({
      code: "import-rejected",
      messageZh: `${bad.length} 行有误，未导入任何数据，请修改后重新导入。`,
      messageEn: `${bad.length} rows are invalid; nothing was imported.`,
      errors: bad.flatMap((r) =>
        r.errors.map((e) => ({
          // The bases sheet keeps its original paths (rows.3.类型); the extra sheets are named first.
          path: r.sheet === sheetName ? `rows.${r.row}.${e.column}` : `${r.sheet}.rows.${r.row}.${e.column}`,
          messageZh: `工作表“${r.sheet}”第${r.row}行 ${e.column}：${e.messageZh}`,
          messageEn: `Sheet "${r.sheet}" row ${r.row} ${e.column}: ${e.messageEn}`,
        })),
      ),
    });
  }
  await execute(deps, actor, "registry.import-bases", { type: "base" }, async (context) => {
    const now = context.clock.now();
    const by = actor.accountId;
    if (values.length > 0) await context.tx.insert(bases).values(values.map((v) => ({ ...v, createdAt: now })));
    if (revoked.values.length > 0)
      await context.tx.insert(revocations).values(revoked.values.map((v) => ({ ...v, createdBy: by, createdAt: now })));
    if (memberships.alliances.length > 0)
      await context.tx
        .insert(alliances)
        .values(memberships.alliances.map((v) => ({ ...v, createdBy: by, createdAt: now })));
    if (memberships.members.length > 0)
      await context.tx
        .insert(allianceMembers)
        .values(memberships.members.map((v) => ({ ...v, createdBy: by, createdAt: now })));
    await context.audit({
      changes: {
        imported: values.length,
        bases: values.map((v) => ({ id: v.id, name: v.standardName })),
        revocations: revoked.values.map((v) => ({
          id: v.id,
          baseName: v.baseName,
          ground: v.ground,
          revokedOn: v.revokedOn,
        })),
        alliancesCreated: memberships.alliances.map((v) => ({ id: v.id, name: v.name, kind: v.kind })),
        allianceMembers: memberships.members.map((v) => ({ id: v.id, allianceId: v.allianceId, baseId: v.baseId })),
      },
    });
  });
  report.imported = values.length;
  report.revocations = revoked.values.length;
  report.allianceMembers = memberships.members.length;
  report.alliancesCreated = memberships.alliances.length;
  return report;
}

/** The import template: the header row only. */
export async function baseImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(baseSheet);
  sheet.addRow([...baseImportColumns]);
  sheet.addRow([
    "湖北省光电子信息国际科技合作基地（联合研究）",
    "示例单位",
    "91420100MA4K2L3N5X",
    "联合研究类",
    "光电子信息",
    "张三",
    "德国、新加坡",
    "2023-11-20",
    "鄂科技发外〔2023〕12号",
    "2022年办法",
  ]);
  const revoked = workbook.addWorksheet(revocationSheet);
  revoked.addRow([...revocationColumns]);
  revoked.addRow([
    "示例单位",
    "91420100MA4K2L3N5X",
    "湖北省示例国际科技合作基地（联合研究）",
    "6",
    "2024-05-20",
    "鄂科技发外〔2024〕8号",
  ]);
  const members = workbook.addWorksheet(allianceSheet);
  members.addRow([...allianceColumns]);
  members.addRow([
    "湖北省光电子信息国际科技合作联盟",
    "产业性",
    "湖北省光电子信息国际科技合作基地（联合研究）",
    "91420100MA4K2L3N5X",
    "2024-03-01",
    "",
    "是",
  ]);
  for (const each of [sheet, revoked, members])
    each.columns.forEach((c) => {
      c.width = 22;
    });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
