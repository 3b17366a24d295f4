import { z } from "zod";
import type { ApplicationState } from "../policy/lifecycles/application.transitions";
import { bilingual } from "./bilingual";

/**
 * 统计分析 (issue 13 item 2): the charts of the statistics page, one list — their titles, what a row (category) is and
 * what a column (series) is. The same list names the sheets of the Excel export and the web's cards.
 */
export const statisticsCharts = [
  {
    key: "bases-by-type",
    titleZh: "基地类型分布",
    titleEn: "Bases by type",
    categoryZh: "基地类型",
    categoryEn: "Type",
  },
  {
    key: "bases-by-division",
    titleZh: "各市州基地数量",
    titleEn: "Bases by prefecture",
    categoryZh: "市州",
    categoryEn: "Prefecture",
  },
  {
    key: "bases-by-field",
    titleZh: "基地领域分布",
    titleEn: "Bases by field",
    categoryZh: "领域",
    categoryEn: "Field",
  },
  {
    key: "bases-by-country",
    titleZh: "合作国家（地区）分布",
    titleEn: "Bases by partner country or region",
    categoryZh: "合作国家（地区）",
    categoryEn: "Partner country or region",
  },
  {
    key: "bases-by-year",
    titleZh: "历年认定基地",
    titleEn: "Bases by year of recognition",
    categoryZh: "认定年份",
    categoryEn: "Year recognized",
  },
  {
    key: "applications-by-call",
    titleZh: "各批次申报进展",
    titleEn: "Applications by call and stage",
    categoryZh: "申报批次",
    categoryEn: "Call",
  },
  {
    key: "grades-by-year",
    titleZh: "历年绩效评价结果",
    titleEn: "Annual evaluation grades by year",
    categoryZh: "评价年度",
    categoryEn: "Year evaluated",
  },
  {
    key: "deadlines",
    titleZh: "期限提醒概况",
    titleEn: "Deadlines at a glance",
    categoryZh: "期限类型",
    categoryEn: "Kind of deadline",
  },
] as const;

export type StatisticsChartKey = (typeof statisticsCharts)[number]["key"];
export const statisticsChartKeys = statisticsCharts.map((chart) => chart.key) as [
  StatisticsChartKey,
  ...StatisticsChartKey[],
];

/**
 * The stages an application is counted in on the statistics page: the lifecycle's states grouped as the round runs
 * (Art. 14). Never-submitted drafts belong to their unit alone and are not counted (Art. 14.1, 17).
 */
export const applicationStages = [
  { key: "at-recommender", nameZh: "推荐部门审核", nameEn: "At the recommender", states: ["submitted", "returned"] },
  {
    key: "formal-review",
    nameZh: "形式审查",
    nameEn: "Formal review",
    states: ["recommended", "correction-requested"],
  },
  {
    key: "expert-review",
    nameZh: "专家评审",
    nameEn: "Expert review",
    states: ["formal-review-passed", "in-expert-review"],
  },
  {
    key: "decision",
    nameZh: "核查、评议与公示",
    nameEn: "Verification, evaluation and notice",
    states: ["reviewed", "on-site-verification", "verified", "evaluated", "approved", "publicized"],
  },
  { key: "recognized", nameZh: "已认定", nameEn: "Recognized", states: ["recognized"] },
  { key: "not-passed", nameZh: "未推荐或未通过", nameEn: "Declined or rejected", states: ["declined", "rejected"] },
  { key: "withdrawn", nameZh: "已撤回", nameEn: "Withdrawn", states: ["withdrawn"] },
] as const satisfies ReadonlyArray<{
  key: string;
  nameZh: string;
  nameEn: string;
  states: readonly ApplicationState[];
}>;

const labelled = { key: z.string(), labelZh: z.string(), labelEn: z.string() };

/**
 * One chart as a matrix: a row per category (a type, a prefecture, a call…), a column per series (a type, a stage, a
 * grade…), `values[row][column]` the count. The chart, its table view and its Excel sheet are drawn from this alone.
 */
export const statisticsChartSchema = z.object({
  key: z.enum(statisticsChartKeys),
  titleZh: z.string(),
  titleEn: z.string(),
  categoryZh: z.string(),
  categoryEn: z.string(),
  categories: z.array(
    z.object({
      ...labelled,
      /** Partner countries: co-building the Belt and Road (一带一路) on the day of the statistics. */
      beltAndRoad: z.boolean().optional(),
    }),
  ),
  series: z.array(z.object(labelled)),
  values: z.array(z.array(z.number().int())),
  /** What a count means, when the title alone does not say it. */
  noteZh: z.string().optional(),
  noteEn: z.string().optional(),
});
export type StatisticsChart = z.infer<typeof statisticsChartSchema>;

export const statisticsSchema = z.object({
  /** The China date the statistics were computed on (一带一路 flags, deadlines). */
  today: z.string(),
  /** Whose rows are counted: the province (the department) or a recommender's jurisdiction. */
  scope: z.object({ kind: z.enum(["province", "jurisdiction"]), labelZh: z.string(), labelEn: z.string() }),
  totals: z.object({
    /** Bases in the layout now: active, in rectification, proposed for revocation. */
    currentBases: z.number().int(),
    /** Applications submitted at least once, every call. */
    applications: z.number().int(),
    /** Partner countries (regions) of the current bases, and how many of them co-build the Belt and Road. */
    partnerCountries: z.number().int(),
    beltAndRoadCountries: z.number().int(),
  }),
  charts: z.array(statisticsChartSchema),
});
export type Statistics = z.infer<typeof statisticsSchema>;

/** GET /api/statistics/export.xlsx: one chart's sheet, or every chart (a sheet each) when `chart` is left out. */
export const statisticsExportQuery = z.object({
  chart: z.enum(statisticsChartKeys, { error: bilingual("未知的统计图表", "Unknown chart") }).optional(),
});
