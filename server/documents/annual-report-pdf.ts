import { type AnnualReportDocument, closingLines, coverRows, noneText, type ReportBlock } from "./annual-report";
import { createA4Pdf, finishPdf, pdfColumns, pdfFields, pdfHeading, pdfTable, pdfTitle } from "./pdf-page";
import type { Verification } from "./verification";

function pdfText(doc: PDFKit.PDFDocument, text: string) {
  doc.font("body").fontSize(12).text(text, { indent: 24, lineGap: 6, align: "justify" });
  doc.moveDown(0.3);
}

function drawBlock(doc: PDFKit.PDFDocument, block: ReportBlock) {
  switch (block.kind) {
    case "subheading":
      doc.moveDown(0.2);
      doc.font("title").fontSize(12.5).text(block.text);
      doc.moveDown(0.3);
      doc.font("body");
      return;
    case "text":
      for (const paragraph of block.paragraphs) pdfText(doc, paragraph);
      return;
    case "fields":
      pdfFields(doc, block.rows);
      return;
    case "table":
      pdfTable(doc, pdfColumns(doc, block.columns), block.rows, 9.5);
      doc.moveDown(0.5);
      return;
  }
}

/** The 年度工作报告 as PDF with the npm CJK font; every page carries the verification code and its QR code. */
export async function renderAnnualReportPdf(report: AnnualReportDocument, verification: Verification): Promise<Buffer> {
  const doc = createA4Pdf({ title: `${report.baseName} ${report.title}` });
  doc.moveDown(5);
  pdfTitle(doc, report.title, 22);
  doc.moveDown(3);
  pdfFields(doc, coverRows(report));
  doc.moveDown(8);
  doc.fontSize(14).text("湖北省科学技术厅制", { align: "center" });

  doc.addPage();
  pdfTitle(doc, report.title, 18);
  for (const section of report.sections) {
    // Keep a heading with the first lines of its section.
    if (doc.y + 90 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    pdfHeading(doc, section.heading);
    if (section.blocks.length === 0) pdfText(doc, noneText);
    for (const block of section.blocks) drawBlock(doc, block);
  }
  doc.moveDown(2);
  doc.font("body").fontSize(12);
  for (const line of closingLines(report)) doc.text(line, { align: "right", lineGap: 10 });
  return finishPdf(doc, verification);
}
