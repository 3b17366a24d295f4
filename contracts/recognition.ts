import { z } from "zod";
import type { Rubric, RubricIndicator } from "../policy/grading/rubric";
import { type FormalReviewRecord, formalReviewItems } from "../policy/lifecycles/application.decide";
import { applicationEvents, applicationStates } from "../policy/lifecycles/application.transitions";
import { baseTypeCodes } from "../policy/reference/base-types";
import type { InterpretationSettings } from "../policy/settings";
import { bilingual } from "./bilingual";
import { isoDate, paged, pageQuery, recordAbilities } from "./common";
import { applicationSortKeys, prefectureFilter, searchText, sortQuery } from "./lists";

/** Recognition (Art. 14; SPEC §5.1): calls, applications, their files, transitions, ranking and formal review. */

/** Upload slots of an application; `*-docx` take Word files, `*-pdf` stamped colour scans (SPEC §5.1 step 2). */
export const managementSystemSlots = [
  "system-ipOwnership",
  "system-benefitSharing",
  "system-crossBorderData",
  "system-humanGeneticResources",
  "system-ethics",
  "system-disputeHandling",
  "system-securityRisk",
] as const;
export const fileSlots = [
  "application-form-docx",
  "application-form-pdf",
  "work-plan-docx",
  "work-plan-pdf",
  ...managementSystemSlots,
  "agreement",
  "support",
] as const;
export type FileSlot = (typeof fileSlots)[number];

export const callMaterial = z.object({
  slot: z.enum(fileSlots),
  labelZh: z.string(),
  labelEn: z.string(),
  required: z.boolean(),
});
export type CallMaterial = z.infer<typeof callMaterial>;

/** Recursive, so named: the OpenAPI document refers to it as a component (server/openapi/components.ts). */
const rubricIndicator: z.ZodType<RubricIndicator> = z
  .object({
    id: z.string().min(1),
    labelZh: z.string().min(1),
    labelEn: z.string().optional(),
    weight: z.number().min(0).max(1),
    min: z.number(),
    max: z.number(),
    article: z.string().optional(),
    children: z.array(z.lazy(() => rubricIndicator)).optional(),
  })
  .meta({ id: "RubricIndicator" });
/** policy/grading/rubric.ts `Rubric`: what a call and a review round store (calls.rubric, review_rounds.rubric). */
export const rubricSchema = z.object({
  id: z.string().min(1),
  year: z.number().int().optional(),
  titleZh: z.string().min(1),
  indicators: z.array(rubricIndicator).min(1),
}) satisfies z.ZodType<Rubric>;

/** Every named setting of policy/settings.ts (docs/interpretations.md), typed as policy declares it. */
export const interpretationSettingsSchema = z.object({
  lookBackMode: z.enum(["rolling", "calendar-years"]),
  lookBackYears: z.number(),
  eventsPerYearMode: z.enum(["each-of-last-complete-years", "each-rolling-year"]),
  eventsPerYearMinimum: z.number(),
  partnerMinimum: z.number(),
  partnersMustSpanCountries: z.boolean(),
  agreementMustHaveStarted: z.boolean(),
  offshoreExemption: z.enum(["applicant-offshore-in-new-country", "both-offshore-in-different-countries"]),
  keyBaseIsOffshore: z.boolean(),
  usccChecksumMismatchVerdict: z.enum(["soft", "fail"]),
  internationalOrganizationRule: z.enum(["when-any-partner-is-an-organization", "when-all-partners-are-organizations"]),
  partnersObjectionVerdict: z.enum(["soft", "fail"]),
  banYears: z.number(),
  banBarsDirector: z.boolean(),
  changeReportMonths: z.number(),
  rectificationMonths: z.number(),
  measuresValidityYears: z.number(),
  excellentShare: z.number(),
  excellentMinimumScore: z.number(),
  unqualifiedBelow: z.number(),
  excellentAtLeastOneSlot: z.boolean(),
  publicNoticeWorkingDays: z.number(),
  publicNoticeStartDayCounts: z.boolean(),
  rdFiscalYears: z.number(),
}) satisfies z.ZodType<InterpretationSettings>;

/** A call's own settings (calls.settings): interpretation settings it overrides, its 文号 prefix. */
export const callSettings = z.object({
  interpretation: interpretationSettingsSchema.partial().optional(),
  documentNumberPrefix: z.string().optional(),
});
export type CallSettings = z.infer<typeof callSettings>;

export const callInput = z.object({
  year: z.number().int().min(2025).max(2100),
  kind: z.enum(["annual", "targeted"]),
  titleZh: z.string().trim().min(4, bilingual("请填写通知标题", "Enter the call's title")).max(200),
  titleEn: z.string().trim().max(300).default(""),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  /** Reference date of every look-back (SPEC §7): the call's deadline, China time. */
  deadline: isoDate,
  focusFields: z.array(z.string().trim().min(1)).max(50).default([]),
  rubric: rubricSchema,
  materials: z.array(callMaterial).optional(),
  quotas: z.record(z.string(), z.number().int().min(0)).default({}),
  defaultQuota: z.number().int().min(1).nullable().default(null),
  invitedUnitIds: z.array(z.string()).default([]),
});
export const callUpdate = callInput.partial().extend({ version: z.number().int() });

export const callSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  kind: z.enum(["annual", "targeted"]),
  titleZh: z.string(),
  titleEn: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  deadline: z.string(),
  focusFields: z.array(z.string()),
  rubric: rubricSchema,
  materials: z.array(callMaterial),
  quotas: z.record(z.string(), z.number()),
  defaultQuota: z.number().nullable(),
  invitedUnitIds: z.array(z.string()),
  status: z.enum(["draft", "open", "closed"]),
  /** Open now and within its dates: applicants may create and submit. */
  accepting: z.boolean(),
  edition: z.string(),
  version: z.number().int(),
  abilities: recordAbilities,
});
export const callList = z.object({ items: z.array(callSchema) });
export type Call = z.infer<typeof callSchema>;

/**
 * The editor's form (applications.form): the eligibility input's `application` and `director` sections plus the
 * unit's own facts. A draft may be partial or wrong in any part, so the sections stay open records here; the
 * eligibility check reads them through policy's schema and names what it cannot read.
 */
const applicationFormFields = z.object({
  unitFacts: z
    .object({
      isIndependentLegalPerson: z.boolean().optional(),
      inExistence: z.boolean().optional(),
      foundedOn: z.string().optional(),
      college: z.string().optional(),
    })
    .partial()
    .optional(),
  application: z.record(z.string(), z.unknown()).optional(),
  director: z.record(z.string(), z.unknown()).optional(),
});
/** The form as the editor sends it: its size is checked once, when it is saved. */
export const applicationForm = applicationFormFields.refine((form) => JSON.stringify(form).length <= 1_000_000, {
  message: bilingual("申报内容过大", "The form is too large"),
});
/** The form as read back from applications.form: the same shape, without re-measuring its size on every read. */
export const storedApplicationForm = applicationFormFields;
export type ApplicationForm = z.infer<typeof applicationForm>;

/**
 * The cooperation countries (Art. 13) as a draft form holds them in `application.countries`: a list not yet
 * written as codes reads as empty, so presenting a draft never fails on it.
 */
export const formCountries = z
  .object({
    key: z.array(z.string()).catch([]),
    main: z.array(z.string()).catch([]),
    radiating: z.array(z.string()).catch([]),
  })
  .catch({ key: [], main: [], radiating: [] });

export const applicationCreate = z.object({
  callId: z.string().min(1),
  form: applicationForm.optional(),
});
export const applicationUpdate = z.object({ form: applicationForm, version: z.number().int() });

const findingSchema = z.object({
  ruleId: z.string(),
  article: z.string(),
  verdict: z.enum(["pass", "fail", "soft", "judgement", "attested", "missing"]),
  evidence: z.array(z.string()),
  messageZh: z.string(),
  messageEn: z.string(),
});
const problemSchema = z.object({ path: z.string(), messageZh: z.string(), messageEn: z.string() });

/** An eligibility run as applications.eligibility stores it: the engine's result plus what it could not read yet. */
export const eligibilitySchema = z.object({
  edition: z.string(),
  referenceDate: z.string(),
  findings: z.array(findingSchema),
  summary: z
    .object({
      counts: z.record(z.string(), z.number()),
      blocking: z.boolean(),
      incomplete: z.boolean(),
      needsJustification: z.boolean(),
    })
    .nullable(),
  /** Parts of the form the rules could not read yet (e.g. no type chosen): they block submission too. */
  inputErrors: z.array(problemSchema),
});
export type StoredEligibility = z.infer<typeof eligibilitySchema>;

export const materialStatus = callMaterial.extend({ present: z.boolean() });

export const applicationFileSchema = z.object({
  id: z.string(),
  fileId: z.string(),
  slot: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});

/**
 * What an application event stores with its row (application_events.data), one shape per command that records
 * something: the formal-review checklist, the on-site visit, the evaluation, the review hand-off, the meeting, the
 * 公示 and the recognition document. Exact shapes, so one is never read as another.
 */
export const applicationEventData = z.union([
  z.strictObject({ checklist: z.partialRecord(z.string(), z.boolean()) }) satisfies z.ZodType<FormalReviewRecord>,
  z.strictObject({ verificationId: z.string(), visitedOn: z.string(), conclusion: z.enum(["confirmed", "issues"]) }),
  z.strictObject({ opinion: z.string(), mean: z.number().nullable(), roundId: z.string().nullable() }),
  z.strictObject({ roundId: z.string().nullable(), mean: z.number().nullable(), submitted: z.number() }),
  z.strictObject({ approvalId: z.string(), date: z.string(), minuteRef: z.string() }),
  z.strictObject({ noticeId: z.string(), startOn: z.string(), endOn: z.string() }),
  z.strictObject({ documentId: z.string(), documentNumber: z.string(), issuedOn: z.string() }),
]);
export type ApplicationEventData = z.infer<typeof applicationEventData>;

export const applicationEventSchema = z.object({
  event: z.string(),
  fromState: z.string(),
  toState: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.unknown(),
  at: z.string(),
});

export const applicationSchema = z.object({
  id: z.string(),
  callId: z.string(),
  callTitleZh: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  recommenderId: z.string(),
  recommenderName: z.string(),
  state: z.enum(applicationStates),
  stateLabelZh: z.string(),
  stateLabelEn: z.string(),
  type: z.string().nullable(),
  field: z.string().nullable(),
  isKey: z.boolean(),
  isOffshore: z.boolean(),
  region: z.string().nullable(),
  /** Art. 29–30, rendered by policy/names.ts on every save; null with `standardNameProblem` while it cannot be. */
  standardName: z.string().nullable(),
  standardNameProblem: problemSchema.nullable(),
  directorName: z.string().nullable(),
  priority: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  lastReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: recordAbilities,
  availableEvents: z.array(z.enum(applicationEvents)),
});
export type ApplicationSummary = z.infer<typeof applicationSchema>;

export const applicationDetail = applicationSchema.extend({
  form: applicationForm,
  eligibility: eligibilitySchema.nullable(),
  materials: z.array(materialStatus),
  /** Everything that stops a submission now, each named (fail and missing findings, input errors, materials). */
  submitBlockers: z.array(problemSchema.extend({ article: z.string().optional() })),
  files: z.array(applicationFileSchema),
  events: z.array(applicationEventSchema),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const applicationListQuery = z.object({
  callId: z.string().max(64).optional(),
  state: z.enum(applicationStates).optional(),
  q: searchText,
  /** The host unit's 市州 (GB/T 2260 prefecture). */
  division: prefectureFilter.optional(),
  /** The base type applied for (Art. 6). */
  type: z.enum(baseTypeCodes).optional(),
  field: z.string().trim().max(50).optional(),
  ...sortQuery(applicationSortKeys),
  /** Only those the caller's recommender holds now (the recommender's queue). */
  held: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  /**
   * missing: recommended and awaiting the department's formal review, but not listed in the latest stamped
   * recommendation letter its recommender uploaded for the call (SPEC §5.1 step 3; Art. 14.2 checks the letter).
   */
  letter: z.enum(["missing"]).optional(),
  ...pageQuery,
});
export const applicationPage = paged(applicationSchema);

/** The formal-review checklist of Art. 14.2 (completeness). */
export { formalReviewItems };
export const formalReviewKeys = formalReviewItems.map((item) => item.key) as [string, ...string[]];

export const eventRequest = z.object({
  event: z.enum([
    "submit",
    "pass-up",
    "return",
    "decline",
    "recommend",
    "pass-formal-review",
    "request-correction",
    "resubmit-correction",
    "reject",
    "send-to-review",
    "withdraw",
  ]),
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int().optional(),
  /** Formal review only: each checklist item checked (true) or found wanting (false). */
  checklist: z.partialRecord(z.enum(formalReviewKeys), z.boolean()).optional(),
});

export const rankingRequest = z.object({
  recommenderId: z.string().min(1),
  callId: z.string().min(1),
  order: z.array(z.string().min(1)).max(500),
});

export const recommendationSchema = z.object({
  callId: z.string(),
  recommenderId: z.string(),
  recommenderName: z.string(),
  quota: z.number().int().nullable(),
  items: z.array(applicationSchema),
  stampedCopy: z.object({ fileId: z.string(), name: z.string(), sha256: z.string(), createdAt: z.string() }).nullable(),
  abilities: recordAbilities,
});

export const recommendationParams = z.object({ id: z.string().min(1), recommenderId: z.string().min(1) });
export const fileParams = z.object({ id: z.string().min(1), fileId: z.string().min(1) });
export const documentFormat = z.object({ format: z.enum(["docx", "pdf"]) });
export const tableFormat = z.object({ format: z.enum(["xlsx", "pdf"]) });
