import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { z } from "zod";
import { baseImportColumns, type importReport } from "../../contracts/registry";
import { baseTypes } from "../../policy/reference/base-types";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { bases, units } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { countryList } from "../reference/countries";

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

/**
 * Imports the existing registry (bases under the 2016 and 2022 measures, MOST international bases in Hubei) from
 * Excel: every row is validated and reported; one bad row and nothing is written (422 with the report); otherwise
 * all rows go in one transaction with one audit entry. The unit is matched by its 统一社会信用代码.
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
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refused.invalidInput("invalid-input", "Excel 文件没有工作表。", "The workbook has no sheet.");
  const header = baseImportColumns.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
  const missing = baseImportColumns.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw refused.invalidInput(
      "invalid-input",
      `缺少列：${missing.join("、")}`,
      `Missing columns: ${missing.join(", ")}`,
    );
  }
  const column = (name: (typeof baseImportColumns)[number]) => header.indexOf(name) + 1;

  const raw: Array<{ row: number; get: (name: (typeof baseImportColumns)[number]) => string }> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const get = (name: (typeof baseImportColumns)[number]) => cellText(row.getCell(column(name)).value);
    if (baseImportColumns.every((name) => get(name) === "")) return;
    raw.push({ row: number, get });
  });
  if (raw.length === 0) throw refused.invalidInput("invalid-input", "文件中没有数据行。", "The file has no data rows.");

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
    report.rows.push({ row, ok: errors.length === 0, baseName: name, errors });
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
  if (report.rows.some((r) => !r.ok)) {
    const bad = report.rows.filter((r) => !r.ok);
    throw refused.rule({
      code: "import-rejected",
      messageZh: `${bad.length} 行有误，未导入任何数据，请修改后重新导入。`,
      messageEn: `${bad.length} rows are invalid; nothing was imported.`,
      errors: bad.flatMap((r) =>
        r.errors.map((e) => ({
          path: `rows.${r.row}.${e.column}`,
          messageZh: `第${r.row}行 ${e.column}：${e.messageZh}`,
          messageEn: `Row ${r.row} ${e.column}: ${e.messageEn}`,
        })),
      ),
    });
  }
  await execute(deps, actor, "registry.import-bases", { type: "base" }, async (context) => {
    const now = context.clock.now();
    await context.tx.insert(bases).values(values.map((v) => ({ ...v, createdAt: now })));
    await context.audit({
      changes: { imported: values.length, bases: values.map((v) => ({ id: v.id, name: v.standardName })) },
    });
  });
  report.imported = values.length;
  return report;
}

/** The import template: the header row only. */
export async function baseImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("基地登记册");
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
  sheet.columns.forEach((c) => {
    c.width = 22;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
