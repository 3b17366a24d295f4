import ExcelJS from "exceljs";
import type { FieldError } from "../../../contracts/errors";
import { formatIsoDate, type IsoDate, isIsoDate, yearOf } from "../../../policy/calendar/dates";
import { type HolidayDayKind, holidayDayKindOf, holidayImportColumns } from "../../../policy/calendar/holiday-sources";
import { ApiError, apiError } from "../../http/errors";
import { sanitizeFileName, sniffKind } from "../../storage/files";

/** One year's dates read from an import file, with the number of data rows. */
export interface HolidayFile {
  year: number;
  holidays: IsoDate[];
  adjustedWorkingDays: IsoDate[];
  rows: number;
  fileName: string;
}

type Cell = string | number | Date | null;
interface RawRow {
  row: number;
  date: Cell;
  kind: string;
}

const maxRows = 1000;
const dayMs = 86_400_000;
/** Excel's day 0 (1900 date system, with its leap-year bug absorbed): serial 1 = 1900-01-01. */
const excelEpoch = Date.UTC(1899, 11, 30);

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return null;
}

const text = (cell: Cell) => (cell === null ? "" : cell instanceof Date ? cell.toISOString() : String(cell)).trim();

/** A 日期 cell: an Excel date, an Excel serial number, or text (2027-01-01, 2027/1/1, 2027年1月1日, 20270101). */
function readDateCell(cell: Cell): IsoDate | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // exceljs gives date cells as UTC midnight of the day shown in Excel.
    return formatIsoDate({ year: cell.getUTCFullYear(), month: cell.getUTCMonth() + 1, day: cell.getUTCDate() });
  }
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 20_000 || cell > 80_000) return null;
    return new Date(excelEpoch + cell * dayMs).toISOString().slice(0, 10);
  }
  const value = text(cell).replace(/日$/, "");
  const match =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  const iso = formatIsoDate({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  return isIsoDate(iso) ? iso : null;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF; a tab-separated file (pasted from a sheet) is read too. */
function csvRecords(source: string): string[][] {
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === separator) {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[index + 1] === "\n") index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Text of a CSV file: UTF-8 (with or without BOM), else GB18030 — what Excel on a Chinese Windows saves as CSV. */
function decodeText(content: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(content);
  }
}

const unreadable = () =>
  apiError(
    415,
    "wrong-file-type",
    "无法读取该文件：请上传 Excel（.xlsx）或 CSV 文件（可先下载模板）。",
    "The file cannot be read: upload an Excel (.xlsx) or CSV file (the template shows the layout).",
    [{ path: "file", messageZh: "应为 .xlsx 或 .csv 文件", messageEn: "An .xlsx or .csv file" }],
  );

/** The rows of the first sheet, or of the CSV, as plain cells; row numbers as the officer sees them. */
async function readTable(content: Buffer): Promise<Array<{ row: number; cells: Cell[] }>> {
  const kind = sniffKind(content);
  if (kind === "xlsx") {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(new Uint8Array(content).buffer);
    } catch {
      throw unreadable();
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw unreadable();
    const table: Array<{ row: number; cells: Cell[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellValue(cell.value);
      });
      table.push({ row: number, cells: Array.from(cells, (cell) => cell ?? null) });
    });
    return table;
  }
  // Not a known binary format; a CSV has no NUL bytes (an old .xls, a PDF or an image has).
  if (kind !== null || content.includes(0)) throw unreadable();
  return csvRecords(decodeText(content)).map((cells, index) => ({ row: index + 1, cells }));
}

const rowError = (row: number, column: string, messageZh: string, messageEn: string): FieldError => ({
  path: `rows[${row}].${column}`,
  messageZh: `第 ${row} 行「${column}」：${messageZh}`,
  messageEn: `Row ${row}, ${column}: ${messageEn}`,
});

/**
 * Reads a holiday schedule from an Excel (.xlsx, first sheet) or CSV file with the columns 日期 and 类型 (放假/休 =
 * holiday, 上班/班/调休上班/补班 = adjusted working day), the header in the first non-empty row. Every bad row is
 * reported with its row number (`rows[3].日期`), all at once, as a 422 — nothing is saved then. The year is `year`
 * when given, else the year of the first date; a date of another year is a bad row.
 */
export async function readHolidayFile(name: string, content: Buffer, year?: number): Promise<HolidayFile> {
  const table = (await readTable(content)).filter((entry) => entry.cells.some((cell) => text(cell) !== ""));
  const header = table.shift();
  const titles = (header?.cells ?? []).map((cell) => text(cell).replace(/\s/g, ""));
  const dateColumn = titles.indexOf(holidayImportColumns.date);
  const kindColumn = titles.indexOf(holidayImportColumns.kind);
  const missing = [
    ...(dateColumn < 0 ? [holidayImportColumns.date] : []),
    ...(kindColumn < 0 ? [holidayImportColumns.kind] : []),
  ];
  if (missing.length > 0) {
    throw apiError(
      400,
      "invalid-input",
      `第一行应为表头「日期」「类型」，缺少：${missing.join("、")}（可下载模板对照）。`,
      `The first row must be the headers 日期 and 类型; missing: ${missing.join(", ")} (see the template).`,
      missing.map((column) => ({
        path: `columns.${column}`,
        messageZh: `缺少「${column}」列`,
        messageEn: `No ${column} column`,
      })),
    );
  }
  if (table.length === 0) {
    throw apiError(400, "invalid-input", "文件中没有数据行。", "The file has no data rows.", [
      { path: "rows", messageZh: "没有数据行", messageEn: "No data rows" },
    ]);
  }
  if (table.length > maxRows) {
    throw apiError(
      400,
      "invalid-input",
      `文件有 ${table.length} 行，超过 ${maxRows} 行上限；一个文件只放一年的日期。`,
      `The file has ${table.length} rows, more than ${maxRows}; one file holds one year.`,
      [{ path: "rows", messageZh: "行数过多", messageEn: "Too many rows" }],
    );
  }
  const rows: RawRow[] = table.map(({ row, cells }) => ({
    row,
    date: cells[dateColumn] ?? null,
    kind: text(cells[kindColumn] ?? null),
  }));

  const errors: FieldError[] = [];
  const seen = new Map<IsoDate, { row: number; kind: HolidayDayKind }>();
  let fileYear = year;
  for (const { row, date, kind } of rows) {
    const iso = readDateCell(date);
    const dayKind = holidayDayKindOf(kind);
    const { date: dateTitle, kind: kindTitle } = holidayImportColumns;
    if (!iso) {
      errors.push(
        text(date) === ""
          ? rowError(row, dateTitle, "日期为空", "the date is empty")
          : rowError(
              row,
              dateTitle,
              `“${text(date)}”不是有效日期（应为 YYYY-MM-DD）`,
              `"${text(date)}" is not a valid date (YYYY-MM-DD)`,
            ),
      );
    } else {
      fileYear ??= yearOf(iso);
      if (yearOf(iso) !== fileYear) {
        errors.push(
          rowError(row, dateTitle, `${iso} 不在 ${fileYear} 年`, `${iso} is not in ${fileYear} (one year per file)`),
        );
      }
    }
    if (!dayKind) {
      errors.push(
        rowError(
          row,
          kindTitle,
          `“${kind}”无法识别，应为 放假/休 或 上班/班/调休上班`,
          `"${kind}" is not a day kind: 放假/休 (holiday) or 上班/班/调休上班 (adjusted working day)`,
        ),
      );
    }
    if (!iso || !dayKind) continue;
    const earlier = seen.get(iso);
    if (earlier && earlier.kind !== dayKind) {
      errors.push(
        rowError(
          row,
          dateTitle,
          `${iso} 与第 ${earlier.row} 行重复且类型不同（不能既放假又上班）`,
          `${iso} repeats row ${earlier.row} with the other kind (a day cannot be both off and working)`,
        ),
      );
    } else if (!earlier) seen.set(iso, { row, kind: dayKind });
  }
  if (errors.length > 0 || fileYear === undefined) {
    const rowsAtFault = new Set(errors.map((error) => error.path.slice(0, error.path.indexOf("]") + 1))).size;
    throw new ApiError(422, {
      code: "holiday-import-rejected",
      messageZh: `文件中有 ${rowsAtFault} 行有误，未导入任何日期，请修改后重新导入。`,
      messageEn: `${rowsAtFault} rows of the file are invalid; nothing was imported.`,
      errors,
    });
  }
  const byKind = (wanted: HolidayDayKind) =>
    [...seen.entries()]
      .filter(([, entry]) => entry.kind === wanted)
      .map(([date]) => date)
      .sort();
  return {
    year: fileYear,
    holidays: byKind("holiday"),
    adjustedWorkingDays: byKind("working"),
    rows: rows.length,
    fileName: sanitizeFileName(name),
  };
}

/** The import template: the two columns, two example rows, and a sheet saying how to fill it in. */
export async function holidayImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("节假日安排");
  sheet.columns = [
    { header: holidayImportColumns.date, key: "date", width: 16 },
    { header: holidayImportColumns.kind, key: "kind", width: 12 },
  ];
  sheet.addRow({ date: "2027-01-01", kind: "放假" });
  sheet.addRow({ date: "2027-02-20", kind: "上班" });
  sheet.getRow(1).font = { bold: true };
  const help = workbook.addWorksheet("填写说明");
  help.getColumn(1).width = 100;
  for (const line of [
    "按国务院办公厅当年的放假安排通知填写，每个日期一行，只填一年的日期；导入时须填写通知文号（如 国办发明电〔2025〕7号）。",
    "日期：YYYY-MM-DD（如 2027-01-01），也可为 Excel 日期单元格。",
    "类型：放假（或“休”）= 放假日；上班（或“班”“调休上班”）= 调休上班日（通常为周六或周日）。",
    "放假日包括与法定节假日连休的周末；普通周末无需填写。",
    "示例行（2027-01-01、2027-02-20）仅为格式示例，导入前请替换为通知中的实际日期。",
  ]) {
    help.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
