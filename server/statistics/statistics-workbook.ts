import ExcelJS from "exceljs";
import type { Statistics, StatisticsChart } from "../../contracts/statistics";

/** 2026-03-10 → 2026年3月10日 (the office form of dates). */
function officeDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** Excel refuses these in sheet names, and names over 31 characters. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, "").slice(0, 31);
}

function addChartSheet(workbook: ExcelJS.Workbook, statistics: Statistics, chart: StatisticsChart): void {
  const sheet = workbook.addWorksheet(sheetName(chart.titleZh));
  const flagged = chart.key === "bases-by-country";
  const headers = [chart.categoryZh, ...(flagged ? ["一带一路共建国家"] : []), ...chart.series.map((s) => s.labelZh)];
  const multiSeries = chart.series.length > 1 && chart.key !== "bases-by-country";
  if (multiSeries) headers.push("合计");
  const width = headers.length;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = chart.titleZh;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = `统计范围：${statistics.scope.labelZh}　统计日期：${officeDate(statistics.today)}`;
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  chart.categories.forEach((category, index) => {
    const values = chart.values[index] ?? [];
    const total = values.reduce((sum, value) => sum + value, 0);
    sheet.addRow([
      category.labelZh,
      ...(flagged ? [category.beltAndRoad ? "是" : "否"] : []),
      ...values,
      ...(multiSeries ? [total] : []),
    ]);
  });
  if (chart.key !== "bases-by-country") {
    const columnTotals = chart.series.map((_, column) =>
      chart.values.reduce((sum, row) => sum + (row[column] ?? 0), 0),
    );
    const totalRow = sheet.addRow([
      "合计",
      ...columnTotals,
      ...(multiSeries ? [columnTotals.reduce((sum, value) => sum + value, 0)] : []),
    ]);
    totalRow.font = { bold: true };
  }
  if (chart.noteZh) {
    sheet.addRow([]);
    sheet.addRow([`说明：${chart.noteZh}`]);
  }
  sheet.getColumn(1).width = 36;
  for (let column = 2; column <= width; column += 1) sheet.getColumn(column).width = 14;
}

/**
 * The statistics as .xlsx: one sheet per chart (or the one chart asked for), Chinese headers, the scope and date
 * under the title, a 合计 row and column where they add up (a base with several partner countries is counted once
 * per country, so that sheet has no total).
 */
export async function statisticsWorkbook(
  statistics: Statistics,
  charts: readonly StatisticsChart[],
  generatedAt: Date,
) {
  const workbook = new ExcelJS.Workbook();
  workbook.created = generatedAt;
  for (const chart of charts) addChartSheet(workbook, statistics, chart);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
