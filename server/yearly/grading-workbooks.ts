import ExcelJS from "exceljs";
import type { GradingView } from "../../contracts/evaluation";
import { grades } from "../../policy/grading/grade";
import { chinaDate } from "../clock";

const chineseDate = (at: Date) => {
  const [year, month, day] = chinaDate(at).split("-").map(Number);
  return `${year}年${month}月${day}日`;
};
const gradeZh = (code: string | null) => grades.find((grade) => grade.code === code)?.nameZh ?? "—";

function titled(workbook: ExcelJS.Workbook, name: string, title: string, columns: Array<[string, number]>) {
  const sheet = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: "landscape" } });
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: "center" };
  sheet.addRow([]);
  const header = sheet.addRow(columns.map(([label]) => label));
  header.font = { bold: true };
  columns.forEach(([, width], index) => {
    sheet.getColumn(index + 1).width = width;
  });
  return sheet;
}

/** 经费安排表 (Art. 23): one row per base with its grade and allocation in yuan, for the finance office. */
export async function fundingWorkbook(view: GradingView, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = generatedAt;
  const sheet = titled(workbook, "经费安排", `${view.year}年度省国际科技合作基地绩效考核经费安排表`, [
    ["序号", 6],
    ["基地名称", 46],
    ["依托单位", 30],
    ["考核得分", 10],
    ["考核结果", 10],
    ["安排经费（元）", 16],
  ]);
  let total = 0;
  view.lines.forEach((line, index) => {
    total += line.fundingYuan ?? 0;
    sheet.addRow([index + 1, line.baseName, line.unitName, line.score, gradeZh(line.grade), line.fundingYuan ?? 0]);
  });
  const sum = sheet.addRow(["", "合计", "", "", "", total]);
  sum.font = { bold: true };
  sheet.getColumn(4).numFmt = "0.00";
  sheet.getColumn(6).numFmt = "#,##0";
  sheet.addRow([]);
  sheet.addRow([
    `经费标准：优秀 ${view.funding?.excellent ?? 0} 元，合格 ${view.funding?.qualified ?? 0} 元，不合格 ${view.funding?.unqualified ?? 0} 元。生成日期：${chineseDate(generatedAt)}`,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 优先推荐名单 (Art. 25): the bases graded 优秀, for priority recommendation to national platforms and programmes. */
export async function excellentWorkbook(view: GradingView, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = generatedAt;
  const sheet = titled(workbook, "优先推荐名单", `${view.year}年度考核优秀基地优先推荐名单（第二十五条）`, [
    ["序号", 6],
    ["基地名称", 46],
    ["依托单位", 30],
    ["考核得分", 10],
  ]);
  view.lines
    .filter((line) => line.grade === "excellent")
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
    .forEach((line, index) => {
      sheet.addRow([index + 1, line.baseName, line.unitName, line.score]);
    });
  sheet.getColumn(4).numFmt = "0.00";
  sheet.addRow([]);
  sheet.addRow([`生成日期：${chineseDate(generatedAt)}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
