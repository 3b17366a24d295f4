import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";

/** One column of an exported list: its Chinese header, its width and the cell of each row (labels, never codes). */
export interface ExportColumn<Row> {
  header: string;
  width: number;
  value: (row: Row) => string | number | null;
}

export interface ListExport<Row> {
  /** The file's name, with .xlsx; Chinese is kept (RFC 5987 filename*). */
  fileName: string;
  sheetName: string;
  columns: ReadonlyArray<ExportColumn<Row>>;
  /** The rows the list's filters match, in the list's order, a batch at a time. */
  batches: AsyncIterable<Row[]>;
  /** The filters in words (筛选条件 sheet): label and value, both Chinese. */
  filters: ReadonlyArray<[string, string]>;
  /** 导出时间 as an office date. */
  exportedOn: string;
}

/**
 * Streams a list as .xlsx to the reply (exceljs WorkbookWriter piped to the response): each row is committed as its
 * batch arrives, so a large list never sits in memory. Validation and authorization happen before this is called;
 * once the headers are sent a failure can only end the download early (it is logged).
 */
export function sendListWorkbook<Row>(reply: FastifyReply, list: ListExport<Row>) {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const write = async () => {
    const sheet = workbook.addWorksheet(list.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = list.columns.map((column, index) => ({
      header: column.header,
      key: `c${index}`,
      width: column.width,
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const batch of list.batches) {
      for (const row of batch) sheet.addRow(list.columns.map((column) => column.value(row) ?? "")).commit();
    }
    sheet.commit();
    const about = workbook.addWorksheet("筛选条件");
    about.columns = [
      { header: "项目", key: "label", width: 16 },
      { header: "内容", key: "value", width: 48 },
    ];
    about.getRow(1).font = { bold: true };
    about.addRow(["导出日期", list.exportedOn]).commit();
    for (const [label, value] of list.filters) about.addRow([label, value]).commit();
    if (list.filters.length === 0) about.addRow(["筛选", "全部（未筛选）"]).commit();
    about.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    reply.log.error({ err: error }, "list export failed while streaming");
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const ascii = list.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return reply
    .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(list.fileName)}`,
    )
    .header("cache-control", "private, no-store")
    .send(stream);
}
