import { officeDate } from "../../policy/calendar/dates";
import { contentWidth, createA4Pdf, finishPdf } from "./pdf-page";
import { pdfOfficeHead, pdfOfficeSignature } from "./recognition-notice";
import { type Verification, verificationOf } from "./verification";

/**
 * The revocation notice (Art. 20) in 公文 layout, on the recognition notice's page (GB/T 9704-2012): the department's
 * mark and number, the title 关于取消…资格的通知, the host unit addressed, the ground with its article, the
 * 厅党组会 that approved it, the day the ban ends, the signature and the date, the verification code.
 */
export interface RevocationNotice {
  issuer: string;
  documentNumber: string;
  title: string;
  recipients: string;
  paragraphs: string[];
  baseName: string;
  article: string;
  /** The first day the unit may be recognized again (YYYY-MM-DD). */
  banEndsOn: string;
  issuedOn: string;
}

const itemNumerals = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

export function revocationNoticeOf(input: {
  documentNumber: string;
  baseName: string;
  unitName: string;
  ground: number;
  groundZh: string;
  article: string;
  meetingDate: string;
  revokedOn: string;
  banEndsOn: string;
}): RevocationNotice {
  const item = itemNumerals[input.ground] ?? String(input.ground);
  return {
    issuer: "湖北省科学技术厅",
    documentNumber: input.documentNumber,
    title: `关于取消${input.baseName}资格的通知`,
    recipients: `${input.unitName}：`,
    paragraphs: [
      `根据《湖北省国际科技合作基地管理办法》（鄂科技规〔2025〕6号）第二十条第（${item}）项“${input.groundZh}”的规定，经${officeDate(input.meetingDate)}厅党组会审议通过，决定取消${input.baseName}的省国际科技合作基地资格，自${officeDate(input.revokedOn)}起生效。`,
      `依照管理办法第二十条，你单位自取消资格之日起3年内不得重新申报认定省国际科技合作基地，${officeDate(input.banEndsOn)}（${input.banEndsOn}）起方可重新申报。`,
      "请你单位按规定做好基地相关工作的善后处理。",
    ],
    baseName: input.baseName,
    article: input.article,
    banEndsOn: input.banEndsOn,
    issuedOn: input.revokedOn,
  };
}

export function revocationNoticeVerification(notice: RevocationNotice, publicBaseUrl?: string): Verification {
  return verificationOf("revocation-notice", notice, publicBaseUrl);
}

export async function revocationNoticePdf(
  notice: RevocationNotice,
  verification = revocationNoticeVerification(notice),
): Promise<Buffer> {
  const doc = createA4Pdf({ title: notice.title });
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  pdfOfficeHead(doc, notice);
  doc.font("body").fontSize(16).fillColor("black").text(notice.recipients, left, doc.y, { width, lineGap: 8 });
  for (const paragraph of notice.paragraphs) {
    doc.text(paragraph, left, doc.y, { width, lineGap: 8, indent: 32, align: "justify" });
  }
  pdfOfficeSignature(doc, notice.issuer, notice.issuedOn);
  return finishPdf(doc, verification);
}
