import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { ImportReport } from "../../contracts/review";
import { expertInput } from "../../contracts/review";
import { titles } from "../../policy/reference/titles";
import { type Actor, type CommandDeps, execute, piiCipher } from "../commands/command";
import type { Executor } from "../db/client";
import { experts, fields as fieldTable, people } from "../db/schema";
import { apiError } from "../http/errors";
import { type ExpertInput, insertExpert } from "./create-expert";

/** The import template's columns, in Chinese as offices write them, and the input field each fills. */
export const importColumns = [
  { header: "姓名", key: "name", required: true },
  { header: "职称", key: "title", required: true },
  { header: "工作单位", key: "unitName", required: true },
  { header: "领域", key: "fields", required: true },
  { header: "所在地区代码", key: "divisionCode", required: false },
  { header: "手机", key: "phone", required: false },
  { header: "邮箱", key: "email", required: false },
  { header: "证件号码", key: "idNumber", required: false },
] as const;

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
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw apiError(
      400,
      "invalid-workbook",
      "无法读取该 Excel 文件（须为 .xlsx）。",
      "Cannot read the workbook (.xlsx).",
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw apiError(400, "invalid-workbook", "Excel 文件中没有工作表。", "The workbook has no sheet.");
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
