import { describe, expect, it } from "vitest";
import { defaultEvaluationRubric } from "./evaluation-rubric";
import {
  availableScoreActions,
  decideEntrustment,
  decideScoreDraft,
  decideScoreSubmit,
  type EntrustmentFacts,
  type EvaluatorScoreFacts,
  mayEntrust,
} from "./evaluator";

const rubric = defaultEvaluationRubric(2026);
const leafIds = rubric.indicators.map((indicator) => indicator.id);
const uniform = (score: number) => Object.fromEntries(leafIds.map((id) => [id, score]));

const entrustable: EntrustmentFacts = {
  round: { evaluator: "third-party", open: true, graded: false },
  submittedScores: 0,
  managesEvaluations: true,
};

describe("entrusting a round to a third-party evaluator (Art. 16.3, 22)", () => {
  it.each([
    ["the department, an open third-party round", entrustable, null],
    ["not the department", { ...entrustable, managesEvaluations: false }, "forbidden"],
    ["an experts round", { ...entrustable, round: { ...entrustable.round, evaluator: "experts" } }, "conflict"],
    ["a closed round", { ...entrustable, round: { ...entrustable.round, open: false } }, "conflict"],
    ["a graded round", { ...entrustable, round: { ...entrustable.round, graded: true } }, "conflict"],
    ["a score already submitted", { ...entrustable, submittedScores: 1 }, "conflict"],
  ] as const)("%s", (_, facts, kind) => {
    const decision = mayEntrust(facts as EntrustmentFacts);
    if (kind === null) expect(decision.ok).toBe(true);
    else {
      expect(decision).toMatchObject({ ok: false, kind });
      if (!decision.ok) expect(["16.3", "22"]).toContain(decision.refusal.article);
    }
  });

  it.each([
    [null, false],
    [{ approvedEvaluator: false, disabled: false }, false],
    [{ approvedEvaluator: true, disabled: true }, false],
    [{ approvedEvaluator: true, disabled: false }, true],
  ])("names the evaluator account field when %o is not an active evaluator", (candidate, ok) => {
    const decision = decideEntrustment(entrustable, candidate);
    expect(decision.ok).toBe(ok);
    if (!decision.ok) {
      expect(decision).toMatchObject({
        kind: "invalid-input",
        refusal: { article: "16.3", path: "evaluatorAccountId" },
      });
    }
  });
});

const scorable: EvaluatorScoreFacts = {
  isEntrustedEvaluator: true,
  reportState: "under-evaluation",
  roundGraded: false,
  submitted: false,
  version: 2,
};

describe("the evaluator's score of a report (Art. 22)", () => {
  it.each([
    ["its own round's report under evaluation", scorable, null],
    ["another round's report", { ...scorable, isEntrustedEvaluator: false }, "not-found"],
    ["a submitted score", { ...scorable, submitted: true }, "conflict"],
    ["a report not under evaluation", { ...scorable, reportState: "submitted" }, "conflict"],
    ["a graded round", { ...scorable, roundGraded: true }, "conflict"],
  ] as const)("%s", (_, facts, kind) => {
    const decision = decideScoreDraft(facts as EvaluatorScoreFacts, rubric, { scores: {}, expectedVersion: 2 });
    if (kind === null) expect(decision.ok).toBe(true);
    else expect(decision).toMatchObject({ ok: false, kind, refusal: { article: "22" } });
    expect(availableScoreActions(facts as EvaluatorScoreFacts)).toEqual(kind === null ? ["save", "submit"] : []);
  });

  it("refuses a stale version", () => {
    expect(decideScoreDraft(scorable, rubric, { scores: {}, expectedVersion: 1 })).toMatchObject({
      ok: false,
      kind: "conflict",
      refusal: { code: "stale-version" },
    });
  });

  it("saves a partial draft within range, and names each out-of-range or unknown score", () => {
    expect(decideScoreDraft(scorable, rubric, { scores: { "basic-conditions": 10 }, expectedVersion: 2 }).ok).toBe(
      true,
    );
    expect(decideScoreDraft(scorable, rubric, { scores: { "basic-conditions": 0 }, expectedVersion: 2 }).ok).toBe(true);
    const decision = decideScoreDraft(scorable, rubric, {
      scores: { "basic-conditions": 10.5, security: -1, nope: 3 },
      expectedVersion: 2,
    });
    expect(decision).toMatchObject({ ok: false, kind: "invalid-input", refusal: { article: "22" } });
    if (!decision.ok) {
      expect(decision.refusal.errors?.map((issue) => issue.path).sort()).toEqual([
        "scores.basic-conditions",
        "scores.nope",
        "scores.security",
      ]);
    }
  });

  it("submits only every leaf scored with an opinion, naming each gap", () => {
    const decision = decideScoreSubmit(scorable, rubric, {
      scores: { "basic-conditions": 8 },
      opinion: "  ",
      expectedVersion: 2,
    });
    expect(decision).toMatchObject({ ok: false, kind: "rule", refusal: { code: "score-incomplete", article: "22" } });
    if (!decision.ok) {
      expect(decision.refusal.errors?.map((issue) => issue.path)).toEqual([
        ...leafIds.filter((id) => id !== "basic-conditions").map((id) => `scores.${id}`),
        "opinion",
      ]);
    }
  });

  it.each([
    [10, 100],
    [9, 90],
    [0, 0],
  ])("a complete score of %i on every leaf totals %i", (score, total) => {
    expect(
      decideScoreSubmit(scorable, rubric, { scores: uniform(score), opinion: "意见", expectedVersion: 2 }),
    ).toEqual({ ok: true, value: { total } });
  });

  it("refuses to resubmit", () => {
    expect(
      decideScoreSubmit({ ...scorable, submitted: true }, rubric, {
        scores: uniform(9),
        opinion: "意见",
        expectedVersion: 2,
      }),
    ).toMatchObject({ ok: false, kind: "conflict", refusal: { code: "score-submitted" } });
  });
});
