import { Document, Packer } from "docx";
import ExcelJS from "exceljs";
import { officeDate } from "../../policy/calendar/dates";
import { docxGrid, docxParagraph, docxSection, docxSpacer, docxStyles, docxTitle } from "./docx-page";
import { contentWidth, createA4Pdf, finishPdf, pdfTable, pdfTitle } from "./pdf-page";
import type { Verification } from "./verification";

/** A recommender's priority-ranked list for one call: what the 推荐函 and the 汇总表 print (SPEC §5.1 step 3). */
export interface RecommendationData {
  callTitle: string;
  year: number;
  recommenderName: string;
  /** Date printed under the seal, YYYY-MM-DD. */
  date: string;
  quota: number | null;
  items: Array<{
    priority: number;
    unitName: string;
    standardName: string;
    type: string;
    field: string;
    director: string;
    keyCountries: string;
    mainCountries: string;
    /** The recommender's 推荐意见 on it, printed under its line; empty when none was written. */
    opinion: string;
  }>;
}

export const letterTitle = (data: RecommendationData) => `关于推荐${data.year}年度湖北省国际科技合作基地的函`;
export const summaryTitle = (data: RecommendationData) => `${data.year}年度湖北省国际科技合作基地推荐汇总表`;

function letterParagraphs(data: RecommendationData): string[] {
  return [
    `根据《${data.callTitle}》要求，我单位对所辖申报单位的申报材料进行了审核。经审核，以下申报材料真实、完整，符合《湖北省国际科技合作基地管理办法》（鄂科技规〔2025〕6号）规定的认定条件，现按优先顺序推荐以下${data.items.length}个基地${data.quota === null ? "" : `（本批次推荐限额${data.quota}个）`}：`,
    ...data.items.flatMap((item) => [
      `${item.priority}. ${item.unitName}：${item.standardName}`,
      ...(item.opinion ? [`推荐意见：${item.opinion}`] : []),
    ]),
    "特此函告。",
    `附件：${summaryTitle(data)}`,
  ];
}

const columns = [
  { header: "优先序号", width: 6, key: "priority" },
  { header: "依托单位", width: 18, key: "unitName" },
  { header: "基地名称", width: 24, key: "standardName" },
  { header: "类型", width: 8, key: "type" },
  { header: "领域", width: 10, key: "field" },
  { header: "负责人", width: 8, key: "director" },
  { header: "重点合作国家（地区）", width: 14, key: "keyCountries" },
  { header: "主要合作国家（地区）", width: 12, key: "mainCountries" },
] as const;

const cells = (item: RecommendationData["items"][number]) => columns.map((c) => String(item[c.key]));

/** The 推荐函 as Word: addressed to 省科技厅, listing the applications in priority order, room for the seal. */
export async function renderLetterDocx(data: RecommendationData, verification: Verification): Promise<Buffer> {
  const [intro = "", ...rest] = letterParagraphs(data);
  const document = new Document({
    creator: "国合基地管理平台",
    title: letterTitle(data),
    styles: docxStyles,
    sections: [
      docxSection([
        docxTitle(letterTitle(data)),
        docxParagraph("省科技厅：", { indent: false }),
        docxParagraph(intro),
        ...rest.map((text) => docxParagraph(text)),
        docxSpacer(),
        docxParagraph(`${data.recommenderName}（盖章）`, { indent: false, align: "right" }),
        docxParagraph(officeDate(data.date), { indent: false, align: "right" }),
        docxSpacer(),
        docxParagraph(`验证码：${verification.code}`, { indent: false }),
        docxTitle(summaryTitle(data), { pageBreakBefore: true }),
        docxGrid(
          columns.map((c) => ({ header: c.header, width: c.width })),
          data.items.map(cells),
        ),
      ]),
    ],
  });
  return Packer.toBuffer(document);
}

/** The 推荐函 as PDF (the summary table follows on its own page). */
export async function renderLetterPdf(data: RecommendationData, verification: Verification): Promise<Buffer> {
  const doc = createA4Pdf({ title: letterTitle(data) });
  pdfTitle(doc, letterTitle(data), 20);
  doc.fontSize(15).text("省科技厅：");
  doc.moveDown(0.4);
  for (const text of letterParagraphs(data)) {
    doc.text(text, { indent: 30, lineGap: 8, align: "justify" });
    doc.moveDown(0.2);
  }
  doc.moveDown(2);
  doc.text(`${data.recommenderName}（盖章）`, { align: "right" });
  doc.text(officeDate(data.date), { align: "right" });
  doc.addPage({ layout: "landscape", margins: { top: 56, bottom: 71, left: 56, right: 56 } });
  summaryPage(doc, data);
  return finishPdf(doc, verification);
}

function summaryPage(doc: PDFKit.PDFDocument, data: RecommendationData) {
  pdfTitle(doc, summaryTitle(data), 18);
  doc.fontSize(11).text(`推荐部门（盖章）：${data.recommenderName}        填报日期：${officeDate(data.date)}`);
  doc.moveDown(0.5);
  const width = contentWidth(doc);
  pdfTable(
    doc,
    columns.map((c) => ({ header: c.header, width: (width * c.width) / 100 })),
    data.items.map(cells),
  );
}

/** The 汇总表 as PDF, A4 landscape. */
export async function renderSummaryPdf(data: RecommendationData, verification: Verification): Promise<Buffer> {
  const doc = createA4Pdf({ title: summaryTitle(data), landscape: true });
  summaryPage(doc, data);
  return finishPdf(doc, verification);
}

/** The 汇总表 as Excel: title row, header, one row per application in priority order, A4 landscape print setup. */
export async function renderSummaryXlsx(data: RecommendationData, verification: Verification): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "国合基地管理平台";
  const sheet = workbook.addWorksheet("推荐汇总表", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width * 1.6 }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = summaryTitle(data);
  title.font = { name: "宋体", size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 32;
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getCell(2, 1).value =
    `推荐部门（盖章）：${data.recommenderName}    填报日期：${officeDate(data.date)}    验证码：${verification.code}`;
  const header = sheet.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: "黑体", bold: true };
  });
  for (const item of data.items) sheet.addRow({ ...item });
  const thin = { style: "thin" as const };
  sheet.eachRow((row, number) => {
    if (number < 3) return;
    row.eachCell((cell) => {
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
      cell.alignment = { wrapText: true, vertical: "middle" };
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
