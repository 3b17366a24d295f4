import type { Verdict } from "./findings";

export interface RuleDefinition {
  id: string;
  article: string;
  /** Which applications the rule is evaluated for (it emits no finding otherwise). */
  appliesTo: string;
  checksZh: string;
  checksEn: string;
  verdicts: readonly Verdict[];
}

/**
 * Every eligibility rule: the public table of rule ids (docs/rules.md is rendered from it).
 * Ids are stable: add rules, never rename one.
 */
export const ruleTable = [
  {
    id: "7.1-registered-in-hubei",
    article: "7.1",
    appliesTo: "all",
    checksZh: "依托单位在湖北省内依法注册（按注册地行政区划代码42xxxx判断，不看信用代码第3–8位）",
    checksEn: "Host unit registered in Hubei, judged by unit.registeredDivision (42xxxx), not by USCC digits 3–8",
    verdicts: ["pass", "fail"],
  },
  {
    id: "7.1-uscc",
    article: "7.1",
    appliesTo: "all",
    checksZh: "统一社会信用代码格式与校验位（GB 32100-2015）；校验位不符由处室人员核实",
    checksEn: "USCC format and check digit (GB 32100-2015); a check-digit mismatch is flagged for an officer",
    verdicts: ["pass", "soft", "fail"],
  },
  {
    id: "7.1-legal-person",
    article: "7.1",
    appliesTo: "all",
    checksZh: "独立法人机构且在有效存续期内",
    checksEn: "Independent legal person, in existence",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "7.1-unit-credit",
    article: "7.1",
    appliesTo: "all",
    checksZh: "依托单位近3年无不良信用、不良科研诚信记录",
    checksEn: "No bad credit or research-integrity record of the unit in the look-back window",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "7.2-partners",
    article: "7.2",
    appliesTo: "all",
    checksZh: "不少于3个合作机构且合作协议在截止日有效（已生效、未到期）",
    checksEn: "At least 3 partner institutions with an agreement valid on the reference date (started, not expired)",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "7.2-partner-standing",
    article: "7.2",
    appliesTo: "all (when partners are given)",
    checksZh: "合作机构为科技类知名机构、合作关系长期稳定",
    checksEn: "Partners are well-known S&T institutions in a stable, long-term relationship",
    verdicts: ["judgement", "missing"],
  },
  {
    id: "7.2-team",
    article: "7.2",
    appliesTo: "all",
    checksZh: "拥有既懂科技创新又具有国际合作经验的复合型人才团队",
    checksEn: "A composite team with innovation and international experience",
    verdicts: ["judgement", "fail", "missing"],
  },
  {
    id: "7.3-goals-mechanism",
    article: "7.3",
    appliesTo: "all",
    checksZh: "明确的发展目标和运行机制，合作国别和领域重点突出",
    checksEn: "Clear goals, operating mechanism, focused countries and fields",
    verdicts: ["judgement", "missing"],
  },
  {
    id: "7.4-management-systems",
    article: "7.4",
    appliesTo: "all",
    checksZh: "知识产权归属、权益分配、数据跨境、人类遗传资源、科技伦理、违约及争议处理、科技安全风险机制齐备",
    checksEn:
      "All seven management systems present (IP, benefit sharing, cross-border data, human genetic resources, ethics, disputes, security risk)",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "7.5-one-base-per-scope",
    article: "7.5",
    appliesTo: "all",
    checksZh: "同一企业、高校同一学院、其他单位同一领域原则上只建1个基地（位于不同国家(地区)的离岸创新平台除外）",
    checksEn:
      "One base per enterprise, per university college, per field for other units (offshore platforms in different countries excepted); in principle",
    verdicts: ["pass", "soft", "missing"],
  },
  {
    id: "7.6-national-platform",
    article: "7.6",
    appliesTo: "all",
    checksZh: "已获批国家级“一带一路”联合实验室、科技部国际科技合作基地的单位原则上不再申报，须说明差异",
    checksEn:
      "A unit holding a national B&R joint lab or MOST international base in principle does not apply: states the difference",
    verdicts: ["pass", "soft", "missing"],
  },
  {
    id: "8.1-international-project",
    article: "8.1",
    appliesTo: "joint-research",
    checksZh: "近3年承担过省级及以上国际科技合作项目",
    checksEn: "A provincial-or-higher international cooperation project in the look-back window",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "8.2-papers-or-events",
    article: "8.2",
    appliesTo: "joint-research",
    checksZh: "近3年中外联合发表高水平论文≥3篇或联合承办高层次国际学术交流活动≥3次",
    checksEn: "≥ 3 joint high-level papers or ≥ 3 co-hosted high-level international academic events in the window",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "8.3-rd-intensity",
    article: "8.3",
    appliesTo: "joint-research, enterprise host",
    checksZh:
      "近3个会计年度研发费用总额占销售收入总额比例不低于高新技术企业标准（≤5000万元5%，5000万–2亿元4%，>2亿元3%）；销售收入为0时比例无法计算（缺少材料），某年研发费用超过销售收入时数据存疑，由专家评判",
    checksEn:
      "R&D expense / revenue over the last 3 fiscal years ≥ the high-tech enterprise threshold (≤ 50M: 5%; ≤ 200M: 4%; > 200M: 3%); zero revenue leaves the ratio undefined (missing); R&D above a year's revenue is implausible and goes to the experts",
    verdicts: ["pass", "fail", "judgement", "missing"],
  },
  {
    id: "8.3-own-ip",
    article: "8.3",
    appliesTo: "joint-research, enterprise host",
    checksZh: "合作研发成果具有自主知识产权并形成明显市场竞争优势",
    checksEn: "Self-owned IP from the cooperation with a clear market advantage",
    verdicts: ["judgement", "missing"],
  },
  {
    id: "9.1-transfer-team",
    article: "9.1",
    appliesTo: "technology-transfer",
    checksZh: "具有专业的国际技术转移服务团队",
    checksEn: "A professional international technology-transfer service team",
    verdicts: ["judgement", "fail", "missing"],
  },
  {
    id: "9.2-transfer-projects",
    article: "9.2",
    appliesTo: "technology-transfer",
    checksZh: "近3年成功实施国际技术转移项目不少于2项",
    checksEn: "≥ 2 international technology-transfer projects implemented in the window",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "9.3-events-each-year",
    article: "9.3",
    appliesTo: "technology-transfer",
    checksZh: "每年举办国际技术转移等国际科技交流活动不少于5场（截止日所在年之前的3个完整年度）",
    checksEn: "≥ 5 international transfer/exchange events in each of the 3 complete years before the reference year",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "10.1-international-project",
    article: "10.1",
    appliesTo: "characteristic",
    checksZh: "原则上近3年承担过省级及以上国际科技合作项目",
    checksEn: "In principle: a provincial-or-higher international cooperation project in the window",
    verdicts: ["pass", "soft", "missing"],
  },
  {
    id: "10.2-results",
    article: "10.2",
    appliesTo: "characteristic",
    checksZh: "已取得良好的国际科技创新合作成效并具有示范作用",
    checksEn: "Good cooperation results with a demonstration effect",
    verdicts: ["judgement", "missing"],
  },
  {
    id: "11.1-overseas-premises",
    article: "11.1",
    appliesTo: "offshore platforms and key bases",
    checksZh: "在境外拥有满足功能的固定场所",
    checksEn: "Fixed premises abroad fit for the platform's functions",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "11.2-overseas-staff",
    article: "11.2",
    appliesTo: "offshore platforms and key bases",
    checksZh: "在境外拥有开展相关工作的人员",
    checksEn: "Staff working abroad",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "12.1-full-time",
    article: "12.1",
    appliesTo: "all",
    checksZh: "负责人为依托单位全职在岗人员（以社保缴纳记录、人才聘用合同为准）",
    checksEn: "Director works full-time at the host unit (social insurance or employment contract)",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "12.1-research-lead",
    article: "12.1",
    appliesTo: "all",
    checksZh: "负责人是基地科研工作负责人或主要科研团队牵头人",
    checksEn: "Director is the base's research lead or main team leader",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "12.1-director-credit",
    article: "12.1",
    appliesTo: "all",
    checksZh: "负责人近3年无不良信用、不良科研诚信记录",
    checksEn: "No bad credit or research-integrity record of the director in the window",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "12.2-title",
    article: "12.2",
    appliesTo: "all",
    checksZh: "联合研究类须正高级职称；其他类一般应正高级职称或同等研究能力",
    checksEn:
      "Joint research: full senior title required; other types: as a rule full senior title or equivalent ability",
    verdicts: ["pass", "fail", "soft", "judgement", "missing"],
  },
  {
    id: "12.2-policy-knowledge",
    article: "12.2",
    appliesTo: "all",
    checksZh: "熟悉科技外交与国际合作方针政策，具有较强管理能力",
    checksEn: "Knows S&T diplomacy policy; strong international cooperation and management ability",
    verdicts: ["judgement", "missing"],
  },
  {
    id: "12.3-one-base-per-director",
    article: "12.3",
    appliesTo: "all",
    checksZh: "同一自然人原则上仅可担任1个基地负责人",
    checksEn: "In principle one person directs at most one base",
    verdicts: ["pass", "soft", "missing"],
  },
  {
    id: "13-countries",
    article: "13",
    appliesTo: "all",
    checksZh: "明确重点、主要和辐射合作国家(地区)",
    checksEn: "Key, main and radiating cooperation countries (regions) are named",
    verdicts: ["pass", "missing"],
  },
  {
    id: "13-international-organization",
    article: "13",
    appliesTo: "when a partner is an international organization",
    checksZh: "合作对象为国际组织的，重点合作国家为其总部所在国或主要合作项目所在国",
    checksEn:
      "With an international organization, a key country is its headquarters country or the main joint project's country",
    verdicts: ["pass", "fail", "missing"],
  },
  {
    id: "14.1-attestation",
    article: "14.1",
    appliesTo: "all",
    checksZh: "承诺材料真实、合法、合规，且不涉及国家秘密",
    checksEn: "Attests the materials are true, lawful, compliant and free of state secrets",
    verdicts: ["attested", "fail", "missing"],
  },
  {
    id: "14.1-partners-no-objection",
    article: "14.1",
    appliesTo: "all",
    checksZh: "境外合作方无异议（申报材料要求）",
    checksEn: "The overseas partners do not object (call materials)",
    verdicts: ["attested", "soft", "missing"],
  },
  {
    id: "20-revocation-ban",
    article: "20",
    appliesTo: "all",
    checksZh: "依托单位的基地被取消资格后3年内不得重新认定（第二十条、第二十四条）",
    checksEn: "No recognition within 3 years of a revocation of the unit's base (Art. 20, 24)",
    verdicts: ["pass", "fail", "missing"],
  },
] as const satisfies readonly RuleDefinition[];

export type RuleId = (typeof ruleTable)[number]["id"];

export const ruleIds = ruleTable.map((rule) => rule.id) as RuleId[];

export function ruleDefinition(id: RuleId): RuleDefinition {
  const found = ruleTable.find((rule) => rule.id === id);
  if (!found) throw new RangeError(`unknown rule ${id}`);
  return found;
}
