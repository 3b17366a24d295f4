import { z } from "zod";
import { rubricSchema } from "./recognition";

/**
 * 委托第三方评估机构 (Art. 16.3, 22): a round whose `evaluator` is "third-party" is entrusted by the officer to one
 * evaluator organization (an account with the approved `evaluator` role). The evaluator reads the round's reports
 * under evaluation, scores each on the round's rubric with an opinion, and submits; a submitted score is the
 * report's score for grading, as an expert panel's mean is for an "experts" round.
 */

/** An account the officer may entrust: approved `evaluator` role, not disabled. */
export const evaluatorOption = z.object({ accountId: z.string(), displayName: z.string(), username: z.string() });

export const entrustmentSchema = z.object({
  roundId: z.string(),
  evaluatorAccountId: z.string(),
  evaluatorName: z.string(),
  entrustedAt: z.string(),
  entrustedByName: z.string().nullable(),
});

/** GET /api/evaluation-rounds/:id/entrustment — the officer's view (the evaluator sees only its own). */
export const entrustmentView = z.object({
  roundId: z.string(),
  evaluator: z.enum(["experts", "third-party"]),
  entrustment: entrustmentSchema.nullable(),
  /** Officer only: whom the round may be entrusted to (empty for others). */
  evaluators: z.array(evaluatorOption),
  /** "entrust" while the round is third-party, open and not yet graded, and the caller manages evaluations. */
  availableActions: z.array(z.enum(["entrust"])),
});
export type EntrustmentView = z.infer<typeof entrustmentView>;

/** PUT /api/evaluation-rounds/:id/entrustment — entrusting again replaces the evaluator while no score is submitted. */
export const entrustInput = z.strictObject({ evaluatorAccountId: z.string().min(1).max(64) });

export const evaluatorScoreState = z.enum(["not-started", "draft", "submitted"]);

/** One line of GET /api/evaluator/tasks: a report of an entrusted round, for the evaluator. */
export const evaluatorTaskSummary = z.object({
  reportId: z.string(),
  roundId: z.string(),
  year: z.number().int(),
  baseName: z.string(),
  unitName: z.string(),
  reportState: z.string(),
  scoreState: evaluatorScoreState,
  total: z.number().nullable(),
});
export const evaluatorTaskList = z.object({ items: z.array(evaluatorTaskSummary) });
/** `pending`: only the reports still to score (no submitted score, round not yet graded). */
export const evaluatorTaskQuery = z.object({ pending: z.enum(["true", "false"]).optional() });
export type EvaluatorTaskQuery = z.infer<typeof evaluatorTaskQuery>;

/** GET /api/evaluator/tasks/:reportId — the rubric, the scores so far and what the caller may do. */
export const evaluatorTaskView = evaluatorTaskSummary.extend({
  rubric: rubricSchema,
  /** Leaf indicator id → points, within each leaf's range. */
  scores: z.record(z.string(), z.number()),
  opinion: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  /** "record-onsite-check": the evaluator may record an on-site check (实地核查) of the report's base (Art. 22). */
  availableActions: z.array(z.enum(["save", "submit", "record-onsite-check"])),
});
export type EvaluatorTaskView = z.infer<typeof evaluatorTaskView>;

/** PUT /api/evaluator/tasks/:reportId — save a draft (partial scores allowed). */
export const evaluatorScoreInput = z.strictObject({
  scores: z.record(z.string().max(64), z.number().min(0).max(1_000)),
  opinion: z.string().trim().max(5_000).default(""),
  version: z.number().int(),
});

/** POST /api/evaluator/tasks/:reportId/submit — every leaf scored and an opinion written, else 422 naming each. */
export const evaluatorSubmitInput = z.strictObject({ version: z.number().int() });
