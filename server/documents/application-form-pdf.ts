import {
  type ApplicationFormData,
  commitmentParagraphs,
  commitmentTitle,
  partnerColumns,
  signatureLines,
  teamColumns,
} from "./application-form";
import { createA4Pdf, finishPdf, pdfColumns, pdfFields, pdfHeading, pdfTable, pdfTitle } from "./pdf-page";
import type { Verification } from "./verification";

/** The 申报书 as PDF with the npm CJK font; every page carries the verification code and its QR code. */
export async function renderApplicationFormPdf(data: ApplicationFormData, verification: Verification): Promise<Buffer> {
  const doc = createA4Pdf({ title: `${data.standardName} 申报书` });
  doc.moveDown(4);
  pdfTitle(doc, "湖北省国际科技合作基地", 26);
  pdfTitle(doc, "申 报 书", 30);
  doc.moveDown(3);
  pdfFields(doc, [
    ["基地名称", data.standardName],
    ["依托单位", `${data.unitName}（盖章）`],
    ["推荐部门", data.recommenderName],
    ["申报批次", data.callTitle],
  ]);
  doc.moveDown(6);
  doc.fontSize(14).text("湖北省科学技术厅制", { align: "center" });

  doc.addPage();
  pdfTitle(doc, "一、基本情况", 18);
  for (const section of data.sections) {
    pdfHeading(doc, section.heading);
    pdfFields(doc, section.rows);
  }
  pdfHeading(doc, "合作机构及合作协议（第七条第2项、第十三条）");
  pdfTable(
    doc,
    pdfColumns(doc, partnerColumns),
    data.partners.map((p) => [p.name, p.originalName, p.country, p.organization, p.field, p.agreement]),
    9,
  );
  pdfHeading(doc, "团队成员（第七条第2项）");
  pdfTable(
    doc,
    pdfColumns(doc, teamColumns),
    data.team.map((m) => [m.name, m.role, m.international]),
  );

  doc.addPage();
  pdfTitle(doc, commitmentTitle, 22);
  doc.fontSize(14);
  for (const [index, text] of commitmentParagraphs(data).entries()) {
    doc.text(text, { indent: index > 0 ? 28 : 0, lineGap: 8, align: "justify" });
    doc.moveDown(0.3);
  }
  doc.moveDown(2);
  for (const line of signatureLines) {
    doc.text(line, { align: "right", lineGap: 14 });
  }
  return finishPdf(doc, verification);
}
