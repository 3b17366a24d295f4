import type { RuleId } from "../policy/eligibility/rule-table";
import { type BaseType, baseTypes } from "../policy/reference/base-types";
import { hubeiDivisions } from "../policy/reference/divisions";
import { type Title, titles } from "../policy/reference/titles";
import { type UnitType, unitTypes } from "../policy/reference/unit-types";

/** The self-check's questions (issue 14 item 4): the facts each gathers, the article it serves, the rules it feeds. */
/** The facts the dialogue gathers, each the answer to one question. */
export interface SelfCheckFacts {
  baseType?: BaseType;
  offshore?: boolean;
  unitType?: UnitType;
  /** A prefecture's GB/T 2260 code (420100), or "outside" Hubei. */
  division?: string;
  legalPerson?: boolean;
  unitBadRecord?: boolean;
  revokedRecently?: boolean;
  validPartners?: number;
  compositeTeam?: boolean;
  managementSystems?: boolean;
  nationalPlatform?: boolean;
  internationalProjects?: number;
  jointPapers?: number;
  academicEvents?: number;
  revenue3y?: number;
  rdExpense3y?: number;
  transferTeamSize?: number;
  transferProjects?: number;
  transferEventsMinYear?: number;
  overseasPremises?: boolean;
  overseasStaff?: number;
  directorFullTime?: boolean;
  directorResearchLead?: boolean;
  directorBadRecord?: boolean;
  directorTitle?: Title;
  directorEquivalentAbility?: boolean;
}

export type FactKey = keyof SelfCheckFacts;
export type QuestionKind = "choice" | "yes-no" | "number" | "date" | "text";

export interface QuestionOption {
  value: string;
  labelZh: string;
  labelEn: string;
}

export interface QuestionDefinition {
  id: FactKey;
  kind: QuestionKind;
  /** The article (item) the answer serves: 7.1, 12.2. */
  article: string;
  /** The rules the answer feeds; the question is asked only while one of them still applies. */
  rules: readonly RuleId[];
  textZh: string;
  textEn: string;
  options?: readonly QuestionOption[];
  /** For a number: the unit shown beside the box. */
  unitZh?: string;
  unitEn?: string;
  /** Asked only when the facts so far make it relevant (the type of base, of unit, an earlier answer). */
  when?: (facts: SelfCheckFacts) => boolean;
}

export interface SelfCheckQuestion extends Omit<QuestionDefinition, "when" | "rules" | "options"> {
  rules: RuleId[];
  options?: QuestionOption[];
}

/** "outside" Hubei: the one option of the division question that is not a prefecture. */
export const outsideHubei = "outside";

const isJointResearch = (facts: SelfCheckFacts) => facts.baseType === "joint-research";
const isTransfer = (facts: SelfCheckFacts) => facts.baseType === "technology-transfer";
const isCharacteristic = (facts: SelfCheckFacts) => facts.baseType === "characteristic";

/** The questions in the order they are asked: what decides which rules apply first, then the unit, then the base. */
export const selfCheckQuestions: readonly QuestionDefinition[] = [
  {
    id: "baseType",
    kind: "choice",
    article: "6",
    rules: [],
    textZh: "拟申报哪一类基地？",
    textEn: "Which type of base would you apply for?",
    options: baseTypes.map((type) => ({ value: type.code, labelZh: type.nameZh, labelEn: type.nameEn })),
  },
  {
    id: "offshore",
    kind: "yes-no",
    article: "11",
    rules: ["11.1-overseas-premises", "11.2-overseas-staff"],
    textZh: "是否以离岸创新平台形式申报（在境外设立）？",
    textEn: "Is it an offshore innovation platform (set up abroad)?",
  },
  {
    id: "unitType",
    kind: "choice",
    article: "2",
    rules: ["8.3-rd-intensity"],
    textZh: "依托单位属于哪一类？",
    textEn: "What kind of organisation is the host unit?",
    options: unitTypes.map((type) => ({ value: type.code, labelZh: type.nameZh, labelEn: type.nameEn })),
  },
  {
    id: "division",
    kind: "choice",
    article: "7.1",
    rules: ["7.1-registered-in-hubei"],
    textZh: "依托单位的注册地在哪个市州？",
    textEn: "Where is the host unit registered?",
    options: [
      ...hubeiDivisions.map((division) => ({
        value: division.code,
        labelZh: division.nameZh,
        labelEn: division.nameEn,
      })),
      { value: outsideHubei, labelZh: "湖北省外", labelEn: "Outside Hubei" },
    ],
  },
  {
    id: "legalPerson",
    kind: "yes-no",
    article: "7.1",
    rules: ["7.1-legal-person"],
    textZh: "依托单位是否为独立法人机构，且在有效存续期内？",
    textEn: "Is the host unit an independent legal person, still in existence?",
  },
  {
    id: "unitBadRecord",
    kind: "yes-no",
    article: "7.1",
    rules: ["7.1-unit-credit"],
    textZh: "依托单位近3年是否有不良信用或不良科研诚信记录？",
    textEn: "Does the host unit have a bad credit or research-integrity record in the last 3 years?",
  },
  {
    id: "revokedRecently",
    kind: "yes-no",
    article: "20",
    rules: ["20-revocation-ban"],
    textZh: "依托单位的省国合基地近3年内是否被取消过资格？",
    textEn: "Was a provincial base of the host unit revoked in the last 3 years?",
  },
  {
    id: "validPartners",
    kind: "number",
    article: "7.2",
    rules: ["7.2-partners"],
    textZh: "有多少个境外合作机构的合作协议在申报截止日已生效且未到期？",
    textEn: "How many foreign partner institutions have an agreement in effect on the call's deadline?",
    unitZh: "个",
    unitEn: "partners",
  },
  {
    id: "compositeTeam",
    kind: "yes-no",
    article: "7.2",
    rules: ["7.2-team"],
    textZh: "是否有一支既懂科技创新又具有国际合作经验的人才团队？",
    textEn: "Is there a team with both innovation and international cooperation experience?",
  },
  {
    id: "managementSystems",
    kind: "yes-no",
    article: "7.4",
    rules: ["7.4-management-systems"],
    textZh:
      "是否已建立知识产权归属、权益分配、数据跨境、人类遗传资源、科技伦理、违约及争议处理、科技安全风险研判七项制度？",
    textEn:
      "Are the seven management systems in place (IP, benefit sharing, cross-border data, human genetic resources, ethics, disputes, security risk)?",
  },
  {
    id: "nationalPlatform",
    kind: "yes-no",
    article: "7.6",
    rules: ["7.6-national-platform"],
    textZh: "依托单位是否已获批国家级“一带一路”联合实验室或科技部国际科技合作基地？",
    textEn: "Does the host unit hold a national Belt and Road joint laboratory or a MOST international base?",
  },
  {
    id: "internationalProjects",
    kind: "number",
    article: "8.1",
    rules: ["8.1-international-project", "10.1-international-project"],
    textZh: "近3年承担过几项省级及以上国际科技合作项目？",
    textEn: "How many provincial-or-higher international cooperation projects in the last 3 years?",
    unitZh: "项",
    unitEn: "projects",
    when: (facts) => isJointResearch(facts) || isCharacteristic(facts),
  },
  {
    id: "jointPapers",
    kind: "number",
    article: "8.2",
    rules: ["8.2-papers-or-events"],
    textZh: "近3年中外联合发表高水平论文多少篇？",
    textEn: "How many high-level papers published jointly with foreign partners in the last 3 years?",
    unitZh: "篇",
    unitEn: "papers",
    when: isJointResearch,
  },
  {
    id: "academicEvents",
    kind: "number",
    article: "8.2",
    rules: ["8.2-papers-or-events"],
    textZh: "近3年联合承办高层次国际学术交流活动多少次？",
    textEn: "How many high-level international academic events co-hosted in the last 3 years?",
    unitZh: "次",
    unitEn: "events",
    when: (facts) => isJointResearch(facts) && (facts.jointPapers ?? 0) < 3,
  },
  {
    id: "revenue3y",
    kind: "number",
    article: "8.3",
    rules: ["8.3-rd-intensity"],
    textZh: "近3个会计年度销售收入合计多少万元？",
    textEn: "Total sales revenue over the last 3 fiscal years, in ten-thousand yuan?",
    unitZh: "万元",
    unitEn: "× 10,000 yuan",
    when: (facts) => isJointResearch(facts) && facts.unitType === "enterprise",
  },
  {
    id: "rdExpense3y",
    kind: "number",
    article: "8.3",
    rules: ["8.3-rd-intensity"],
    textZh: "同期研发费用合计多少万元？",
    textEn: "Total R&D expense over the same years, in ten-thousand yuan?",
    unitZh: "万元",
    unitEn: "× 10,000 yuan",
    when: (facts) => isJointResearch(facts) && facts.unitType === "enterprise",
  },
  {
    id: "transferTeamSize",
    kind: "number",
    article: "9.1",
    rules: ["9.1-transfer-team"],
    textZh: "专业的国际技术转移服务团队有多少人？",
    textEn: "How many people are in the international technology-transfer service team?",
    unitZh: "人",
    unitEn: "people",
    when: isTransfer,
  },
  {
    id: "transferProjects",
    kind: "number",
    article: "9.2",
    rules: ["9.2-transfer-projects"],
    textZh: "近3年成功实施的国际技术转移项目有几项？",
    textEn: "How many international technology-transfer projects were implemented in the last 3 years?",
    unitZh: "项",
    unitEn: "projects",
    when: isTransfer,
  },
  {
    id: "transferEventsMinYear",
    kind: "number",
    article: "9.3",
    rules: ["9.3-events-each-year"],
    textZh: "近3年中，举办国际技术转移等国际科技交流活动最少的一年办了几场？",
    textEn: "In the last 3 years, how many international exchange events were held in the leanest year?",
    unitZh: "场",
    unitEn: "events",
    when: isTransfer,
  },
  {
    id: "overseasPremises",
    kind: "yes-no",
    article: "11.1",
    rules: ["11.1-overseas-premises"],
    textZh: "在境外是否拥有满足功能的固定场所？",
    textEn: "Are there fixed premises abroad fit for the platform's functions?",
    when: (facts) => facts.offshore === true,
  },
  {
    id: "overseasStaff",
    kind: "number",
    article: "11.2",
    rules: ["11.2-overseas-staff"],
    textZh: "在境外开展相关工作的人员有多少人？",
    textEn: "How many staff work abroad?",
    unitZh: "人",
    unitEn: "people",
    when: (facts) => facts.offshore === true,
  },
  {
    id: "directorFullTime",
    kind: "yes-no",
    article: "12.1",
    rules: ["12.1-full-time"],
    textZh: "拟任基地负责人是否为依托单位全职在岗人员（有社保缴纳记录或人才聘用合同）？",
    textEn: "Does the proposed director work full-time at the host unit (social insurance or employment contract)?",
  },
  {
    id: "directorResearchLead",
    kind: "yes-no",
    article: "12.1",
    rules: ["12.1-research-lead"],
    textZh: "负责人是否为基地科研工作负责人或主要科研团队牵头人？",
    textEn: "Is the director the base's research lead or main research team leader?",
  },
  {
    id: "directorBadRecord",
    kind: "yes-no",
    article: "12.1",
    rules: ["12.1-director-credit"],
    textZh: "负责人近3年是否有不良信用或不良科研诚信记录？",
    textEn: "Does the director have a bad credit or research-integrity record in the last 3 years?",
  },
  {
    id: "directorTitle",
    kind: "choice",
    article: "12.2",
    rules: ["12.2-title"],
    textZh: "负责人的职称是？",
    textEn: "What is the director's professional title?",
    options: titles.map((title) => ({ value: title.code, labelZh: title.nameZh, labelEn: title.nameEn })),
  },
  {
    id: "directorEquivalentAbility",
    kind: "yes-no",
    article: "12.2",
    rules: ["12.2-title"],
    textZh: "负责人虽非正高级职称，是否具有同等研究能力？",
    textEn: "Not a full senior title: does the director have equivalent research ability?",
    when: (facts) =>
      facts.directorTitle !== undefined && facts.directorTitle !== "senior" && facts.baseType !== "joint-research",
  },
];

/** Rules only the experts or the officer can decide, whatever the dialogue learns: listed in the verdict as such. */
export const judgedRules: readonly RuleId[] = [
  "7.2-partner-standing",
  "7.3-goals-mechanism",
  "8.3-own-ip",
  "10.2-results",
  "12.2-policy-knowledge",
];
