import PDFDocument from "pdfkit";
import { registerPdfFonts } from "./fonts";
import { qrPng, type Verification } from "./verification";

/** A4 in points and the GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
const mm = 72 / 25.4;
export const a4 = { width: 595.28, height: 841.89 } as const;
export const a4Margins = { top: 37 * mm, bottom: 35 * mm, left: 28 * mm, right: 26 * mm } as const;

/**
 * A new A4 PDF with the npm-shipped CJK font registered as "body" and "title", pages buffered so the footer
 * (verification code and QR) can be stamped on every page at the end. `landscape` for wide tables.
 */
export function createA4Pdf(options: { title: string; landscape?: boolean }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    layout: options.landscape ? "landscape" : "portrait",
    margins: options.landscape ? { top: 20 * mm, bottom: 25 * mm, left: 20 * mm, right: 20 * mm } : a4Margins,
    bufferPages: true,
    info: { Title: options.title, Creator: "国合基地管理平台", Producer: "国合基地管理平台" },
  });
  registerPdfFonts(doc);
  doc.font("body");
  return doc;
}

/** Width available for text between the margins of the current page. */
export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Table columns given as percentages of the content width (as the Word tables take them), in points. */
export function pdfColumns(
  doc: PDFKit.PDFDocument,
  columns: ReadonlyArray<{ header: string; width: number }>,
): Array<{ header: string; width: number }> {
  return columns.map((c) => ({ header: c.header, width: (contentWidth(doc) * c.width) / 100 }));
}

/**
 * Stamps the footer on every page — page number, verification code and its QR code — then returns the bytes.
 * The bottom margin is lifted while writing so the footer never spills onto a new page.
 */
export async function finishPdf(doc: PDFKit.PDFDocument, verification: Verification | null): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const qr = verification ? await qrPng(verification.qrText) : null;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 14;
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    doc.font("body").fontSize(9).fillColor("#333333");
    doc.text(`— ${index - range.start + 1} / ${range.count} —`, left, y, { width, align: "center", lineBreak: false });
    if (verification && qr) {
      doc.text(`验证码：${verification.code}`, left, y + 16, { width: width - 60, lineBreak: false });
      doc.text("扫描右侧二维码或在平台输入验证码核验纸质件与电子件一致", left, y + 30, {
        width: width - 60,
        lineBreak: false,
      });
      doc.image(qr, left + width - 48, y - 2, { width: 48, height: 48 });
    }
    doc.page.margins.bottom = bottom;
    doc.fillColor("black");
  }
  doc.end();
  return done;
}

/** A document title in the bold CJK face, centred. */
export function pdfTitle(doc: PDFKit.PDFDocument, text: string, size = 22) {
  doc.font("title").fontSize(size).text(text, { align: "center" });
  doc.moveDown(0.8);
  doc.font("body");
}

export function pdfHeading(doc: PDFKit.PDFDocument, text: string) {
  doc.moveDown(0.4);
  doc.font("title").fontSize(15).text(text);
  doc.moveDown(0.3);
  doc.font("body").fontSize(12);
}

/** A two-column label/value block; long values wrap under their label's column. */
export function pdfFields(doc: PDFKit.PDFDocument, rows: ReadonlyArray<readonly [string, string]>) {
  const left = doc.page.margins.left;
  const labelWidth = 130;
  const valueWidth = contentWidth(doc) - labelWidth - 8;
  doc.font("body").fontSize(12);
  for (const [label, value] of rows) {
    const text = value.trim() || "—";
    const height = Math.max(
      doc.heightOfString(label, { width: labelWidth }),
      doc.heightOfString(text, { width: valueWidth }),
    );
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc.fillColor("#444444").text(label, left, y, { width: labelWidth });
    doc.fillColor("black").text(text, left + labelWidth + 8, y, { width: valueWidth });
    doc.x = left;
    doc.y = y + height + 6;
  }
}

/** A simple ruled table with a header row; columns are given as widths summing to the content width. */
export function pdfTable(
  doc: PDFKit.PDFDocument,
  columns: ReadonlyArray<{ header: string; width: number }>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  fontSize = 10,
) {
  const left = doc.page.margins.left;
  const padding = 4;
  const drawRow = (cells: ReadonlyArray<string>, bold: boolean) => {
    doc.font(bold ? "title" : "body").fontSize(fontSize);
    const height =
      Math.max(...cells.map((cell, i) => doc.heightOfString(cell || " ", { width: columns[i]!.width - 2 * padding }))) +
      2 * padding;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold)
        drawRow(
          columns.map((c) => c.header),
          true,
        );
    }
    const y = doc.y;
    let x = left;
    for (const [i, column] of columns.entries()) {
      doc.rect(x, y, column.width, height).stroke("#555555");
      doc.fillColor("black").text(cells[i] ?? "", x + padding, y + padding, { width: column.width - 2 * padding });
      x += column.width;
    }
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  for (const row of rows) drawRow(row, false);
  doc.font("body");
}
