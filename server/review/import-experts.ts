import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { ImportReport } from "../../contracts/review";
import { expertInput } from "../../contracts/review";
import { hubeiDivisions } from "../../policy/reference/divisions";
import { titles } from "../../policy/reference/titles";
import { type Actor, type CommandDeps, execute, piiCipher } from "../commands/command";
import type { Executor } from "../db/client";
import { experts, fields as fieldTable, people } from "../db/schema";
import { refused } from "../domain/refused";
import { type ExpertInput, insertExpert } from "./create-expert";

/**
 * The import template's columns, in Chinese as offices write them, and the input field each fills. The import
 * finds columns by these headers (any order); the template (`expertImportTemplate`) writes them in this order.
 */
export const importColumns = [
  { header: "姓名", key: "name", required: true, width: 12, hint: "2–50 字" },
  { header: "职称", key: "title", required: true, width: 10, hint: "正高级、副高级、中级、初级或其他" },
  { header: "工作单位", key: "unitName", required: true, width: 28, hint: "单位全称" },
  { header: "领域", key: "fields", required: true, width: 28, hint: "领域目录中的名称，多个用顿号或逗号分隔" },
  { header: "所在地区代码", key: "divisionCode", required: false, width: 14, hint: "6 位行政区划代码，如 420100" },
  { header: "手机", key: "phone", required: false, width: 15, hint: "加密保存，列表中脱敏显示" },
  { header: "邮箱", key: "email", required: false, width: 24, hint: "" },
  {
    header: "证件号码",
    key: "idNumber",
    required: false,
    width: 22,
    hint: "18 位身份证号，加密保存；用于识别同一人员",
  },
] as const;

/** Rows of the template's data sheet that carry the title list and the text format. */
const templateRows = 500;

/**
 * The Excel import template: sheet 1 is what the import reads (the header row exactly as `importColumns`, text
 * cells so ID numbers and codes keep their digits, a list of titles); sheet 2 explains each column and lists the
 * live fields (领域), titles and division codes. No sample row, so a forgotten one is never imported.
 */
export async function expertImportTemplate(executor: Executor): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "湖北省国际科技合作基地管理平台";
  const sheet = book.addWorksheet("专家", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = importColumns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: "@" } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  importColumns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: column.required ? "FFFCE4D6" : "FFEDEDED" },
    };
    cell.note = `${column.required ? "必填" : "选填"}${column.hint ? `：${column.hint}` : ""}`;
  });
  const titleColumn = importColumns.findIndex((c) => c.key === "title") + 1;
  for (let row = 2; row <= templateRows + 1; row++) {
    sheet.getCell(row, titleColumn).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${titles.map((t) => t.nameZh).join(",")}"`],
      showErrorMessage: true,
      errorTitle: "职称",
      error: "请从列表中选择职称",
    };
  }

  const fieldNames = await executor
    .select({ name: fieldTable.nameZh })
    .from(fieldTable)
    .where(eq(fieldTable.active, true))
    .orderBy(asc(fieldTable.sortOrder), asc(fieldTable.nameZh));
  const guide = book.addWorksheet("填写说明");
  guide.columns = [{ width: 16 }, { width: 10 }, { width: 60 }];
  const heading = (text: string) => {
    guide.addRow([]);
    guide.addRow([text]).font = { bold: true };
  };
  guide.addRow(["专家库导入说明：在“专家”工作表第 2 行起每行填写一位专家；任一行有误则全部不导入，并逐行列出错误。"]);
  heading("列");
  guide.addRow(["列名", "是否必填", "说明"]).font = { bold: true };
  for (const column of importColumns) guide.addRow([column.header, column.required ? "必填" : "选填", column.hint]);
  heading("职称");
  for (const title of titles) guide.addRow([title.nameZh]);
  heading("领域（当前领域目录）");
  for (const field of fieldNames) guide.addRow([field.name]);
  heading("所在地区代码（湖北省市州，亦可填写区县代码）");
  for (const division of hubeiDivisions) guide.addRow([division.code, "", division.nameZh]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

type RowError = ImportReport["errors"][number];

/** A cell as text: numbers, rich text and hyperlinks (e-mail cells) included. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((part) => part.text)
        .join("")
        .trim();
    if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}

const titleByName = new Map<string, string>(
  titles.flatMap((t) => [
    [t.nameZh, t.code],
    [t.code, t.code],
  ]),
);
const headerOf = (key: string) => importColumns.find((c) => c.key === key)?.header ?? key;

/** Reads and validates every row; returns the inputs only when no row has an error. */
export async function readExpertWorkbook(
  executor: Executor,
  content: Buffer,
  pii: ReturnType<typeof piiCipher>,
): Promise<{ inputs: ExpertInput[]; rows: number; errors: RowError[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(content).buffer);
  } catch {
    throw refused.invalidInput(
      "invalid-workbook",
      "无法读取该 Excel 文件（须为 .xlsx）。",
      "Cannot read the workbook (.xlsx).",
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refused.invalidInput("invalid-workbook", "Excel 文件中没有工作表。", "The workbook has no sheet.");
  const errors: RowError[] = [];
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const text = cellText(cell.value);
    const known = importColumns.find((c) => c.header === text);
    if (known) columnOf.set(known.key, column);
  });
  for (const column of importColumns.filter((c) => c.required && !columnOf.has(c.key))) {
    errors.push({
      row: 1,
      column: column.header,
      messageZh: `缺少“${column.header}”列`,
      messageEn: `Column "${column.header}" is missing`,
    });
  }
  if (errors.length) return { inputs: [], rows: 0, errors };

  const known = new Set(
    (await executor.select({ name: fieldTable.nameZh }).from(fieldTable).where(eq(fieldTable.active, true))).map(
      (f) => f.name,
    ),
  );
  const inputs: ExpertInput[] = [];
  const seenIds = new Map<string, number>();
  let rows = 0;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const value = (key: string) => {
      const column = columnOf.get(key);
      return column ? cellText(row.getCell(column).value) : "";
    };
    if (importColumns.every((c) => value(c.key) === "")) continue;
    rows += 1;
    const rowErrors: RowError[] = [];
    const fail = (key: string, messageZh: string, messageEn: string) =>
      rowErrors.push({ row: r, column: headerOf(key), messageZh, messageEn });
    const titleText = value("title");
    const title = titleByName.get(titleText);
    if (!title)
      fail("title", `职称“${titleText}”无效，应为正高级、副高级、中级、初级或其他`, `Unknown title "${titleText}"`);
    const fieldNames = value("fields")
      .split(/[、，,；;\s]+/)
      .filter(Boolean);
    for (const name of fieldNames.filter((f) => !known.has(f))) {
      fail("fields", `领域“${name}”不在领域目录中`, `Field "${name}" is not in the list of fields`);
    }
    const parsed = expertInput.safeParse({
      name: value("name"),
      title: title ?? "other",
      fields: fieldNames,
      unitName: value("unitName"),
      divisionCode: value("divisionCode") || null,
      phone: value("phone") || null,
      email: value("email") || null,
      idNumber: value("idNumber") || null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "name");
        const [zh, en] = issue.message.includes("||") ? issue.message.split("||") : [issue.message, issue.message];
        fail(key, zh ?? issue.message, en ?? issue.message);
      }
    }
    const idNumber = value("idNumber").toUpperCase();
    if (idNumber) {
      const first = seenIds.get(idNumber);
      if (first) fail("idNumber", `与第 ${first} 行证件号码重复`, `Same ID number as row ${first}`);
      else seenIds.set(idNumber, r);
      const [existing] = await executor
        .select({ id: experts.id })
        .from(experts)
        .innerJoin(people, eq(people.id, experts.personId))
        .where(eq(people.idNumberIndex, pii.blindIndex(idNumber)));
      if (existing) fail("idNumber", "该证件号码已在专家库中", "This ID number is already in the pool");
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) inputs.push(parsed.data);
  }
  return { inputs: errors.length ? [] : inputs, rows, errors };
}

/** Excel import of the expert pool: every row is validated first; if any fails, nothing is imported. */
export async function importExperts(deps: CommandDeps, actor: Actor, content: Buffer): Promise<ImportReport> {
  const read = await readExpertWorkbook(deps.database.db, content, piiCipher(deps.keys));
  if (read.errors.length) return { imported: 0, rows: read.rows, errors: read.errors };
  if (read.inputs.length === 0) {
    return {
      imported: 0,
      rows: 0,
      errors: [{ row: 2, column: "姓名", messageZh: "没有数据行", messageEn: "No data rows" }],
    };
  }
  return execute(deps, actor, "expert.import", { type: "expert" }, async (context) => {
    const ids: string[] = [];
    for (const input of read.inputs) ids.push(await insertExpert(context, input));
    await context.audit({ changes: { imported: ids.length, expertIds: ids } });
    return { imported: ids.length, rows: read.rows, errors: [] };
  });
}
