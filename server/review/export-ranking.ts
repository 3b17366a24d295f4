import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import type { Ranking } from "../../contracts/review";
import { registerPdfFonts } from "../documents/fonts";

const methodLabel = (method: string | null) =>
  method === "trimmed-mean" ? "去掉最高分和最低分后平均" : method === "mean" ? "算术平均" : "—";
const statusLabel: Record<string, string> = {
  drawing: "抽取专家中",
  "in-review": "评审中",
  completed: "已完成",
  cancelled: "已取消",
};

/** The call's ranking as an .xlsx (专家评审排序表): one sheet, Chinese headers, scores with 2 decimals. */
export async function rankingWorkbook(ranking: Ranking, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet("专家评审排序");
  sheet.mergeCells("A1:H1");
  sheet.getCell("A1").value = `${ranking.groupTitle} — 专家评审排序表`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.addRow([]);
  const header = sheet.addRow([
    "排名",
    "申报名称",
    "依托单位",
    "评审状态",
    "已评专家数",
    "综合得分",
    "计分方法",
    "偏离提示",
  ]);
  header.font = { bold: true };
  for (const row of ranking.rows) {
    sheet.addRow([
      row.rank ?? "—",
      row.targetTitle,
      row.unitName,
      statusLabel[row.status] ?? row.status,
      row.experts,
      row.score,
      methodLabel(row.method),
      row.flagged ? `${row.flagged} 位专家偏离较大` : "",
    ]);
  }
  sheet.getColumn(6).numFmt = "0.00";
  for (const [index, width] of [6, 44, 30, 12, 10, 10, 22, 18].entries()) sheet.getColumn(index + 1).width = width;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same ranking as an A4 PDF with the embedded CJK font. */
export function rankingPdf(ranking: Ranking, generatedAt: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: `${ranking.groupTitle} 专家评审排序表` } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    registerPdfFonts(doc);
    doc.font("title").fontSize(16).text("专家评审排序表", { align: "center" });
    doc.moveDown(0.5);
    doc.font("body").fontSize(11).text(ranking.groupTitle, { align: "center" });
    doc.moveDown(1);
    const columns = [
      { label: "排名", width: 40 },
      { label: "申报名称", width: 190 },
      { label: "依托单位", width: 140 },
      { label: "专家数", width: 45 },
      { label: "综合得分", width: 80 },
    ];
    const drawRow = (cells: string[], font: "body" | "title") => {
      const y = doc.y;
      let x = doc.page.margins.left;
      doc.font(font).fontSize(10);
      const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 6 }));
      const height = Math.max(...heights) + 6;
      if (y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      cells.forEach((cell, i) => {
        doc.text(cell, x + 3, top + 3, { width: columns[i]!.width - 6 });
        x += columns[i]!.width;
      });
      doc
        .moveTo(doc.page.margins.left, top + height)
        .lineTo(x, top + height)
        .lineWidth(0.5)
        .stroke();
      doc.x = doc.page.margins.left;
      doc.y = top + height;
    };
    drawRow(
      columns.map((c) => c.label),
      "title",
    );
    for (const row of ranking.rows) {
      drawRow(
        [
          row.rank === null ? "—" : String(row.rank),
          row.targetTitle,
          row.unitName,
          String(row.experts),
          row.score === null ? "未完成" : row.score.toFixed(2),
        ],
        "body",
      );
    }
    doc.moveDown(1);
    doc
      .font("body")
      .fontSize(9)
      .text(
        `计分方法：专家人数不少于 5 人时去掉一个最高分和一个最低分后取平均，否则取算术平均。生成时间：${generatedAt.toISOString().slice(0, 10)}`,
        doc.page.margins.left,
      );
    doc.end();
  });
}
