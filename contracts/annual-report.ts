import { z } from "zod";
import { evaluationEvents, evaluationStates } from "../policy/lifecycles/evaluation.transitions";
import { filedChangeSchema } from "./change-reports";
import { idList, isoDate, recordAbilities } from "./common";
import { evidenceFileSchema } from "./evidence";

/**
 * The annual work report of a base (Art. 16.4, 18, 22), modelled on the national bases' yearly form. Every section is
 * optional while the report is a draft (autosave); policy/annual-report/completeness.ts says what a submission needs.
 */
const text = (max: number) => z.string().trim().max(max);
const count = z.number().int().min(0).max(1_000_000);
const wan = z.number().min(0).max(10_000_000);
const country = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2");
const rows = <T extends z.ZodType>(row: T, max = 200) => z.array(row).max(max);

export const reportAgreement = z.strictObject({
  partner: text(200),
  country,
  title: text(300),
  startsOn: isoDate,
  endsOn: isoDate,
});

export const reportProject = z.strictObject({
  title: text(300),
  partner: text(200),
  country,
  /** 牵头 / 参与 */
  lead: z.boolean(),
  fundingWan: wan,
});

export const reportExchangeKinds = ["visit-in", "visit-out", "conference"] as const;
export const reportExchange = z.strictObject({
  kind: z.enum(reportExchangeKinds),
  title: text(300),
  on: isoDate,
  country,
  people: count,
});

export const reportTraining = z.strictObject({
  title: text(300),
  on: isoDate,
  trainees: count,
  countries: rows(country, 60),
});

export const reportHostedKinds = ["conference", "journal"] as const;
export const reportHosted = z.strictObject({ kind: z.enum(reportHostedKinds), title: text(300), on: isoDate });

export const reportOrganizationKinds = [
  "international-organization",
  "joint-institution",
  "overseas-platform",
] as const;
export const reportOrganization = z.strictObject({
  kind: z.enum(reportOrganizationKinds),
  name: text(200),
  country,
  since: isoDate,
});

/** A major joint R&D achievement the department may select and publish (Art. 16.4). */
export const reportAchievement = z.strictObject({ title: text(200), summary: text(2_000), partner: text(200) });

export const annualReportContent = z.strictObject({
  /** 基本情况 */
  summary: text(5_000).optional(),
  agreements: rows(reportAgreement).optional(),
  projects: rows(reportProject).optional(),
  exchanges: rows(reportExchange, 500).optional(),
  trainings: rows(reportTraining).optional(),
  hosted: rows(reportHosted).optional(),
  organizations: rows(reportOrganization).optional(),
  results: z
    .strictObject({
      jointPapers: count,
      internationalPatents: count,
      transfers: count,
      transferIncomeWan: wan,
    })
    .optional(),
  achievements: rows(reportAchievement, 20).optional(),
  /** The host unit's duties (Art. 18): staff, rules, IP, security, ethics, travel abroad. */
  management: z
    .strictObject({
      fullTimeStaff: count,
      rules: rows(text(200), 50),
      ipManagement: text(2_000),
      securityPlan: text(2_000),
      biosafetyEthics: text(2_000),
      tripsAbroad: count,
    })
    .optional(),
  /** Matching support received (Art. 26) and the unit's support conditions (Art. 18.3), in 万元. */
  support: z.strictObject({ recommenderWan: wan, hostUnitWan: wan, conditions: text(2_000) }).optional(),
  /** The year's major changes (Art. 18.5). */
  changes: text(3_000).optional(),
  experience: text(3_000).optional(),
  nextYearPlan: text(3_000).optional(),
  /** Evidence files (uploaded through the report's file route), by id. */
  evidence: idList.max(100).optional(),
});
export type AnnualReportContent = z.infer<typeof annualReportContent>;

/** The year's work plan (Art. 18.1): goals per pillar of Art. 3 and numeric targets the report is compared with. */
export const workPlanContent = z.strictObject({
  platform: text(2_000).optional(),
  projects: text(2_000).optional(),
  talent: text(2_000).optional(),
  activities: text(2_000).optional(),
  targets: z
    .strictObject({ projects: count, exchanges: count, trainings: count, jointPapers: count, agreements: count })
    .optional(),
  partners: rows(z.strictObject({ partner: text(200), country }), 100).optional(),
  budgetWan: wan.optional(),
  supportConditions: text(2_000).optional(),
});
export type WorkPlanContent = z.infer<typeof workPlanContent>;

export const evaluationRoundInput = z.strictObject({
  year: z.number().int().min(2025).max(2100),
  title: text(200).min(1),
  reportDeadline: isoDate,
  evaluator: z.enum(["experts", "third-party"]),
});

export const evaluationRoundSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  reportDeadline: z.string(),
  evaluator: z.enum(["experts", "third-party"]),
  status: z.enum(["open", "closed"]),
  edition: z.string(),
  counts: z.record(z.string(), z.number().int()),
  createdAt: z.string(),
});

/** 开始考核评审: how many submitted reports the department put under evaluation. */
export const evaluationStarted = z.object({ started: z.number().int() });

export const reportUpdate = z.strictObject({ content: annualReportContent, version: z.number().int() });

export const reportEventRequest = z.strictObject({
  event: z.enum(evaluationEvents),
  reason: text(1_000).optional(),
  expectedVersion: z.number().int().optional(),
  /** open-correction (补正, Art. 22): what to correct and by when; the policy checks both (a date after today). */
  correction: z.strictObject({ request: text(2_000).optional(), dueOn: text(10).optional() }).optional(),
});

const issue = z.object({ path: z.string(), messageZh: z.string(), messageEn: z.string() });

export const reportEventSchema = z.object({
  event: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const annualReportSummary = z.object({
  id: z.string(),
  roundId: z.string(),
  year: z.number().int(),
  baseId: z.string(),
  baseName: z.string(),
  unitName: z.string(),
  state: z.enum(evaluationStates),
  reportDeadline: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const annualReportDetail = annualReportSummary.extend({
  content: annualReportContent,
  plan: workPlanContent.nullable(),
  /** What a submission still needs (empty: complete). */
  missing: z.array(issue),
  /** Plan targets against the report's counts, for the side-by-side view. */
  progress: z.array(
    z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string(), planned: z.number(), done: z.number() }),
  ),
  version: z.number().int(),
  editable: z.boolean(),
  /** 补正 (Art. 22): what the department last asked the unit to correct, and by when (China date). */
  correctionRequest: z.string().nullable(),
  correctionDueOn: z.string().nullable(),
  abilities: recordAbilities,
  availableEvents: z.array(z.enum(evaluationEvents)),
  events: z.array(reportEventSchema),
  /** The evidence files the unit attached (Art. 18, 22); GET …/files says whether the caller may add more. */
  files: z.array(evidenceFileSchema),
  /** The base's major changes of the year filed with the province (Art. 18.5), listed in section 十一. */
  filedChanges: z.array(filedChangeSchema),
});

export const reportListQuery = z.object({
  year: z.coerce.number().int().optional(),
  state: z.enum(evaluationStates).optional(),
  baseId: z.string().max(64).optional(),
});

export const workPlanParams = z.object({
  id: z.string().min(1).max(64),
  year: z.coerce.number().int().min(2000).max(2100),
});
/** `version` 0: no plan yet for the year (the first save creates it). */
export const workPlanUpdate = z.strictObject({ content: workPlanContent, version: z.number().int().min(0) });
export const workPlanSchema = z.object({
  baseId: z.string(),
  year: z.number().int(),
  content: workPlanContent,
  filedAt: z.string().nullable(),
  version: z.number().int(),
  editable: z.boolean(),
  missing: z.array(issue),
});
