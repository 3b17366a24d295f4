import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { a4Page, docxGrid, docxParagraph, docxStyles, docxTitle, sizes } from "./docx-page";
import { officeFonts } from "./fonts";
import { contentWidth, createA4Pdf, finishPdf, pdfTable } from "./pdf-page";
import { type Verification, verificationOf } from "./verification";

/**
 * The recognition notice (发文认定, Art. 14.3) in 公文 layout (GB/T 9704-2012): A4, margins 37/35/28/26 mm, the
 * issuing authority's mark in red 小标宋, the document number centred under it above a red rule, the title in
 * 二号 小标宋, body in 三号 仿宋, the list of recognized bases, the signature and the date in Chinese numerals.
 */
export interface RecognitionNotice {
  /** 发文机关 (its mark adds 文件). */
  issuer: string;
  documentNumber: string;
  title: string;
  /** 主送机关. */
  recipients: string;
  paragraphs: string[];
  listTitle: string;
  bases: Array<{ name: string; unitName: string }>;
  /** YYYY-MM-DD. */
  issuedOn: string;
}

const digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

function smallNumber(value: number): string {
  if (value < 10) return digits[value]!;
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? "" : digits[tens]}十${ones === 0 ? "" : digits[ones]}`;
}

/** 成文日期 in Chinese numerals (GB/T 9704 §7.3.5.1 as practised): 2026-12-01 → 二〇二六年十二月一日. */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  const yearText = [...(year ?? "")].map((digit) => digits[Number(digit)]).join("");
  return `${yearText}年${smallNumber(Number(month))}月${smallNumber(Number(day))}日`;
}

/** The notice's wording for a batch: what the measures' procedure was and the list that follows. */
export function recognitionNoticeOf(input: {
  documentNumber: string;
  title: string;
  issuedOn: string;
  bases: Array<{ name: string; unitName: string }>;
  roundYear?: number;
}): RecognitionNotice {
  const year = input.roundYear ?? Number(input.issuedOn.slice(0, 4));
  return {
    issuer: "湖北省科学技术厅",
    documentNumber: input.documentNumber,
    title: input.title,
    recipients: "各市、州、直管市、神农架林区科技局，省直有关单位，各有关单位：",
    paragraphs: [
      `根据《湖北省国际科技合作基地管理办法》（鄂科技规〔2025〕6号），经单位申报、推荐部门推荐、形式审查、专家评审、综合评议，并经厅党组会审议通过和公示，现认定${input.bases.length}家单位建设的国际科技合作基地为${year}年度湖北省国际科技合作基地（名单见下）。`,
      "请各依托单位按照管理办法要求，加强基地建设与运行管理，落实配套条件，聚焦重点合作国家（地区）和优势领域深化国际科技合作；各推荐部门要加强对基地的指导和支持。省科技厅将按规定对基地进行年度绩效考核和动态管理。",
    ],
    listTitle: `${year}年度湖北省国际科技合作基地名单`,
    bases: input.bases,
    issuedOn: input.issuedOn,
  };
}

/** The digest that makes a printed copy checkable (SPEC §6). */
export function noticeVerification(notice: RecognitionNotice, publicBaseUrl?: string): Verification {
  return verificationOf("recognition-notice", notice, publicBaseUrl);
}

const red = "E60012";
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });

/** The notice as .docx: the office fonts are named; the reader's machine supplies them (DESIGN). */
export async function recognitionNoticeDocx(
  notice: RecognitionNotice,
  verification = noticeVerification(notice),
): Promise<Buffer> {
  const rows = notice.bases.map((base, index) => [String(index + 1), base.name, base.unitName]);
  const document = new Document({
    creator: "国合基地管理平台",
    title: notice.title,
    styles: docxStyles,
    sections: [
      {
        properties: { page: a4Page },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: "— ", size: 28 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 28 }),
                  new TextRun({ text: " —", size: 28 }),
                ],
              }),
            ],
          }),
        },
        children: [
          // 发文机关标志: red 小标宋, centred (GB/T 9704 §7.2.2).
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 400, after: 560, line: 1200, lineRule: "exact" },
            children: [
              new TextRun({ text: `${notice.issuer}文件`, font: font(officeFonts.title), size: 80, color: red }),
            ],
          }),
          // 发文字号 centred, then the red rule 4 mm below (§7.2.3, §7.2.5).
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 560 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space: 11 } },
            children: [new TextRun({ text: notice.documentNumber, size: sizes.body })],
          }),
          docxTitle(notice.title),
          docxParagraph(notice.recipients, { indent: false }),
          ...notice.paragraphs.map((text) => docxParagraph(text)),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 120 },
            children: [new TextRun({ text: notice.listTitle, font: font(officeFonts.heading), size: sizes.body })],
          }),
          docxGrid(
            [
              { header: "序号", width: 10 },
              { header: "基地名称", width: 55 },
              { header: "依托单位", width: 35 },
            ],
            rows,
          ),
          new Paragraph({ children: [] }),
          new Paragraph({ children: [] }),
          // 发文机关署名 and 成文日期: the date right-aligned with four characters to spare (§7.3.5.1).
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 4 * 320 + 320 },
            children: [new TextRun({ text: notice.issuer, size: sizes.body })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 4 * 320 },
            children: [new TextRun({ text: chineseDate(notice.issuedOn), size: sizes.body })],
          }),
          new Paragraph({
            spacing: { before: 480 },
            children: [new TextRun({ text: `验证码：${verification.code}`, size: sizes.small, color: "555555" })],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

/** The notice as .pdf with the npm-shipped CJK font (bold serif standing in for 小标宋), same layout. */
export async function recognitionNoticePdf(
  notice: RecognitionNotice,
  verification = noticeVerification(notice),
): Promise<Buffer> {
  const doc = createA4Pdf({ title: notice.title });
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const body = () => doc.font("body").fontSize(16).fillColor("black");

  pdfOfficeHead(doc, notice);
  body().text(notice.recipients, left, doc.y, { width, lineGap: 8 });
  for (const paragraph of notice.paragraphs) {
    body().text(paragraph, left, doc.y, { width, lineGap: 8, indent: 32, align: "justify" });
  }
  doc.moveDown(0.6);
  // Keep the list's title with its header and first row.
  if (doc.y + 110 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.font("title").fontSize(16).text(notice.listTitle, left, doc.y, { width, align: "center" });
  doc.moveDown(0.4);
  pdfTable(
    doc,
    [
      { header: "序号", width: width * 0.08 },
      { header: "基地名称", width: width * 0.56 },
      { header: "依托单位", width: width * 0.36 },
    ],
    notice.bases.map((base, index) => [String(index + 1), base.name, base.unitName]),
    12,
  );

  pdfOfficeSignature(doc, notice.issuer, notice.issuedOn);
  return finishPdf(doc, verification);
}

/**
 * The head of a 公文 page (GB/T 9704 §7.2): the issuing authority's mark in red, the document number centred, the red
 * rule 4 mm below, then the title in 二号 小标宋. Shared by the department's notices.
 */
export function pdfOfficeHead(
  doc: PDFKit.PDFDocument,
  head: { issuer: string; documentNumber: string; title: string },
) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font("title").fontSize(36).fillColor(`#${red}`);
  doc.text(`${head.issuer}文件`, left, doc.page.margins.top + 4, { width, align: "center", characterSpacing: 2 });
  doc.moveDown(0.6);
  doc.font("body").fontSize(16).fillColor("black").text(head.documentNumber, { width, align: "center" });
  const ruleY = doc.y + 11; // ≈ 4 mm under the number
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(1.5)
    .stroke(`#${red}`);
  doc.y = ruleY + 28;
  doc
    .font("title")
    .fontSize(22)
    .fillColor("black")
    .text(head.title, left, doc.y, { width, align: "center", lineGap: 6 });
  doc.moveDown(0.8);
}

/** 发文机关署名 centred over 成文日期, which ends four characters from the right margin (§7.3.5.1). */
export function pdfOfficeSignature(doc: PDFKit.PDFDocument, issuer: string, issuedOn: string) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const signatureHeight = 2 * 30 + 40;
  if (doc.y + signatureHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.y += 40;
  const rightEdge = left + width - 4 * 16;
  const dateText = chineseDate(issuedOn);
  doc.font("body").fontSize(16).fillColor("black");
  const issuerWidth = doc.widthOfString(issuer);
  const dateWidth = doc.widthOfString(dateText);
  const dateX = rightEdge - dateWidth;
  doc.text(issuer, dateX + (dateWidth - issuerWidth) / 2, doc.y, { lineBreak: false });
  doc.text(dateText, dateX, doc.y + 30, { lineBreak: false });
}
