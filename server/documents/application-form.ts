/**
 * The 申报书 (application form) and its 承诺书 as plain content, filled from the application's form, so the Word
 * and PDF renderers print exactly the same text. The applicant prints, signs and stamps it (SPEC §5.1 step 2).
 */
export interface ApplicationFormData {
  applicationId: string;
  version: number;
  callTitle: string;
  year: number;
  standardName: string;
  unitName: string;
  recommenderName: string;
  /** Filled-in sections: heading and label/value rows. */
  sections: Array<{ heading: string; rows: Array<readonly [string, string]> }>;
  partners: Array<{
    name: string;
    originalName: string;
    country: string;
    organization: string;
    field: string;
    agreement: string;
  }>;
  team: Array<{ name: string; role: string; international: string }>;
  /** Content that goes into the verification digest (the version printed). */
  digestContent: unknown;
}

export const commitmentTitle = "承 诺 书";

/** The 承诺书 (Art. 14.1): truthful, lawful and compliant materials, no state secrets, partners' no-objection. */
export function commitmentParagraphs(data: Pick<ApplicationFormData, "unitName" | "standardName">): string[] {
  return [
    `${data.unitName}申报“${data.standardName}”，本单位及基地负责人郑重承诺：`,
    "一、所提交的全部申报材料真实、合法、合规，不存在任何弄虚作假行为，并对材料的真实性、合法性、合规性负责（第十四条）。",
    "二、所有申报材料均不涉及国家秘密。",
    "三、境外合作方对本单位申报湖北省国际科技合作基地无异议。",
    "四、依托单位及基地负责人近3年无不良信用、不良科研诚信记录。",
    "五、如有不实，本单位愿承担相应责任，并接受取消认定资格等处理。",
  ];
}

export const signatureLines = ["依托单位（盖章）：", "法定代表人（签字）：", "基地负责人（签字）：", "年    月    日"];

export const partnerColumns = [
  { header: "合作机构（中文）", width: 20 },
  { header: "原文名称", width: 20 },
  { header: "国家（地区）", width: 12 },
  { header: "国际组织/总部所在国", width: 16 },
  { header: "合作领域", width: 12 },
  { header: "合作协议有效期", width: 20 },
] as const;

export const teamColumns = [
  { header: "姓名", width: 25 },
  { header: "职责", width: 45 },
  { header: "国际合作经历", width: 30 },
] as const;
