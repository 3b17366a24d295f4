import { z } from "zod";
import { grades } from "../policy/grading/grade";
import { isoDate } from "./common";

/**
 * A year's grading (Art. 22–25): cut-offs, the cohort's proposed grades with ties for the officer, the confirmed
 * grades, funding by grade (Art. 23) and on-site checks (实地核查).
 */
const gradeCodes = grades.map((grade) => grade.code) as [
  (typeof grades)[number]["code"],
  ...(typeof grades)[number]["code"][],
];
export const gradeCode = z.enum(gradeCodes);

/** policy/grading/grade.ts `GradeCutoffs`, as stored with the round and with every grade. */
export const gradeCutoffs = z.strictObject({
  excellentShare: z.number().min(0).max(1),
  excellentMinimumScore: z.number().min(0).max(100),
  unqualifiedBelow: z.number().min(0).max(100),
  excellentAtLeastOneSlot: z.boolean(),
});

/** Funding per grade in yuan (Art. 23). */
export const fundingByGrade = z.strictObject({
  excellent: z.number().int().min(0).max(100_000_000),
  qualified: z.number().int().min(0).max(100_000_000),
  unqualified: z.number().int().min(0).max(100_000_000),
});

export const onsiteCheckInput = z.strictObject({
  checkedOn: isoDate,
  findings: z.string().trim().min(1).max(5_000),
  fraudFound: z.boolean(),
});

export const onsiteCheckSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  checkedOn: z.string(),
  findings: z.string(),
  fraudFound: z.boolean(),
  recordedByName: z.string().nullable(),
  at: z.string(),
});

const issue = z.object({
  path: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
  article: z.string().optional(),
});

/** One base's line in the year's grading: proposed by policy/grading until confirmed, then the confirmed grade. */
export const gradingLine = z.object({
  reportId: z.string(),
  baseId: z.string(),
  baseName: z.string(),
  unitName: z.string(),
  reportState: z.string(),
  baseState: z.string(),
  score: z.number().nullable(),
  fraudFound: z.boolean(),
  /** null: tied at the 优秀 cut, for the officer to decide. */
  grade: gradeCode.nullable(),
  article: z.string(),
  reasonZh: z.string(),
  reasonEn: z.string(),
  tiedAtCut: z.boolean(),
  /** What confirming does to the base (Art. 20, 24), in words. */
  consequenceZh: z.string().nullable(),
  consequenceEn: z.string().nullable(),
  fundingYuan: z.number().int().nullable(),
});

export const gradingView = z.object({
  roundId: z.string(),
  year: z.number().int(),
  title: z.string(),
  version: z.number().int(),
  cutoffs: gradeCutoffs,
  edition: z.string(),
  excellentSlots: z.number().int(),
  tie: z.object({ score: z.number(), baseIds: z.array(z.string()), slotsLeft: z.number().int() }).nullable(),
  /** What keeps the cohort from being confirmed (empty: ready). */
  blockers: z.array(issue),
  confirmed: z.boolean(),
  gradedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  funding: fundingByGrade.nullable(),
  lines: z.array(gradingLine),
  onsiteChecks: z.array(onsiteCheckSchema),
  /** What the caller may do now: confirm, publish, set-funding, record-onsite-check. */
  availableActions: z.array(z.enum(["confirm", "publish", "set-funding", "record-onsite-check"])),
});
export type GradingView = z.infer<typeof gradingView>;

export const confirmGradesInput = z.strictObject({
  /** Bases the officer makes 优秀 among those tied at the cut (at most the slots left). */
  excellentAtTie: z.array(z.string().max(64)).max(1_000).default([]),
  version: z.number().int(),
});

export const fundingInput = z.strictObject({ funding: fundingByGrade, version: z.number().int() });

export const onsiteCheckRequest = onsiteCheckInput.extend({ reportId: z.string().min(1).max(64) });
