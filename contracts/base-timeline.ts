import { z } from "zod";

/**
 * What happens to a base, one list: each timeline entry's kind with its label (the department's 跟踪监测 view,
 * Art. 16.3). Part 2 of the life of a base adds its kinds here.
 */
export const baseEventKinds = [
  { kind: "recognized", labelZh: "认定为省级国际科技合作基地", labelEn: "Recognized" },
  { kind: "imported", labelZh: "导入既有基地名录", labelEn: "Imported from the existing registry" },
  { kind: "plan-filed", labelZh: "提交年度工作计划", labelEn: "Work plan filed" },
  { kind: "report-submitted", labelZh: "提交年度工作报告", labelEn: "Annual report submitted" },
  {
    kind: "report-unit-approved",
    labelZh: "依托单位审核通过年度工作报告",
    labelEn: "Report approved by the host unit",
  },
  { kind: "report-returned", labelZh: "年度工作报告退回修改", labelEn: "Annual report returned" },
  { kind: "report-approved", labelZh: "推荐部门审核通过，报省科技厅", labelEn: "Report approved by the recommender" },
  { kind: "report-not-submitted", labelZh: "未按期提交年度工作报告（不合格）", labelEn: "Report not filed in time" },
  { kind: "report-withdrawn", labelZh: "中途退出年度考核", labelEn: "Withdrew from the evaluation" },
  { kind: "evaluation-started", labelZh: "进入年度绩效考核", labelEn: "Evaluation started" },
  { kind: "correction-opened", labelZh: "要求补正年度工作报告", labelEn: "Correction of the report requested" },
  { kind: "correction-submitted", labelZh: "提交补正", labelEn: "Correction submitted" },
  { kind: "correction-closed", labelZh: "补正期满，按现有材料考核", labelEn: "Correction window closed" },
  { kind: "onsite-checked", labelZh: "实地核查", labelEn: "On-site check" },
  { kind: "evaluator-scored", labelZh: "第三方评估机构提交评分", labelEn: "Scored by the third-party evaluator" },
  { kind: "graded", labelZh: "年度绩效考核结果", labelEn: "Graded" },
  { kind: "grades-published", labelZh: "考核结果通知依托单位", labelEn: "Grade published to the unit" },
  { kind: "funded", labelZh: "按考核结果安排支持经费", labelEn: "Funding allocated" },
  { kind: "excellent-listed", labelZh: "列入优先推荐名单", labelEn: "Listed for priority recommendation" },
  { kind: "rectification-opened", labelZh: "进入整改期（一年）", labelEn: "Rectification opened" },
  { kind: "rectification-plan-filed", labelZh: "提交整改方案", labelEn: "Rectification plan filed" },
  { kind: "rectification-report-filed", labelZh: "提交整改报告", labelEn: "Rectification report filed" },
  { kind: "rectification-passed", labelZh: "整改复核合格", labelEn: "Rectification passed" },
  { kind: "rectification-failed", labelZh: "整改复核仍不合格", labelEn: "Rectification failed" },
  { kind: "revocation-proposed", labelZh: "拟取消基地资格", labelEn: "Revocation proposed" },
  {
    kind: "achievement-published",
    labelZh: "重大联合研发成果获遴选发布",
    labelEn: "Major joint R&D achievement published",
  },
  {
    kind: "achievement-withdrawn",
    labelZh: "撤回已发布的重大联合研发成果",
    labelEn: "Published achievement withdrawn",
  },
  // Part 2: major changes (Art. 18.5)
  { kind: "change-submitted", labelZh: "报送重大事项变化", labelEn: "Major change reported" },
  { kind: "change-returned", labelZh: "重大事项变化退回修改", labelEn: "Major change returned" },
  { kind: "change-approved", labelZh: "推荐部门同意重大事项变化", labelEn: "Major change approved by the recommender" },
  { kind: "change-filed", labelZh: "重大事项变化报省科技厅备案", labelEn: "Major change filed" },
  // Revocation (Art. 20), voluntary withdrawal (Art. 20.7) and upgrade exit (Art. 21)
  { kind: "revocation-opened", labelZh: "启动取消资格程序", labelEn: "Revocation case opened" },
  { kind: "revocation-dismissed", labelZh: "不予取消资格", labelEn: "Revocation dismissed" },
  { kind: "revoked", labelZh: "取消省国合基地资格", labelEn: "Revoked" },
  { kind: "withdrawal-requested", labelZh: "依托单位申请撤销基地", labelEn: "Host unit asked to withdraw" },
  { kind: "withdrawal-returned", labelZh: "撤销申请退回", labelEn: "Withdrawal request returned" },
  {
    kind: "withdrawal-approved",
    labelZh: "推荐部门同意撤销申请",
    labelEn: "Withdrawal request approved by the recommender",
  },
  {
    kind: "exited-national",
    labelZh: "升级为国家级平台，自动退出省国合基地序列",
    labelEn: "Exited on upgrade to a national platform",
  },
  {
    kind: "national-revoked",
    labelZh: "科技部取消国家级基地资格，退出部省国合基地管理体系",
    labelEn: "National status revoked by MOST; left the provincial system",
  },
  // Alliances (Art. 27)
  { kind: "alliance-joined", labelZh: "加入联盟", labelEn: "Joined an alliance" },
  { kind: "alliance-left", labelZh: "退出联盟", labelEn: "Left an alliance" },
] as const;
export type BaseEventKind = (typeof baseEventKinds)[number]["kind"];

export const baseEventKindCodes = baseEventKinds.map((entry) => entry.kind) as [BaseEventKind, ...BaseEventKind[]];

/** What a timeline entry carries besides its kind (all optional: each kind uses what it needs). */
export const baseEventData = z.object({
  year: z.number().int().optional(),
  reportId: z.string().optional(),
  documentNumber: z.string().optional(),
  reason: z.string().optional(),
  grade: z.string().optional(),
  score: z.number().optional(),
  article: z.string().optional(),
  /** Art. 20 ground of a revocation proposal. */
  ground: z.number().int().optional(),
  fundingYuan: z.number().int().optional(),
  dueOn: z.string().optional(),
  /** Major changes (Art. 18.5): the change's kind and report, the value before and after, filed late or not. */
  changeKind: z.string().optional(),
  changeReportId: z.string().optional(),
  previousValue: z.string().optional(),
  newValue: z.string().optional(),
  late: z.boolean().optional(),
  /** Revocation (Art. 20) and upgrade exit (Art. 21). */
  revocationCaseId: z.string().optional(),
  platformName: z.string().optional(),
  /** Alliances (Art. 27). */
  allianceId: z.string().optional(),
  allianceName: z.string().optional(),
});
export type BaseEventData = z.infer<typeof baseEventData>;

export const baseEventSchema = z.object({
  id: z.string(),
  kind: z.enum(baseEventKindCodes),
  on: z.string(),
  actorName: z.string().nullable(),
  data: baseEventData,
  at: z.string(),
});
