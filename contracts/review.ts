import { z } from "zod";
import { verdicts } from "../policy/eligibility/findings";
import { titleCodes } from "../policy/reference/titles";
import { assignmentStates } from "../policy/review/assignment.transitions";
import {
  type DrawCandidate,
  type DrawCounts,
  type DrawRules,
  type DrawTargetFacts,
  drawRecordFormat,
} from "../policy/review/draw";
import type { DrawRecord } from "../policy/review/draw-record";
import { exclusionRules, filterRules } from "../policy/review/exclusion-reasons";
import { bilingual } from "./bilingual";
import { paged, pageQuery, recordAbilities } from "./common";
import { refusalSchema } from "./errors";
import { expertSortKeys, searchText, sortQuery } from "./lists";
import { rubricSchema } from "./recognition";

/** Expert pool, draws, reviews (issue 5). Responses never tell applicants or recommenders who reviewed them. */

export const expertStatus = z.enum(["active", "suspended", "retired"]);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{7,20}$/, bilingual("电话号码格式不正确", "Not a phone number"));
const personName = z.string().trim().min(2, bilingual("请填写姓名", "Enter the name")).max(50);
const unitName = z.string().trim().min(2, bilingual("请填写工作单位", "Enter the unit")).max(100);
const divisionCode = z
  .string()
  .regex(/^\d{6}$/, bilingual("行政区划代码应为 6 位数字", "A division code has 6 digits"));
const email = z.email(bilingual("邮箱格式不正确", "Not an e-mail address"));
const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, bilingual("证件号码应为 18 位身份证号", "An ID number has 18 characters"));
const note = z.string().trim().max(500);

export const expertSchema = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  title: z.string(),
  fields: z.array(z.string()),
  /** A registered host unit (the same-unit rule compares by id), or null when only the name is known. */
  unitId: z.string().nullable(),
  unitName: z.string(),
  divisionCode: z.string().nullable(),
  status: expertStatus,
  /** Masked: 139****0001. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Masked: 420106********1234. Stored encrypted; never sent in full. */
  idNumber: z.string().nullable(),
  hasAccount: z.boolean(),
  /** The username of the linked account (set by the system administrator), or null when none is open. */
  accountUsername: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  abilities: recordAbilities,
});
export type Expert = z.infer<typeof expertSchema>;

export const expertPage = paged(expertSchema);

export const expertListQuery = z.object({
  q: searchText,
  field: z.string().trim().max(50).optional(),
  title: z.enum(titleCodes).optional(),
  status: expertStatus.optional(),
  ...sortQuery(expertSortKeys),
  ...pageQuery,
});

const fieldList = z
  .array(z.string().trim().min(1).max(50))
  .min(1, bilingual("请至少选择一个领域", "Choose at least one field"))
  .max(9, bilingual("最多选择 9 个领域", "At most 9 fields"));

export const expertInput = z.object({
  name: personName,
  title: z.enum(titleCodes),
  fields: fieldList,
  unitId: z.string().min(1).max(64).nullable().default(null),
  unitName,
  divisionCode: divisionCode.nullable().default(null),
  phone: phone.nullable().default(null),
  email: email.nullable().default(null),
  idNumber: idNumber.nullable().default(null),
  status: expertStatus.default("active"),
  note: note.nullable().default(null),
});

/**
 * Edit an expert: an absent key is left unchanged. The phone and ID number are shown masked, so the form sends
 * them only when retyped; `phone`, `email` and `note` may be cleared with null, the ID number only replaced.
 * `version` is the one read (optimistic locking: a stale one is 409 stale-version).
 */
export const expertUpdate = z.object({
  name: personName.optional(),
  title: z.enum(titleCodes).optional(),
  fields: fieldList.optional(),
  unitId: z.string().min(1).max(64).nullable().optional(),
  unitName: unitName.optional(),
  divisionCode: divisionCode.nullable().optional(),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
  idNumber: idNumber.optional(),
  status: expertStatus.optional(),
  note: note.nullable().optional(),
  version: z.number().int(),
});

export const importRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
});
export const importReport = z.object({
  imported: z.number().int(),
  rows: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportReport = z.infer<typeof importReport>;

/** An expert's draws (where they were placed, excluded or replaced) and panels (status, total), newest first. */
export const expertHistory = z.object({
  draws: z.array(
    z.object({
      drawId: z.string(),
      roundId: z.string(),
      attempt: z.number().int(),
      /** current | superseded | failed (a refused attempt is kept too). */
      drawStatus: z.enum(["current", "superseded", "failed"]),
      targetTitle: z.string(),
      drawnAt: z.string(),
      placement: z.enum(["panel", "backup", "excluded", "not-selected"]),
      exclusions: z.array(z.object({ rule: z.string(), reasonZh: z.string(), reasonEn: z.string() })),
      /** 补抽: "out" when this expert declined or recused and a backup took the seat, "in" when they took one. */
      replacements: z.array(
        z.object({
          direction: z.enum(["out", "in"]),
          reason: z.enum(["declined", "recused"]),
          at: z.string(),
        }),
      ),
    }),
  ),
  reviews: z.array(
    z.object({
      assignmentId: z.string(),
      roundId: z.string(),
      targetTitle: z.string(),
      role: z.enum(["member", "leader"]),
      status: z.enum(assignmentStates),
      invitedAt: z.string(),
      total: z.number().nullable(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export type ExpertHistory = z.infer<typeof expertHistory>;

// Review rounds and draws

export const targetKind = z.enum(["application", "annual-report"]);

export const drawRulesInput = z.object({
  fields: z.array(z.string().trim().min(1)).min(1).optional(),
  allowedTitles: z.array(z.enum(titleCodes)).optional(),
  statuses: z.array(expertStatus).min(1).optional(),
  panelSize: z
    .number()
    .int()
    .min(3)
    .max(15)
    .refine((n) => n % 2 === 1, bilingual("专家组人数应为奇数", "The panel size must be odd"))
    .optional(),
  backups: z.number().int().min(0).max(10).optional(),
  collaborationYears: z.number().int().min(0).max(10).optional(),
  maxDrawsPerYear: z.number().int().min(1).max(50).optional(),
  pinnedExclusions: z
    .array(z.object({ expertId: z.string().min(1), reason: z.string().trim().min(1).max(200) }))
    .optional(),
});

export const aggregationInput = z.object({
  method: z.enum(["auto", "mean", "trimmed-mean"]).optional(),
  deviationThreshold: z.number().min(0).max(100).optional(),
});

export const reviewSettings = z.object({
  draw: drawRulesInput.default({}),
  aggregation: aggregationInput.default({}),
});
export type ReviewSettingsInput = z.infer<typeof reviewSettings>;

/** Defaults a round's settings fall back to (policy/review), so the officer's form starts from what the draw uses. */
export const reviewSettingsDefaults = z.object({
  draw: z.object({
    allowedTitles: z.array(z.enum(titleCodes)),
    statuses: z.array(expertStatus),
    panelSize: z.number().int(),
    backups: z.number().int(),
    collaborationYears: z.number().int(),
    maxDrawsPerYear: z.number().int(),
  }),
  aggregation: z.object({
    method: z.enum(["auto", "mean", "trimmed-mean"]),
    deviationThreshold: z.number(),
    /** "auto" drops the highest and lowest totals from this many submitted reviews on. */
    trimFrom: z.number().int(),
  }),
});

export const reviewTargetsQuery = z.object({
  kind: targetKind.default("application"),
  /** Also list targets whose review is already open (flagged `hasOpenRound`), so the picker can say why. */
  includeOpen: z.stringbool().default(false),
});

export const reviewTargetSchema = z.object({
  kind: targetKind,
  id: z.string(),
  /** The standard name (application) or the report's title. */
  title: z.string(),
  unitName: z.string(),
  field: z.string(),
  /** The batch it is ranked within: the call for an application. */
  groupId: z.string().nullable(),
  groupTitle: z.string().nullable(),
  /** A round in drawing or in review exists: opening another one is refused (409). */
  hasOpenRound: z.boolean(),
  /** The fields the draw uses when the round names none: the target's own field. */
  defaultFields: z.array(z.string()),
});
export type ReviewTarget = z.infer<typeof reviewTargetSchema>;

export const reviewTargetList = z.object({
  items: z.array(reviewTargetSchema),
  defaults: reviewSettingsDefaults,
});

export const createReviewRequest = z.object({
  targetKind,
  targetId: z.string().min(1).max(64),
  settings: reviewSettings.optional(),
});

export const drawRequest = z.object({
  rules: drawRulesInput.optional(),
  reason: z.string().trim().max(500).optional(),
});

export const reasonRequest = z.object({
  reason: z.string().trim().min(1, bilingual("请填写理由", "A reason is required")).max(500),
});

export const optionalReasonRequest = z.object({ reason: z.string().trim().max(500).optional() });

/** An expert's conflict-of-interest declaration as review_assignments.declaration stores it. */
export const assignmentDeclaration = z.object({ conflict: z.boolean(), statement: z.string(), at: z.string() });
export type AssignmentDeclaration = z.infer<typeof assignmentDeclaration>;

export const declarationRequest = z.object({
  conflict: z.boolean(),
  statement: z.string().trim().max(1000).default(""),
});

export const recommendation = z.enum(["recommend", "conditional", "not-recommend"]);

export const scoresRequest = z.object({
  scores: z.record(z.string(), z.number().finite()),
  comments: z.record(z.string(), z.string().max(2000)).default({}),
  opinion: z.string().trim().max(5000).default(""),
  recommendation: recommendation.nullable().default(null),
});

export const panelOpinionRequest = z.object({
  opinion: z.string().trim().min(10, bilingual("专家组意见至少 10 个字", "At least 10 characters")).max(5000),
});

export const leaderRequest = z.object({ assignmentId: z.string().min(1) });

export const assignmentSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  drawId: z.string(),
  /** Present for officers only; an expert sees their own assignment, never the other members. */
  expertId: z.string(),
  expertName: z.string(),
  role: z.enum(["member", "leader"]),
  status: z.string(),
  statusLabelZh: z.string(),
  declaredAt: z.string().nullable(),
  scores: z.record(z.string(), z.number()).nullable(),
  comments: z.record(z.string(), z.string()).nullable(),
  opinion: z.string().nullable(),
  recommendation: recommendation.nullable(),
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  replacesId: z.string().nullable(),
  /** Events the caller may fire now (accept, decline, declare, recuse, submit, reopen). */
  events: z.array(z.string()),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** A round's settings with every default filled in, excluded experts named (review-settings.ts applies the same). */
export const effectiveSettingsSchema = z.object({
  draw: reviewSettingsDefaults.shape.draw.extend({
    fields: z.array(z.string()),
    pinnedExclusions: z.array(z.object({ expertId: z.string(), name: z.string(), reason: z.string() })),
  }),
  aggregation: reviewSettingsDefaults.shape.aggregation,
});

export const roundSchema = z.object({
  id: z.string(),
  targetKind,
  targetId: z.string(),
  targetTitle: z.string(),
  unitName: z.string(),
  groupId: z.string().nullable(),
  groupTitle: z.string().nullable(),
  status: z.enum(["drawing", "in-review", "completed", "cancelled"]),
  rubric: rubricSchema,
  settings: reviewSettings,
  /** The settings as the draws and the aggregation apply them, defaults filled in; officers only (else null). */
  effectiveSettings: effectiveSettingsSchema.nullable(),
  panelOpinion: z.string().nullable(),
  panelOpinionAt: z.string().nullable(),
  createdAt: z.string(),
  /** The caller's own assignment (experts), or every assignment (officers). */
  assignments: z.array(assignmentSchema),
  abilities: recordAbilities,
});
export type Round = z.infer<typeof roundSchema>;
export const roundPage = paged(roundSchema.omit({ rubric: true, assignments: true, effectiveSettings: true }));
/** GET /api/reviews/assignments: the caller's assignments, by state; `open` keeps those of rounds still in review. */
export const assignmentListQuery = z.object({
  status: z.enum(assignmentStates).optional(),
  open: z.enum(["true", "false"]).optional(),
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuery>;

export const roundListQuery = z.object({
  status: z.enum(["drawing", "in-review", "completed", "cancelled"]).optional(),
  groupId: z.string().optional(),
  ...pageQuery,
});

const filterRule = z.enum(filterRules);
const exclusionRule = z.enum(exclusionRules);

/** A draw's counts: the pool, those filtered and excluded by each rule, the eligible and the seats to fill. */
const drawCountsSchema = z.object({
  pool: z.number(),
  filtered: z.record(filterRule, z.number()),
  excluded: z.record(exclusionRule, z.number()),
  eligible: z.number(),
  needed: z.number(),
}) satisfies z.ZodType<DrawCounts>;

export const drawSummary = z.object({
  id: z.string(),
  roundId: z.string(),
  attempt: z.number().int(),
  status: z.enum(["current", "superseded", "failed"]),
  seed: z.number().int(),
  panel: z.array(z.object({ expertId: z.string(), name: z.string() })),
  backups: z.array(z.object({ expertId: z.string(), name: z.string() })),
  replacements: z.array(
    z.object({ outExpertId: z.string(), inExpertId: z.string(), reason: z.string(), at: z.string() }),
  ),
  exclusions: z.array(
    z.object({ expertId: z.string(), name: z.string(), rule: z.string(), reasonZh: z.string(), reasonEn: z.string() }),
  ),
  counts: drawCountsSchema,
  refusal: z.object({ code: z.string(), messageZh: z.string(), messageEn: z.string() }).nullable(),
  createdAt: z.string(),
});
export const drawList = z.object({ items: z.array(drawSummary) });

// The draw record (draws.record): policy/review/draw-record.ts `DrawRecord`, everything a re-run needs.

const drawRulesSchema = z.object({
  fields: z.array(z.string()),
  allowedTitles: z.array(z.string()),
  statuses: z.array(z.string()),
  mode: z.enum(["panel", "top-up"]).optional(),
  panelSize: z.number(),
  backups: z.number(),
  collaborationYears: z.number(),
  maxDrawsPerYear: z.number(),
  referenceYear: z.number(),
  pinnedExclusions: z.array(z.object({ expertId: z.string(), reason: z.string() })),
}) satisfies z.ZodType<DrawRules>;

/** An avoidance the applicant declared (回避): an expert, a person or a whole unit, with its reason. */
export const declaredAvoidance = z.object({
  expertId: z.string().optional(),
  personId: z.string().optional(),
  unitName: z.string().optional(),
  reason: z.string(),
});
/** A collaboration the applicant declared with a person, with its year (the "within N years" rule). */
export const declaredCollaboration = z.object({ personId: z.string(), year: z.number(), note: z.string().optional() });

const drawTargetFactsSchema = z.object({
  kind: targetKind,
  id: z.string(),
  title: z.string(),
  field: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  directorPersonId: z.string().nullable(),
  directorUnitId: z.string().nullable(),
  declaredAvoidances: z.array(declaredAvoidance),
  declaredCollaborations: z.array(declaredCollaboration),
}) satisfies z.ZodType<DrawTargetFacts>;

const drawCandidateSchema = z.object({
  expertId: z.string(),
  personId: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  fields: z.array(z.string()),
  title: z.string(),
  status: z.string(),
  drawsThisYear: z.number(),
}) satisfies z.ZodType<DrawCandidate>;

export const drawRecordSchema = z.object({
  format: z.literal(drawRecordFormat),
  algorithm: z.string(),
  drawId: z.string(),
  roundId: z.string(),
  attempt: z.number().int(),
  drawnAt: z.string(),
  drawnBy: z.string().nullable(),
  seed: z.number(),
  rules: drawRulesSchema,
  target: drawTargetFactsSchema,
  candidates: z.array(drawCandidateSchema),
  candidatesDigest: z.string(),
  outcome: z.object({
    status: z.enum(["drawn", "refused"]),
    panel: z.array(z.string()),
    backups: z.array(z.string()),
    refusal: refusalSchema.nullable(),
    eligible: z.array(z.string()),
    filtered: z.record(filterRule, z.array(z.string())),
    exclusions: z.array(
      z.object({
        expertId: z.string(),
        rule: exclusionRule,
        reasonZh: z.string(),
        reasonEn: z.string(),
        facts: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      }),
    ),
    counts: drawCountsSchema,
  }),
  replacements: z.array(
    z.object({
      outExpertId: z.string(),
      inExpertId: z.string(),
      reason: z.enum(["declined", "recused"]),
      at: z.string(),
      byName: z.string().nullable(),
      note: z.string().optional(),
    }),
  ),
}) satisfies z.ZodType<DrawRecord>;

/**
 * What an expert reads after declaring no conflict (ADR 0003): labelled sections of the form, the uploaded files
 * (each opened through /api/reviews/assignments/:id/files/:fileId, audited) and the eligibility findings.
 */
export const materialsSchema = z.object({
  title: z.string(),
  sections: z.array(
    z.object({
      headingZh: z.string(),
      headingEn: z.string(),
      /** `value` in Chinese; `valueEn` where the value is a labelled code (type, title, countries). */
      items: z.array(
        z.object({ labelZh: z.string(), labelEn: z.string(), value: z.string(), valueEn: z.string().optional() }),
      ),
    }),
  ),
  files: z.array(
    z.object({
      fileId: z.string(),
      slot: z.string(),
      /** The slot as the call names it (申报书（签字盖章PDF）); absent when the target kind has no slot labels. */
      labelZh: z.string().optional(),
      labelEn: z.string().optional(),
      name: z.string(),
      mediaType: z.string(),
      size: z.number(),
    }),
  ),
  findings: z.array(
    z.object({
      ruleId: z.string(),
      article: z.string(),
      verdict: z.enum(verdicts),
      evidence: z.array(z.string()),
      messageZh: z.string(),
      messageEn: z.string(),
    }),
  ),
});

export const aggregationSchema = z.object({
  roundId: z.string(),
  submitted: z.number().int(),
  panelSize: z.number().int(),
  method: z.enum(["mean", "trimmed-mean"]).nullable(),
  score: z.number().nullable(),
  mean: z.number().nullable(),
  experts: z.array(
    z.object({
      assignmentId: z.string(),
      expertName: z.string(),
      total: z.number(),
      deviation: z.number().nullable(),
      flagged: z.boolean(),
      dropped: z.boolean(),
      recommendation: z.string().nullable(),
    }),
  ),
  indicators: z.array(
    z.object({
      id: z.string(),
      labelZh: z.string(),
      mean: z.number(),
      lowest: z.number(),
      highest: z.number(),
      spread: z.number(),
    }),
  ),
  deviationThreshold: z.number(),
});

export const rankingQuery = z.object({ groupId: z.string().min(1) });
export const rankingSchema = z.object({
  groupId: z.string(),
  groupTitle: z.string(),
  rows: z.array(
    z.object({
      rank: z.number().int().nullable(),
      roundId: z.string(),
      targetId: z.string(),
      targetTitle: z.string(),
      unitName: z.string(),
      status: z.string(),
      experts: z.number().int(),
      score: z.number().nullable(),
      method: z.string().nullable(),
      flagged: z.number().int(),
    }),
  ),
});
export type Ranking = z.infer<typeof rankingSchema>;
