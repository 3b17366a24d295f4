import type {
  AnnualReportContent,
  reportExchangeKinds,
  reportHostedKinds,
  reportOrganizationKinds,
} from "../../contracts/annual-report";
import type { FiledChange } from "../../contracts/change-reports";
import { type AgreementStanding, agreementStandingAtYearEnd } from "../../policy/annual-report/completeness";
import { officeDate } from "../../policy/calendar/dates";
import { countryNameOf } from "../reference/countries";

/**
 * The 年度工作报告 (annual work report, Art. 16.4, 18, 22) as plain content, so the Word and PDF renderers print
 * exactly the same text: a cover, then the thirteen numbered sections of the national bases' yearly form. A list
 * becomes a table, an unanswered section prints 无.
 */
export interface AnnualReportDocument {
  reportId: string;
  year: number;
  /** 湖北省国际科技合作基地2026年度工作报告 */
  title: string;
  baseName: string;
  unitName: string;
  /** The submission date as letters write it (2027年3月31日); null while the report has not been submitted. */
  submittedOn: string | null;
  sections: Array<{ heading: string; blocks: ReportBlock[] }>;
  /** Content that goes into the verification digest (the version printed). */
  digestContent: unknown;
}

export type TableColumns = ReadonlyArray<{ header: string; width: number }>;

/** What a section holds; a section without blocks prints 无. */
export type ReportBlock =
  | { kind: "subheading"; text: string }
  | { kind: "text"; paragraphs: string[] }
  | { kind: "fields"; rows: ReadonlyArray<readonly [string, string]> }
  | { kind: "table"; columns: TableColumns; rows: string[][] };

/** What the report's document is printed from: the report row's facts and its content. */
export interface AnnualReportInput {
  reportId: string;
  year: number;
  baseId: string;
  unitId: string;
  baseName: string;
  unitName: string;
  /** YYYY-MM-DD in China, or null for a report not submitted yet. */
  submittedOn: string | null;
  content: AnnualReportContent;
  /**
   * The evidence files attached to the report (Art. 18, 22), listed by name in a closing 附件清单; absent where the
   * report is shown without it (the experts' materials list the files themselves).
   */
  evidence?: ReadonlyArray<{ name: string; size: number; sha256: string }>;
  /** The base's changes of the year filed with the province (Art. 18.5), printed as a table in section 十一. */
  filedChanges?: readonly FiledChange[];
}

/** The heading of the closing list of evidence files. */
export const evidenceHeading = "附件清单";

const fileSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export const annualReportTitle = (year: number) => `湖北省国际科技合作基地${year}年度工作报告`;

/** The one word an empty section prints. */
export const noneText = "无";

const standingLabels = { valid: "有效", expired: "已到期", "not-started": "未生效" } as const satisfies Record<
  AgreementStanding,
  string
>;
const exchangeLabels = { "visit-in": "来访", "visit-out": "出访", conference: "国际会议" } as const satisfies Record<
  (typeof reportExchangeKinds)[number],
  string
>;
const hostedLabels = { conference: "举办国际会议", journal: "主办国际期刊" } as const satisfies Record<
  (typeof reportHostedKinds)[number],
  string
>;
const organizationLabels = {
  "international-organization": "国际组织",
  "joint-institution": "联合机构",
  "overseas-platform": "海外平台",
} as const satisfies Record<(typeof reportOrganizationKinds)[number], string>;

const country = (code: string) => countryNameOf(code).nameZh;
const amount = (value: number) => String(Number(value.toFixed(2)));
const paragraphs = (text: string | undefined): ReportBlock[] => {
  const lines = (text ?? "")
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length > 0 ? [{ kind: "text", paragraphs: lines }] : [];
};
const filled = (value: string) => value.trim() || noneText;
const subheading = (text: string): ReportBlock => ({ kind: "subheading", text });
const fields = (rows: ReadonlyArray<readonly [string, string]>): ReportBlock => ({ kind: "fields", rows });
const table = <T>(
  columns: TableColumns,
  items: readonly T[] | undefined,
  cells: (item: T) => string[],
): ReportBlock[] =>
  items && items.length > 0
    ? [{ kind: "table", columns, rows: items.map((item, index) => [String(index + 1), ...cells(item)]) }]
    : [];

/** The report as it prints, section by section (the numbering of the national bases' yearly form). */
export function annualReportDocumentOf(input: AnnualReportInput): AnnualReportDocument {
  const { content, year } = input;
  const results = content.results;
  const management = content.management;
  const support = content.support;
  const achievements = table(
    [
      { header: "序号", width: 7 },
      { header: "成果名称", width: 25 },
      { header: "合作机构", width: 22 },
      { header: "成果简介", width: 46 },
    ],
    content.achievements,
    (a) => [a.title, a.partner, a.summary],
  );
  const sections: AnnualReportDocument["sections"] = [
    { heading: "一、基本情况", blocks: paragraphs(content.summary) },
    {
      heading: "二、国际合作协议",
      blocks: table(
        [
          { header: "序号", width: 7 },
          { header: "合作机构", width: 20 },
          { header: "国家（地区）", width: 15 },
          { header: "协议名称", width: 24 },
          { header: "有效期", width: 22 },
          { header: "截至年末", width: 12 },
        ],
        content.agreements,
        (a) => [
          a.partner,
          country(a.country),
          a.title,
          `${officeDate(a.startsOn)}至${officeDate(a.endsOn)}`,
          standingLabels[agreementStandingAtYearEnd(a, year)],
        ],
      ),
    },
    {
      heading: "三、联合研发项目",
      blocks: table(
        [
          { header: "序号", width: 7 },
          { header: "项目名称", width: 28 },
          { header: "合作机构", width: 23 },
          { header: "国家（地区）", width: 15 },
          { header: "牵头/参与", width: 12 },
          { header: "经费（万元）", width: 15 },
        ],
        content.projects,
        (p) => [p.title, p.partner, country(p.country), p.lead ? "牵头" : "参与", amount(p.fundingWan)],
      ),
    },
    {
      heading: "四、人员交流与国际会议",
      blocks: table(
        [
          { header: "序号", width: 7 },
          { header: "类型", width: 11 },
          { header: "名称", width: 37 },
          { header: "日期", width: 19 },
          { header: "国家（地区）", width: 15 },
          { header: "人次", width: 11 },
        ],
        content.exchanges,
        (e) => [exchangeLabels[e.kind], e.title, officeDate(e.on), country(e.country), String(e.people)],
      ),
    },
    {
      heading: "五、国际技术培训",
      blocks: table(
        [
          { header: "序号", width: 7 },
          { header: "培训名称", width: 33 },
          { header: "日期", width: 18 },
          { header: "培训人数", width: 12 },
          { header: "学员来源国家（地区）", width: 30 },
        ],
        content.trainings,
        (t) => [t.title, officeDate(t.on), String(t.trainees), t.countries.map(country).join("、") || noneText],
      ),
    },
    {
      heading: "六、举办会议与期刊",
      blocks: table(
        [
          { header: "序号", width: 7 },
          { header: "类型", width: 18 },
          { header: "名称", width: 53 },
          { header: "日期", width: 22 },
        ],
        content.hosted,
        (h) => [hostedLabels[h.kind], h.title, officeDate(h.on)],
      ),
    },
    {
      heading: "七、国际组织与联合机构、海外平台",
      blocks: table(
        [
          { header: "序号", width: 7 },
          { header: "类型", width: 14 },
          { header: "名称", width: 43 },
          { header: "国家（地区）", width: 15 },
          { header: "成立或加入日期", width: 21 },
        ],
        content.organizations,
        (o) => [organizationLabels[o.kind], o.name, country(o.country), officeDate(o.since)],
      ),
    },
    {
      heading: "八、合作成果",
      blocks: [
        ...(results
          ? [
              subheading("（一）成果数量"),
              fields([
                ["中外联合发表论文", `${results.jointPapers}篇`],
                ["国际专利", `${results.internationalPatents}件`],
                ["成果转化", `${results.transfers}项`],
                ["成果转化收入", `${amount(results.transferIncomeWan)}万元`],
              ]),
            ]
          : []),
        ...(achievements.length > 0
          ? [subheading(results ? "（二）重大合作成果" : "重大合作成果"), ...achievements]
          : []),
      ],
    },
    {
      heading: "九、基地管理",
      blocks: management
        ? [
            fields([
              ["专职管理人员", `${management.fullTimeStaff}人`],
              ["管理制度", management.rules.length > 0 ? management.rules.join("\n") : noneText],
              ["知识产权管理", filled(management.ipManagement)],
              ["科技安全预案", filled(management.securityPlan)],
              ["生物安全与科技伦理", filled(management.biosafetyEthics)],
              ["因公出国（境）", `${management.tripsAbroad}人次`],
            ]),
          ]
        : [],
    },
    {
      heading: "十、配套支持",
      blocks: support
        ? [
            fields([
              ["推荐部门配套支持", `${amount(support.recommenderWan)}万元`],
              ["依托单位配套支持", `${amount(support.hostUnitWan)}万元`],
              ["支撑条件", filled(support.conditions)],
            ]),
          ]
        : [],
    },
    {
      heading: "十一、年度重大事项变化",
      blocks: [
        ...table(
          [
            { header: "序号", width: 7 },
            { header: "变化事项", width: 17 },
            { header: "变化日期", width: 17 },
            { header: "变化前", width: 20 },
            { header: "变化后", width: 20 },
            { header: "备案日期", width: 19 },
          ],
          input.filedChanges,
          (change) => [
            change.kindZh,
            officeDate(change.changedOn),
            change.previousValue,
            change.newValue,
            `${officeDate(change.filedOn)}${change.filedLate ? "（逾期）" : ""}`,
          ],
        ),
        ...paragraphs(content.changes),
      ],
    },
    { heading: "十二、经验与问题", blocks: paragraphs(content.experience) },
    { heading: "十三、下一年度工作计划", blocks: paragraphs(content.nextYearPlan) },
    ...(input.evidence
      ? [
          {
            heading: evidenceHeading,
            blocks: table(
              [
                { header: "序号", width: 7 },
                { header: "文件名称", width: 53 },
                { header: "大小", width: 12 },
                { header: "SHA-256（前16位）", width: 28 },
              ],
              input.evidence,
              (file) => [file.name, fileSize(file.size), file.sha256.slice(0, 16)],
            ),
          },
        ]
      : []),
  ];
  return {
    reportId: input.reportId,
    year,
    title: annualReportTitle(year),
    baseName: input.baseName,
    unitName: input.unitName,
    submittedOn: input.submittedOn === null ? null : officeDate(input.submittedOn),
    sections,
    // What is printed and nothing else: a review moving the report on does not change the code on paper.
    digestContent: {
      reportId: input.reportId,
      year,
      baseId: input.baseId,
      unitId: input.unitId,
      baseName: input.baseName,
      unitName: input.unitName,
      submittedOn: input.submittedOn,
      content,
      // The files listed on paper, by digest; a report without any keeps the code it printed with before.
      // Filed changes print in section 十一; a report without any keeps the code it printed with before.
      ...(input.filedChanges && input.filedChanges.length > 0
        ? {
            filedChanges: input.filedChanges.map(({ id, kind, changedOn, filedOn }) => ({
              id,
              kind,
              changedOn,
              filedOn,
            })),
          }
        : {}),
      ...(input.evidence && input.evidence.length > 0
        ? { evidence: input.evidence.map((file) => ({ name: file.name, sha256: file.sha256 })) }
        : {}),
    },
  };
}

/** The cover's label/value rows, the same in Word and PDF. */
export function coverRows(document: AnnualReportDocument): Array<readonly [string, string]> {
  return [
    ["基地名称", document.baseName],
    ["依托单位", `${document.unitName}（盖章）`],
    ["报告年度", `${document.year}年度`],
    ["提交日期", document.submittedOn ?? "尚未提交（草稿）"],
  ];
}

/** The closing lines under the last section: the host unit's seal and the date. */
export function closingLines(document: AnnualReportDocument): string[] {
  return [`依托单位（盖章）：${document.unitName}`, document.submittedOn ?? "年    月    日"];
}
