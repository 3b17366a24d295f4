import { yearOf } from "../../calendar/dates";
import { isWithin } from "../../calendar/deadlines";
import { rdIntensity, selectFiscalYears } from "../../rd-intensity";
import { datedAfterReference, finding, type Rule, windowText } from "./context";
import { lateProjects, qualifyingProjects } from "./projects";

const isJointResearch = (type: string) => type === "joint-research";

/** Art. 8.1: a provincial-or-higher international cooperation project in the last 3 years. */
export const jointResearchProject: Rule = (context) => {
  if (!isJointResearch(context.input.application.type)) return null;
  const evidence = ["application.evidence.internationalProjects"];
  const found = qualifyingProjects(context);
  const span = windowText(context.window);
  if (found === null)
    return finding(
      "8.1-international-project",
      "missing",
      evidence,
      "请填写近3年承担的国际科技合作项目。",
      "List the international cooperation projects of the last 3 years.",
    );
  const late = lateProjects(context);
  if (found.length > 0) {
    return finding(
      "8.1-international-project",
      "pass",
      [...found.map((index) => `application.evidence.internationalProjects.${index}`), ...late.evidence],
      `${span.zh} 期间承担省级及以上国际科技合作项目 ${found.length} 项。${late.zh}`,
      `${found.length} provincial-or-higher international cooperation project(s) within ${span.en}.${late.en}`,
    );
  }
  return finding(
    "8.1-international-project",
    "fail",
    [...evidence, ...late.evidence],
    `${span.zh} 期间未承担省级及以上国际科技合作项目。${late.zh}`,
    `No provincial-or-higher international cooperation project within ${span.en}.${late.en}`,
  );
};

/** Art. 8.2: ≥ 3 joint high-level papers or ≥ 3 co-hosted high-level international academic events in 3 years. */
export const papersOrEvents: Rule = ({ input, window, referenceDate }) => {
  if (!isJointResearch(input.application.type)) return null;
  const papers = input.application.evidence?.jointPapers;
  const events = input.application.evidence?.academicEvents;
  const evidence = ["application.evidence.jointPapers", "application.evidence.academicEvents"];
  if (papers === undefined && events === undefined) {
    return finding(
      "8.2-papers-or-events",
      "missing",
      evidence,
      "请填写近3年中外联合发表的论文或联合承办的国际学术交流活动。",
      "List the joint papers or co-hosted international academic events of the last 3 years.",
    );
  }
  const paperCount = (papers ?? []).filter(
    (paper) => paper.isHighLevel !== false && isWithin(paper.date, window),
  ).length;
  const eventCount = (events ?? []).filter(
    (event) => event.role !== "participant" && event.isHighLevel !== false && isWithin(event.date, window),
  ).length;
  const span = windowText(window);
  const latePapers = datedAfterReference(papers, "application.evidence.jointPapers", referenceDate, {
    zh: "篇论文",
    en: "paper(s)",
  });
  const lateEvents = datedAfterReference(events, "application.evidence.academicEvents", referenceDate, {
    zh: "次学术交流活动",
    en: "academic event(s)",
  });
  const late = {
    evidence: [...latePapers.evidence, ...lateEvents.evidence],
    zh: latePapers.zh + lateEvents.zh,
    en: latePapers.en + lateEvents.en,
  };
  const counts = {
    zh: `联合论文 ${paperCount} 篇、联合承办活动 ${eventCount} 次`,
    en: `${paperCount} joint papers, ${eventCount} co-hosted events`,
  };
  if (paperCount >= 3 || eventCount >= 3) {
    return finding(
      "8.2-papers-or-events",
      "pass",
      [...evidence, ...late.evidence],
      `${span.zh} 期间${counts.zh}（要求论文≥3篇或活动≥3次）。${late.zh}`,
      `${counts.en} within ${span.en} (≥ 3 papers or ≥ 3 events required).${late.en}`,
    );
  }
  return finding(
    "8.2-papers-or-events",
    "fail",
    [...evidence, ...late.evidence],
    `${span.zh} 期间仅${counts.zh}，要求中外联合高水平论文不少于3篇或联合承办高层次国际学术交流活动不少于3次。${late.zh}`,
    `Only ${counts.en} within ${span.en}: ≥ 3 joint high-level papers or ≥ 3 co-hosted high-level events required.${late.en}`,
  );
};

/** Art. 8.3: an enterprise host's R&D ratio over the last 3 fiscal years meets the high-tech enterprise threshold. */
export const rdIntensityRule: Rule = ({ input, settings }) => {
  if (!isJointResearch(input.application.type) || input.unit.type !== "enterprise") return null;
  const finance = input.application.evidence?.finance;
  const referenceYear = yearOf(input.referenceDate);
  const foundedYear = input.unit.foundedOn ? yearOf(input.unit.foundedOn) : undefined;
  const evidence = ["application.evidence.finance", "unit.foundedOn"];
  const years = finance ? selectFiscalYears(finance.years, referenceYear, settings.rdFiscalYears, foundedYear) : null;
  if (!finance || !years) {
    return finding(
      "8.3-rd-intensity",
      "missing",
      evidence,
      `请填写截止日之前近${settings.rdFiscalYears}个会计年度的销售收入和研发费用。`,
      `Give revenue and R&D expense for the last ${settings.rdFiscalYears} fiscal years before the reference year.`,
    );
  }
  const result = rdIntensity(years, finance.amountUnit)!;
  const span = `${result.years[0]}–${result.years.at(-1)}`;
  const unit =
    finance.amountUnit === "ten-thousand-yuan" ? { zh: "万元", en: "ten-thousand yuan" } : { zh: "元", en: "yuan" };
  const amount = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  const pathOf = (year: number, field: "revenue" | "rdExpense") =>
    `application.evidence.finance.years.${finance.years.findIndex((entry) => entry.year === year)}.${field}`;
  if (result.ratio === null) {
    // Art. 8.3 compares R&D expense with sales revenue: without revenue the ratio is undefined (docs/interpretations.md).
    return finding(
      "8.3-rd-intensity",
      "missing",
      result.years.map((year) => pathOf(year, "revenue")),
      `${span} 年销售收入合计为 0（研发费用合计 ${amount(sumOf(years, "rdExpense"))} ${unit.zh}），研发费用占销售收入的比例无法计算，不能认定达到高新技术企业标准；请核实并填写销售收入。`,
      `Sales revenue ${span} totals 0 (R&D expense ${amount(sumOf(years, "rdExpense"))} ${unit.en}): the R&D / revenue ratio is undefined and cannot meet the high-tech enterprise standard; check and give the sales revenue.`,
    );
  }
  const percent = `${(result.ratio * 100).toFixed(2)}%`;
  const revenueWan = (result.lastYearRevenueYuan / 10_000).toLocaleString("en-US", { maximumFractionDigits: 2 });
  const zh = `${span} 年研发费用占销售收入比例 ${percent}，最近一年销售收入 ${revenueWan} 万元，对应标准 ${result.thresholdPercent}%`;
  const en = `R&D / revenue ${span}: ${percent}; last-year revenue ${revenueWan} ten-thousand yuan, threshold ${result.thresholdPercent}%`;
  // R&D above revenue is possible (a young research firm) but implausible enough to be verified, naming both figures.
  const above = result.yearsRdAboveRevenue.map((year) => years.find((entry) => entry.year === year)!);
  const implausible =
    above.length === 0
      ? null
      : {
          zh: `${above.map((entry) => `${entry.year} 年研发费用 ${amount(entry.rdExpense)} ${unit.zh}超过销售收入 ${amount(entry.revenue)} ${unit.zh}`).join("；")}，数据不合常理，请核实`,
          en: `${above.map((entry) => `${entry.year}: R&D expense ${amount(entry.rdExpense)} exceeds revenue ${amount(entry.revenue)} ${unit.en}`).join("; ")} — implausible, to be verified`,
          evidence: above.flatMap((entry) => [pathOf(entry.year, "rdExpense"), pathOf(entry.year, "revenue")]),
        };
  if (!result.meets)
    return finding(
      "8.3-rd-intensity",
      "fail",
      [...evidence, ...(implausible?.evidence ?? [])],
      `${zh}，低于高新技术企业认定标准。${implausible ? `另：${implausible.zh}。` : ""}`,
      `${en}: below the high-tech enterprise standard.${implausible ? ` Also: ${implausible.en}.` : ""}`,
    );
  if (implausible)
    return finding(
      "8.3-rd-intensity",
      "judgement",
      [...evidence, ...implausible.evidence],
      `${zh}；但${implausible.zh}，是否符合由专家对照审计报告评判。`,
      `${en}; but ${implausible.en}: whether it is met is for the experts, against the audited accounts.`,
    );
  return finding("8.3-rd-intensity", "pass", evidence, `${zh}，符合。`, `${en}: met.`);
};

const sumOf = (years: readonly { revenue: number; rdExpense: number }[], field: "revenue" | "rdExpense") =>
  years.reduce((sum, year) => sum + year[field], 0);

/** Art. 8.3: self-owned IP from the cooperation with a market advantage — expert judgement. */
export const ownIntellectualProperty: Rule = ({ input }) => {
  if (!isJointResearch(input.application.type) || input.unit.type !== "enterprise") return null;
  const items = input.application.evidence?.ownIntellectualProperty;
  const evidence = ["application.evidence.ownIntellectualProperty"];
  if (!items || items.length === 0) {
    return finding(
      "8.3-own-ip",
      "missing",
      evidence,
      "请填写合作研发形成的自主知识产权。",
      "List the self-owned IP from the cooperation.",
    );
  }
  return finding(
    "8.3-own-ip",
    "judgement",
    evidence,
    `自主知识产权 ${items.length} 项，是否形成明显市场竞争优势由专家评判。`,
    `${items.length} IP item(s); whether they give a clear market advantage is for the experts.`,
  );
};
