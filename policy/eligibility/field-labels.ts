import { baseTypes } from "../reference/base-types";
import { nationalPlatformKinds, type projectLevels } from "../reference/evidence-kinds";
import { regions } from "../reference/regions";
import { titles } from "../reference/titles";
import { unitTypes } from "../reference/unit-types";
import type { InputError } from "./input-errors";

type Label = { zh: string; en: string };

/**
 * The eligibility input's fields as the application form names them, by dotted path with `*` for a list index.
 * A person reads "基地类型：…", never `application.type`; the path stays on the error for programs.
 */
const fieldLabels: Record<string, Label> = {
  unit: { zh: "依托单位", en: "Host unit" },
  "unit.name": { zh: "依托单位名称", en: "Host unit name" },
  "unit.uscc": { zh: "统一社会信用代码", en: "Unified social credit code" },
  "unit.type": { zh: "单位类型", en: "Unit type" },
  "unit.registeredDivision": { zh: "注册地", en: "Registered division" },
  "unit.college": { zh: "所在学院", en: "College" },
  "unit.isIndependentLegalPerson": { zh: "依托单位为独立法人机构", en: "Independent legal person" },
  "unit.inExistence": { zh: "依托单位在有效存续期内", en: "Unit in existence" },
  "unit.foundedOn": { zh: "成立日期", en: "Date founded" },
  application: { zh: "申报信息", en: "Application" },
  "application.type": { zh: "基地类型", en: "Base type" },
  "application.field": { zh: "领域", en: "Field" },
  "application.isOffshore": { zh: "离岸创新平台", en: "Offshore platform" },
  "application.isKey": { zh: "省重点国合基地", en: "Key base" },
  "application.offshoreCountry": { zh: "离岸平台所在国（地区）", en: "Offshore country (region)" },
  "application.region": { zh: "港澳台合作", en: "Hong Kong, Macao or Taiwan cooperation" },
  "application.countries": { zh: "合作国家（地区）", en: "Partner countries (regions)" },
  "application.countries.key": { zh: "重点合作国家（地区）", en: "Key partner countries (regions)" },
  "application.countries.main": { zh: "主要合作国家（地区）", en: "Main partner countries (regions)" },
  "application.countries.radiating": { zh: "辐射合作国家（地区）", en: "Radiating partner countries (regions)" },
  "application.partners": { zh: "合作机构", en: "Partner institutions" },
  "application.partners.*.name": { zh: "合作机构 · 机构名称", en: "Partner · name" },
  "application.partners.*.originalName": { zh: "合作机构 · 原文名称", en: "Partner · original name" },
  "application.partners.*.country": { zh: "合作机构 · 国家（地区）", en: "Partner · country (region)" },
  "application.partners.*.isInternationalOrganization": {
    zh: "合作机构 · 国际组织",
    en: "Partner · international organisation",
  },
  "application.partners.*.headquartersCountry": { zh: "合作机构 · 总部所在国", en: "Partner · headquarters country" },
  "application.partners.*.mainProjectCountry": {
    zh: "合作机构 · 主要项目所在国",
    en: "Partner · main project country",
  },
  "application.partners.*.field": { zh: "合作机构 · 合作领域", en: "Partner · field" },
  "application.partners.*.agreement": { zh: "合作机构 · 合作协议", en: "Partner · agreement" },
  "application.partners.*.agreement.start": { zh: "合作机构 · 协议生效", en: "Partner · agreement start" },
  "application.partners.*.agreement.end": { zh: "合作机构 · 协议到期", en: "Partner · agreement end" },
  "application.partners.*.agreement.fileRef": { zh: "合作机构 · 协议文件", en: "Partner · agreement file" },
  "application.team": { zh: "团队", en: "Team" },
  "application.team.members": { zh: "团队成员", en: "Team members" },
  "application.team.members.*.name": { zh: "团队成员 · 姓名", en: "Team member · name" },
  "application.team.members.*.role": { zh: "团队成员 · 职责", en: "Team member · role" },
  "application.developmentGoals": { zh: "发展目标", en: "Development goals" },
  "application.operatingMechanism": { zh: "运行机制", en: "Operating mechanism" },
  "application.evidence": { zh: "合作基础", en: "Cooperation record" },
  "application.evidence.internationalProjects": { zh: "省级及以上国际合作项目", en: "International projects" },
  "application.evidence.internationalProjects.*.level": { zh: "国际合作项目 · 级别", en: "Project · level" },
  "application.evidence.internationalProjects.*.date": { zh: "国际合作项目 · 日期", en: "Project · date" },
  "application.evidence.internationalProjects.*.end": { zh: "国际合作项目 · 结束日期", en: "Project · end" },
  "application.evidence.internationalProjects.*.title": { zh: "国际合作项目 · 名称", en: "Project · title" },
  "application.evidence.jointPapers": { zh: "中外联合论文", en: "Joint papers" },
  "application.evidence.academicEvents": { zh: "联合承办国际学术活动", en: "International academic events" },
  "application.evidence.finance": { zh: "研发投入与销售收入", en: "R&D expense and revenue" },
  "application.evidence.finance.years.*.year": { zh: "研发投入与销售收入 · 年度", en: "Finance · year" },
  "application.evidence.finance.years.*.revenue": { zh: "销售收入", en: "Revenue" },
  "application.evidence.finance.years.*.rdExpense": { zh: "研发费用", en: "R&D expense" },
  "application.evidence.ownIntellectualProperty": { zh: "自主知识产权", en: "Own intellectual property" },
  "application.evidence.transferServiceTeam": { zh: "技术转移团队", en: "Technology-transfer team" },
  "application.evidence.transferProjects": { zh: "国际技术转移项目", en: "Technology-transfer projects" },
  "application.evidence.transferEvents": { zh: "国际技术转移活动", en: "Technology-transfer events" },
  "application.evidence.cooperationResults": { zh: "合作成效", en: "Cooperation results" },
  "application.evidence.overseasPremises": { zh: "境外固定场所", en: "Overseas premises" },
  "application.evidence.overseasStaff": { zh: "境外人员", en: "Overseas staff" },
  "application.managementSystems": { zh: "管理制度", en: "Management systems" },
  "application.attestations": { zh: "承诺", en: "Attestations" },
  "application.nationalPlatformDifference": {
    zh: "与已有国家级平台的差异说明",
    en: "Difference from the national platform",
  },
  director: { zh: "负责人", en: "Director" },
  "director.name": { zh: "负责人姓名", en: "Director's name" },
  "director.personId": { zh: "负责人（本单位人员）", en: "Director (staff member)" },
  "director.title": { zh: "职称", en: "Title" },
  "director.hasEquivalentAbility": { zh: "具有同等研究能力", en: "Equivalent research ability" },
  "director.fullTime": { zh: "全职在岗", en: "Full-time" },
  "director.fullTimeBasis": { zh: "全职依据", en: "Basis of full-time work" },
  "director.isResearchLead": { zh: "科研工作负责人", en: "Research lead" },
  registry: { zh: "登记册事实", en: "Registry facts" },
  referenceDate: { zh: "截止日", en: "Deadline" },
};

/** The form's name of a field path: the nearest labelled ancestor, with the list position (第 2 项). */
export function fieldLabel(path: string): Label {
  const segments = path.split(".");
  const index = segments.find((segment) => /^\d+$/.test(segment));
  const generic = segments.map((segment) => (/^\d+$/.test(segment) ? "*" : segment));
  for (let length = generic.length; length > 0; length -= 1) {
    const found = fieldLabels[generic.slice(0, length).join(".")];
    if (!found) continue;
    if (index === undefined) return found;
    const position = Number(index) + 1;
    return { zh: `${found.zh}（第 ${position} 项）`, en: `${found.en} (item ${position})` };
  }
  return fieldLabels.application!;
}

type Coded = { readonly code: string; readonly nameZh: string; readonly nameEn: string };
const projectLevelLabels: Coded[] = [
  { code: "national", nameZh: "国家级", nameEn: "National" },
  { code: "ministerial", nameZh: "部级", nameEn: "Ministerial" },
  { code: "provincial", nameZh: "省级", nameEn: "Provincial" },
  { code: "municipal", nameZh: "市级", nameEn: "Municipal" },
  { code: "other", nameZh: "其他", nameEn: "Other" },
] satisfies { code: (typeof projectLevels)[number]; nameZh: string; nameEn: string }[];
const codedLists: readonly (readonly Coded[])[] = [
  baseTypes,
  unitTypes,
  titles,
  regions as readonly Coded[],
  nationalPlatformKinds as readonly Coded[],
  projectLevelLabels,
];

/** The label of a code the input may carry (joint-research → 联合研究类), or the code when none is known. */
export function valueLabel(code: string): Label {
  for (const list of codedLists) {
    const found = list.find((entry) => entry.code === code);
    if (found) return { zh: found.nameZh, en: found.nameEn };
  }
  return { zh: code, en: code };
}

/**
 * An input error as a person reads it: the field's name instead of its path, the choices by their labels.
 * The policy's message is `<path>：<what>`; the path stays on the error.
 */
export function presentInputError(error: InputError): InputError {
  const label = fieldLabel(error.path);
  const detail = (message: string, separator: string) =>
    message.startsWith(`${error.path}${separator}`) ? message.slice(error.path.length + separator.length) : message;
  const relabel = (text: string, language: "zh" | "en") =>
    text.replace(/[a-z][a-z0-9]*(?:-[a-z0-9]+)+|\b[a-z]+\b/g, (word) => {
      const found = valueLabel(word);
      return found.zh === word ? word : found[language];
    });
  const zh =
    error.code === "invalid-value" ? relabel(detail(error.messageZh, "："), "zh") : detail(error.messageZh, "：");
  const en =
    error.code === "invalid-value" ? relabel(detail(error.messageEn, ": "), "en") : detail(error.messageEn, ": ");
  return { ...error, messageZh: `${label.zh}：${zh}`, messageEn: `${label.en}: ${en}` };
}
