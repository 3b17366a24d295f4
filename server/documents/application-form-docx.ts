import { Document, type FileChild, Packer } from "docx";
import {
  type ApplicationFormData,
  commitmentParagraphs,
  commitmentTitle,
  partnerColumns,
  signatureLines,
  teamColumns,
} from "./application-form";
import {
  docxFieldTable,
  docxGrid,
  docxHeading,
  docxParagraph,
  docxSection,
  docxSpacer,
  docxStyles,
  docxTitle,
} from "./docx-page";
import type { Verification } from "./verification";

/** The 申报书 as Word (A4, 方正小标宋简体 title, 仿宋_GB2312 body), the 承诺书 on its own page at the end. */
export async function renderApplicationFormDocx(
  data: ApplicationFormData,
  verification: Verification,
): Promise<Buffer> {
  const cover = [
    docxSpacer(),
    docxTitle("湖北省国际科技合作基地"),
    docxTitle("申 报 书"),
    docxSpacer(),
    docxFieldTable([
      ["基地名称", data.standardName],
      ["依托单位", `${data.unitName}（盖章）`],
      ["推荐部门", data.recommenderName],
      ["申报批次", data.callTitle],
      ["验证码", verification.code],
    ]),
    docxSpacer(),
    docxParagraph("湖北省科学技术厅制", { indent: false, align: "center" }),
  ];
  const body: FileChild[] = [docxTitle("一、基本情况", { pageBreakBefore: true })];
  for (const section of data.sections) {
    body.push(docxHeading(section.heading), docxFieldTable(section.rows));
  }
  body.push(docxHeading("合作机构及合作协议（第七条第2项、第十三条）"));
  body.push(
    docxGrid(
      partnerColumns,
      data.partners.map((p) => [p.name, p.originalName, p.country, p.organization, p.field, p.agreement]),
    ),
  );
  body.push(docxHeading("团队成员（第七条第2项）"));
  body.push(
    docxGrid(
      teamColumns,
      data.team.map((m) => [m.name, m.role, m.international]),
    ),
  );
  const commitment = [
    docxTitle(commitmentTitle, { pageBreakBefore: true }),
    ...commitmentParagraphs(data).map((text, index) => docxParagraph(text, { indent: index > 0 })),
    docxSpacer(),
    ...signatureLines.map((line) => docxParagraph(line, { indent: false, align: "right" })),
    docxSpacer(),
    docxParagraph(`验证码：${verification.code}`, { indent: false }),
  ];
  const document = new Document({
    creator: "国合基地管理平台",
    title: `${data.standardName} 申报书`,
    styles: docxStyles,
    sections: [docxSection([...cover, ...body, ...commitment])],
  });
  return Packer.toBuffer(document);
}
