import type { IsoDate } from "../calendar/dates";
import type { FieldIssue } from "../refusal";

/**
 * What the completeness check and the plan comparison read of an annual report and a work plan: the shape of
 * contracts/annual-report.ts, as plain types (policy/ imports no schema library).
 */
export interface ReportSections {
  summary?: string;
  agreements?: readonly { startsOn: IsoDate | string; endsOn: IsoDate | string }[];
  projects?: readonly unknown[];
  exchanges?: readonly unknown[];
  trainings?: readonly unknown[];
  results?: { jointPapers: number };
  management?: { fullTimeStaff: number; ipManagement: string; securityPlan: string; biosafetyEthics: string };
  support?: unknown;
  experience?: string;
  nextYearPlan?: string;
}

export interface PlanTargets {
  targets?: { projects: number; exchanges: number; trainings: number; jointPapers: number; agreements: number };
}

const blank = (value: string | undefined) => !value?.trim();

/** The report's year ends on 31 December: an agreement counts as valid if it has started and runs to then (SPEC §7). */
export function agreementValidAtYearEnd(agreement: { startsOn: string; endsOn: string }, year: number): boolean {
  const yearEnd = `${year}-12-31`;
  return agreement.startsOn <= yearEnd && agreement.endsOn >= yearEnd;
}

/** Where an agreement stands on the report year's last day, as the printed report marks it (SPEC §7). */
export type AgreementStanding = "valid" | "expired" | "not-started";

export function agreementStandingAtYearEnd(
  agreement: { startsOn: string; endsOn: string },
  year: number,
): AgreementStanding {
  if (agreementValidAtYearEnd(agreement, year)) return "valid";
  return agreement.startsOn > `${year}-12-31` ? "not-started" : "expired";
}

const need = (path: string, zh: string, en: string, article: string): FieldIssue => ({
  path,
  messageZh: `请填写${zh}`,
  messageEn: `${en} is required`,
  article,
});

/**
 * What a submission still needs (Art. 16.4, 18, 22): the sections every base reports on each year. Lists are
 * required to be answered, not to be long: a base with no training that year submits an empty list on purpose,
 * so only the text sections, the results, the host unit's duties and the support are checked here.
 */
export function missingReportSections(report: ReportSections): FieldIssue[] {
  const missing: FieldIssue[] = [];
  if (blank(report.summary)) missing.push(need("summary", "基地基本情况", "The summary", "18"));
  if (!report.results) missing.push(need("results", "合作成果（联合论文、国际专利、成果转化）", "The results", "22"));
  const management = report.management;
  if (!management) {
    missing.push(need("management", "基地管理情况（专职人员、制度、知识产权、科技安全、伦理）", "Management", "18"));
  } else {
    if (management.fullTimeStaff < 1)
      missing.push({
        path: "management.fullTimeStaff",
        messageZh: "基地应配备专职管理人员（第十八条第四项）",
        messageEn: "The base must have full-time management staff (Art. 18.4)",
        article: "18.4",
      });
    if (blank(management.ipManagement))
      missing.push(need("management.ipManagement", "知识产权管理情况", "IP management", "18.6"));
    if (blank(management.securityPlan))
      missing.push(need("management.securityPlan", "科技安全预案", "The S&T security plan", "18.7"));
    if (blank(management.biosafetyEthics))
      missing.push(need("management.biosafetyEthics", "生物安全与科技伦理合规情况", "Biosafety and ethics", "18.7"));
  }
  if (!report.support) missing.push(need("support", "配套支持情况", "The matching support", "26"));
  if (blank(report.experience)) missing.push(need("experience", "经验与问题", "Experience", "22"));
  if (blank(report.nextYearPlan)) missing.push(need("nextYearPlan", "下一年度工作计划", "Next year's plan", "18.1"));
  return missing;
}

export const planTargetKeys = [
  { key: "agreements", labelZh: "有效合作协议", labelEn: "Valid agreements" },
  { key: "projects", labelZh: "联合研发项目", labelEn: "Joint R&D projects" },
  { key: "exchanges", labelZh: "人员交流与会议", labelEn: "Exchanges and conferences" },
  { key: "trainings", labelZh: "国际技术培训", labelEn: "International training" },
  { key: "jointPapers", labelZh: "联合发表论文", labelEn: "Joint papers" },
] as const;

/** The year's plan targets against what the report shows, in the one order of planTargetKeys. */
export function planProgress(
  plan: PlanTargets | null,
  report: ReportSections,
  year: number,
): { key: string; labelZh: string; labelEn: string; planned: number; done: number }[] {
  const targets = plan?.targets;
  if (!targets) return [];
  const done: Record<(typeof planTargetKeys)[number]["key"], number> = {
    agreements: (report.agreements ?? []).filter((a) => agreementValidAtYearEnd(a, year)).length,
    projects: report.projects?.length ?? 0,
    exchanges: report.exchanges?.length ?? 0,
    trainings: report.trainings?.length ?? 0,
    jointPapers: report.results?.jointPapers ?? 0,
  };
  return planTargetKeys.map((item) => ({ ...item, planned: targets[item.key], done: done[item.key] }));
}

export interface PlanSections extends PlanTargets {
  platform?: string;
  projects?: string;
  talent?: string;
  activities?: string;
}

/**
 * What filing a year's work plan needs (Art. 18.1): goals for each pillar of Art. 3 (platform, projects, talent,
 * activities) and the numeric targets the year's report is compared with.
 */
export function missingPlanSections(plan: PlanSections): FieldIssue[] {
  const pillars = [
    ["platform", "平台建设目标", "Platform goals"],
    ["projects", "项目合作目标", "Project goals"],
    ["talent", "人才交流目标", "Talent goals"],
    ["activities", "交流活动目标", "Activity goals"],
  ] as const;
  const missing = pillars.filter(([key]) => blank(plan[key])).map(([key, zh, en]) => need(key, zh, en, "18.1"));
  if (!plan.targets) missing.push(need("targets", "年度量化指标", "The year's targets", "18.1"));
  return missing;
}
