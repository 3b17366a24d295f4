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
