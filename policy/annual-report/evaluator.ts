import type { Rubric, RubricIndicator, RubricScores } from "../grading/rubric";
import { scoreRubric, validateRubric } from "../grading/rubric";
import type { EvaluationState } from "../lifecycles/evaluation.transitions";
import type { FieldIssue, Refusal } from "../refusal";

/**
 * 委托第三方评估机构 (Art. 16.3, 22): the department entrusts a "third-party" round to one evaluator organization,
 * which scores each report under evaluation on the round's rubric with an opinion. The rules of who may entrust,
 * save and submit live here; the server loads the facts and writes what these functions allow.
 */
export type EvaluatorRefusalKind = "forbidden" | "not-found" | "conflict" | "rule" | "invalid-input";

export type EvaluatorDecision<T = true> =
  | { ok: true; value: T }
  | { ok: false; kind: EvaluatorRefusalKind; refusal: Refusal };

const refusal = (
  kind: EvaluatorRefusalKind,
  code: string,
  article: string,
  messageZh: string,
  messageEn: string,
  extra: Pick<Refusal, "path" | "errors"> = {},
): { ok: false; kind: EvaluatorRefusalKind; refusal: Refusal } => ({
  ok: false,
  kind,
  refusal: { code, article, messageZh, messageEn, ...extra },
});

/** Report states in which an on-site check (实地核查, Art. 22) is recorded: the report is with the department, not graded. */
export const onsiteCheckStates: ReadonlySet<EvaluationState> = new Set([
  "submitted",
  "under-evaluation",
  "correction-window",
]);

/** What an entrustment rests on: the round, whether any of its scores is submitted, and who asks. */
export interface EntrustmentFacts {
  round: { evaluator: "experts" | "third-party"; open: boolean; graded: boolean };
  /** How many reports of the round the current evaluator has already submitted a score for. */
  submittedScores: number;
  /** The caller manages the year's evaluation (the department). */
  managesEvaluations: boolean;
}

/** The account the officer names: whether it holds an approved evaluator role and is active (null: no account). */
export interface EvaluatorCandidate {
  approvedEvaluator: boolean;
  disabled: boolean;
}

/**
 * May the round be entrusted (again) now (Art. 16.3, 22): a third-party round, open and not graded, by the department;
 * once a score of the round is submitted the evaluator is fixed, so its scores stay one organization's.
 */
export function mayEntrust(facts: EntrustmentFacts): EvaluatorDecision {
  if (!facts.managesEvaluations) {
    return refusal(
      "forbidden",
      "forbidden",
      "16.3",
      "只有省科技厅可以委托第三方评估机构。",
      "Only the department entrusts an evaluator.",
    );
  }
  if (facts.round.evaluator !== "third-party") {
    return refusal(
      "conflict",
      "round-not-third-party",
      "22",
      "该年度考核由专家评审，不委托第三方评估机构。",
      "This round is evaluated by experts, not by a third-party evaluator.",
    );
  }
  if (!facts.round.open || facts.round.graded) {
    return refusal(
      "conflict",
      "round-closed",
      "22",
      "该年度考核已结束或已评定，不能再委托。",
      "The round is closed or graded: it can no longer be entrusted.",
    );
  }
  if (facts.submittedScores > 0) {
    return refusal(
      "conflict",
      "scores-submitted",
      "16.3",
      "评估机构已提交评分，不能更换受托机构。",
      "The evaluator has submitted scores: the round can no longer be entrusted to another.",
    );
  }
  return { ok: true, value: true };
}

/** Entrusting to one account: `mayEntrust`, and the account is an active, approved evaluator. */
export function decideEntrustment(facts: EntrustmentFacts, candidate: EvaluatorCandidate | null): EvaluatorDecision {
  const allowed = mayEntrust(facts);
  if (!allowed.ok) return allowed;
  if (!candidate?.approvedEvaluator || candidate.disabled) {
    const messageZh = "请选择已批准的第三方评估机构账号。";
    const messageEn = "Choose an active account with the approved evaluator role.";
    return refusal("invalid-input", "not-an-evaluator", "16.3", messageZh, messageEn, {
      path: "evaluatorAccountId",
      errors: [{ path: "evaluatorAccountId", article: "16.3", messageZh, messageEn }],
    });
  }
  return { ok: true, value: true };
}

/** What scoring one report rests on. */
export interface EvaluatorScoreFacts {
  /** The caller is the evaluator the report's round is entrusted to. */
  isEntrustedEvaluator: boolean;
  reportState: EvaluationState;
  roundGraded: boolean;
  /** The caller's score of the report is already submitted. */
  submitted: boolean;
  /** The stored score's version (0 when none is stored yet). */
  version: number;
}

/** May the evaluator save or submit its score of the report now (Art. 22): its round, under evaluation, not submitted. */
export function mayScore(facts: EvaluatorScoreFacts, expectedVersion?: number): EvaluatorDecision {
  if (!facts.isEntrustedEvaluator) {
    return refusal(
      "not-found",
      "not-found",
      "22",
      "年度工作报告不存在或您无权查看。",
      "Annual report not found or not visible to you.",
    );
  }
  if (facts.submitted) {
    return refusal(
      "conflict",
      "score-submitted",
      "22",
      "该报告的评分已提交，不能再修改。",
      "The score of this report is submitted and can no longer change.",
    );
  }
  if (facts.reportState !== "under-evaluation" || facts.roundGraded) {
    return refusal(
      "conflict",
      "not-under-evaluation",
      "22",
      "该报告不在考核评审阶段，不能评分。",
      "The report is not under evaluation: it cannot be scored.",
    );
  }
  if (expectedVersion !== undefined && expectedVersion !== facts.version) {
    return refusal(
      "conflict",
      "stale-version",
      "22",
      "评分已被修改，请刷新后再保存。",
      "The score was changed meanwhile; reload it before saving.",
    );
  }
  return { ok: true, value: true };
}

function leaves(indicators: readonly RubricIndicator[]): RubricIndicator[] {
  return indicators.flatMap((indicator) => (indicator.children?.length ? leaves(indicator.children) : [indicator]));
}

const outOfRange = (leaf: RubricIndicator): FieldIssue => ({
  path: `scores.${leaf.id}`,
  article: "22",
  messageZh: `指标“${leaf.labelZh}”的分值应在 ${leaf.min}–${leaf.max} 之间。`,
  messageEn: `Indicator ${leaf.id} must be scored between ${leaf.min} and ${leaf.max}.`,
});

/** Each saved score names a leaf of the round's rubric and lies within its range; a draft may leave leaves out. */
function draftIssues(rubric: Rubric, scores: RubricScores): FieldIssue[] {
  const byId = new Map(leaves(rubric.indicators).map((leaf) => [leaf.id, leaf]));
  const issues: FieldIssue[] = [];
  for (const [id, value] of Object.entries(scores)) {
    const leaf = byId.get(id);
    if (!leaf) {
      issues.push({
        path: `scores.${id}`,
        article: "22",
        messageZh: "该指标不在本年度考核指标中。",
        messageEn: `${id} is not an indicator of the round's rubric.`,
      });
    } else if (!Number.isFinite(value) || value < leaf.min || value > leaf.max) {
      issues.push(outOfRange(leaf));
    }
  }
  return issues;
}

/** Saving a draft (Art. 22): allowed by `mayScore`, every given score a leaf of the rubric within its range. */
export function decideScoreDraft(
  facts: EvaluatorScoreFacts,
  rubric: Rubric,
  input: { scores: RubricScores; expectedVersion: number },
): EvaluatorDecision {
  const allowed = mayScore(facts, input.expectedVersion);
  if (!allowed.ok) return allowed;
  const issues = draftIssues(rubric, input.scores);
  if (issues.length > 0) {
    return refusal(
      "invalid-input",
      "scores-invalid",
      "22",
      "评分有误，请按指标分值范围填写。",
      "Some scores are invalid.",
      {
        errors: issues,
      },
    );
  }
  return { ok: true, value: true };
}

/**
 * Submitting the score (Art. 22): every leaf of the round's rubric scored within its range and an opinion written;
 * the value is the rubric total (0–100) that becomes the report's score for grading.
 */
export function decideScoreSubmit(
  facts: EvaluatorScoreFacts,
  rubric: Rubric,
  stored: { scores: RubricScores; opinion: string; expectedVersion: number },
): EvaluatorDecision<{ total: number }> {
  const allowed = mayScore(facts, stored.expectedVersion);
  if (!allowed.ok) return allowed;
  const valid = validateRubric(rubric);
  if (!valid.ok) return { ok: false, kind: "conflict", refusal: valid.refusal };
  const issues = draftIssues(rubric, stored.scores);
  for (const leaf of leaves(rubric.indicators)) {
    if (stored.scores[leaf.id] === undefined) {
      issues.push({
        path: `scores.${leaf.id}`,
        article: "22",
        messageZh: `指标“${leaf.labelZh}”未评分。`,
        messageEn: `Indicator ${leaf.id} is not scored.`,
      });
    }
  }
  if (stored.opinion.trim() === "") {
    issues.push({
      path: "opinion",
      article: "22",
      messageZh: "请填写评估意见。",
      messageEn: "An evaluation opinion is required.",
    });
  }
  if (issues.length > 0) {
    return refusal(
      "rule",
      "score-incomplete",
      "22",
      "评分尚不完整：每项指标都须在分值范围内评分，并填写评估意见。",
      "The score is incomplete: every indicator must be scored within its range, with an opinion.",
      { errors: issues },
    );
  }
  const scored = scoreRubric(rubric, stored.scores);
  if (!scored.ok) return { ok: false, kind: "rule", refusal: { ...scored.refusal, article: "22" } };
  return { ok: true, value: { total: scored.value.total } };
}

/** What the evaluator may do with a report now, from the same guards. */
export function availableScoreActions(facts: EvaluatorScoreFacts): Array<"save" | "submit"> {
  return mayScore(facts).ok ? ["save", "submit"] : [];
}
