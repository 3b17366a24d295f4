import { messages } from "../define.ts";

/** A base's national side (Art. 21, 23, 24) and the measures' own deadline (Art. 31). */
export const nationalPlatformMessages = messages(
  {
    "national.card": "国家级平台",
    "national.series": "所属序列",
    "national.platform": "国家级平台",
    "national.platformKind": "平台类型",
    "national.platformName": "平台名称",
    "national.documentNumber": "发文文号",
    "national.documentDate": "发文日期",
    "national.approvedOn": "批准日期",
    "national.revokedOn": "科技部取消日期",
    "national.none": "无",
    "national.exited": "自 {date} 起升级退出省国合基地序列（第二十一条），不属于取消资格，不受三年限制。",
    "national.leftOnRevocation":
      "科技部于 {date} 取消其国家级资格，已退出部省国合基地管理体系；符合条件的可申请认定为省国合基地（第二十四条）。",
    "national.upgradeExit": "录入升级发文（第二十一条）",
    "national.upgradeExitHelp":
      "基地升级为国家级“一带一路”联合实验室或科技部国际科技合作基地的，自发文之日起自动退出省国合基地序列。",
    "national.revoke": "登记科技部取消资格（第二十四条）",
    "national.revokeDocument": "科技部文号（可选）",
    "national.done": "已登记",
    "national.decidedUnder": "适用办法",
    "edition.warningTitle": "管理办法有效期提醒（第三十一条）",
  },
  {
    "national.card": "National platform",
    "national.series": "Series",
    "national.platform": "National platform",
    "national.platformKind": "Kind",
    "national.platformName": "Platform name",
    "national.documentNumber": "Document number",
    "national.documentDate": "Document date",
    "national.approvedOn": "Approved on",
    "national.revokedOn": "Revoked by MOST on",
    "national.none": "None",
    "national.exited":
      "Left the provincial series on {date} on upgrade (Art. 21): not a revocation, no three-year ban.",
    "national.leftOnRevocation":
      "MOST revoked the national status on {date}; the base left the provincial system and may apply if it meets the conditions (Art. 24).",
    "national.upgradeExit": "Record the upgrade (Art. 21)",
    "national.upgradeExitHelp":
      "A base that becomes a national B&R joint laboratory or MOST international base exits the provincial series from the document's date.",
    "national.revoke": "Record MOST's revocation (Art. 24)",
    "national.revokeDocument": "MOST document number (optional)",
    "national.done": "Recorded",
    "national.decidedUnder": "Under the measures",
    "edition.warningTitle": "The measures' validity (Art. 31)",
  },
);
