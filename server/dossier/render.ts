import { contentWidth, createA4Pdf, finishPdf, pdfFields, pdfHeading, pdfTable, pdfTitle } from "../documents/pdf-page";
import type { Verification } from "../documents/verification";

/** One section of a record PDF: label/value rows, a ruled table, or sentences — any of them, in that order. */
export interface RecordSection {
  heading: string;
  fields?: ReadonlyArray<readonly [string, string]>;
  table?: { columns: ReadonlyArray<{ header: string; width: number }>; rows: ReadonlyArray<ReadonlyArray<string>> };
  lines?: readonly string[];
  /** Said when the section has nothing to show ("尚无评审记录。"). */
  empty?: string;
}

export interface RecordDocument {
  title: string;
  /** The line under the title: the unit and the base or application it is about. */
  subtitle: string;
  sections: readonly RecordSection[];
  landscape?: boolean;
}

function hasContent(section: RecordSection): boolean {
  return Boolean(section.fields?.length || section.table?.rows.length || section.lines?.length);
}

/**
 * A record of the dossier (reviews and scores, decisions, history, the registry record, the manifest) as an A4 PDF
 * in the same fonts and footer as the printed documents; the verification code when the record carries one.
 */
export async function renderRecordPdf(document: RecordDocument, verification: Verification | null = null) {
  const doc = createA4Pdf({ title: document.title, ...(document.landscape ? { landscape: true } : {}) });
  pdfTitle(doc, document.title, 18);
  doc.font("body").fontSize(11).fillColor("#444444").text(document.subtitle, { align: "center" });
  doc.fillColor("black").moveDown(0.8);
  for (const section of document.sections) {
    pdfHeading(doc, section.heading);
    if (!hasContent(section)) {
      doc
        .font("body")
        .fontSize(11)
        .fillColor("#666666")
        .text(section.empty ?? "无。");
      doc.fillColor("black").moveDown(0.4);
      continue;
    }
    if (section.fields?.length) pdfFields(doc, section.fields);
    if (section.table?.rows.length) {
      const width = contentWidth(doc);
      const columns = section.table.columns.map((c) => ({ header: c.header, width: (width * c.width) / 100 }));
      pdfTable(doc, columns, section.table.rows, 9);
      doc.moveDown(0.5);
    }
    for (const line of section.lines ?? []) {
      doc
        .font("body")
        .fontSize(11)
        .text(line, { width: contentWidth(doc) });
      doc.moveDown(0.3);
    }
  }
  return finishPdf(doc, verification);
}

/** An instant as the records print it, in China time: 2026年3月1日 10:05. */
export function officeDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  const [year, month, day] = shifted.slice(0, 10).split("-").map(Number);
  return `${year}年${month}月${day}日 ${shifted.slice(11, 16)}`;
}

/** A stored YYYY-MM-DD as 2026年3月1日; empty stays empty. */
export function officeDay(isoDate: string | null | undefined): string {
  if (!isoDate) return "";
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
