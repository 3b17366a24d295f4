import { Document, type FileChild, Packer } from "docx";
import { type AnnualReportDocument, closingLines, coverRows, noneText, type ReportBlock } from "./annual-report";
import {
  docxFieldTable,
  docxGrid,
  docxHeading,
  docxParagraph,
  docxSection,
  docxSpacer,
  docxStyles,
  docxSubheading,
  docxTitle,
} from "./docx-page";
import type { Verification } from "./verification";

function blockChildren(block: ReportBlock): FileChild[] {
  switch (block.kind) {
    case "subheading":
      return [docxSubheading(block.text)];
    case "text":
      return block.paragraphs.map((text) => docxParagraph(text));
    case "fields":
      return [docxFieldTable(block.rows)];
    case "table":
      return [docxGrid(block.columns, block.rows)];
  }
}

/** The 年度工作报告 as Word (A4, GB/T 9704 margins, 小标宋 title, 黑体 headings, 仿宋 body), the code at the end. */
export async function renderAnnualReportDocx(
  report: AnnualReportDocument,
  verification: Verification,
): Promise<Buffer> {
  const cover = [
    docxSpacer(),
    docxSpacer(),
    docxTitle(report.title),
    docxSpacer(),
    docxFieldTable([...coverRows(report), ["验证码", verification.code]]),
    docxSpacer(),
    docxParagraph("湖北省科学技术厅制", { indent: false, align: "center" }),
  ];
  const body: FileChild[] = [docxTitle(report.title, { pageBreakBefore: true })];
  for (const section of report.sections) {
    body.push(docxHeading(section.heading));
    if (section.blocks.length === 0) body.push(docxParagraph(noneText));
    for (const block of section.blocks) body.push(...blockChildren(block));
  }
  const closing = [
    docxSpacer(),
    ...closingLines(report).map((line) => docxParagraph(line, { indent: false, align: "right" })),
    docxSpacer(),
    docxParagraph(`验证码：${verification.code}`, { indent: false }),
    docxParagraph("凭此验证码可在平台核验纸质件与电子件一致。", { indent: false }),
  ];
  const document = new Document({
    creator: "国合基地管理平台",
    title: `${report.baseName} ${report.title}`,
    styles: docxStyles,
    sections: [docxSection([...cover, ...body, ...closing])],
  });
  return Packer.toBuffer(document);
}
