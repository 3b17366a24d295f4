import { z } from "zod";
import { bilingual } from "./bilingual";

/**
 * Major joint R&D achievements (重大联合研发成果) the department selects from the bases' annual reports and
 * publishes on the public site (Art. 16.4). The officer may prefill one from a joint R&D project of the report
 * (`projects`); what is stored is what the officer confirms.
 */
const required = (zh: string, en: string, max: number, tooLongZh: string, tooLongEn: string) =>
  z
    .string(bilingual(`请填写${zh}`, `${en} is required`))
    .trim()
    .min(1, bilingual(`请填写${zh}`, `${en} is required`))
    .max(max, bilingual(tooLongZh, tooLongEn));

/** ISO 3166-1 alpha-2, as the report's rows carry it; the server checks that the code names a country. */
export const achievementCountry = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, bilingual("请选择合作国家（地区）", "Choose the partner country or region (ISO code)"));

export const achievementInput = z.strictObject({
  reportId: z.string(bilingual("请选择年度工作报告", "Choose the annual report")).min(1).max(64),
  title: required("成果名称", "The title", 200, "成果名称不超过 200 字", "The title is at most 200 characters"),
  summary: required(
    "成果简介",
    "The summary",
    2_000,
    "成果简介不超过 2000 字",
    "The summary is at most 2,000 characters",
  ),
  partner: z
    .string()
    .trim()
    .max(200, bilingual("合作机构不超过 200 字", "The partner is at most 200 characters"))
    .optional(),
  country: achievementCountry.optional(),
});
export type AchievementInput = z.infer<typeof achievementInput>;

export const achievementWithdrawInput = z.strictObject({
  version: z.number(bilingual("缺少版本号，请刷新后重试", "The version is missing; reload and retry")).int(),
  reason: required("撤回理由", "The reason", 500, "撤回理由不超过 500 字", "The reason is at most 500 characters"),
});

export const achievementListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const achievementActions = ["withdraw"] as const;

/** One achievement as the department sees it (published or withdrawn), with what the caller may do to it. */
export const achievementSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  baseId: z.string(),
  baseName: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  title: z.string(),
  summary: z.string(),
  partner: z.string().nullable(),
  country: z.string().nullable(),
  countryNameZh: z.string().nullable(),
  countryNameEn: z.string().nullable(),
  publishedByName: z.string().nullable(),
  publishedAt: z.string(),
  withdrawnByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  version: z.number().int(),
  availableActions: z.array(z.enum(achievementActions)),
});
export type Achievement = z.infer<typeof achievementSchema>;
export const achievementList = z.object({ items: z.array(achievementSchema) });

/**
 * A report's joint R&D projects as candidates (prefill for the officer), with what the caller may do: `publish`
 * only for the department on a report it holds; `publishRefusal` says why not to an officer who cannot.
 */
export const achievementCandidates = z.object({
  reportId: z.string(),
  year: z.number().int(),
  baseName: z.string(),
  unitName: z.string(),
  availableActions: z.array(z.literal("publish")),
  publishRefusal: z.object({ messageZh: z.string(), messageEn: z.string(), article: z.string().optional() }).nullable(),
  projects: z.array(
    z.object({
      index: z.number().int(),
      title: z.string(),
      partner: z.string(),
      country: z.string(),
      countryNameZh: z.string(),
      countryNameEn: z.string(),
      lead: z.boolean(),
      /** The live achievement already published under this project's title, if any. */
      publishedId: z.string().nullable(),
    }),
  ),
});
export type AchievementCandidates = z.infer<typeof achievementCandidates>;

/** What the public sees: no internal id but the achievement's own, nothing of a withdrawn one. */
export const publicAchievementSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  summary: z.string(),
  partner: z.string().nullable(),
  countryNameZh: z.string().nullable(),
  countryNameEn: z.string().nullable(),
  baseName: z.string(),
  unitName: z.string(),
  publishedOn: z.string(),
});
export type PublicAchievement = z.infer<typeof publicAchievementSchema>;
export const publicAchievementList = z.object({
  /** The years that have published achievements, newest first (the page's year tabs). */
  years: z.array(z.number().int()),
  items: z.array(publicAchievementSchema),
});
export type PublicAchievementList = z.infer<typeof publicAchievementList>;
