import { describe, expect, it } from "vitest";
import type { Rubric } from "../grading/rubric";
import { aggregateScores, rankTargets } from "./aggregation";

/** Weights 0.4/0.3/0.3 over ranges 0–40/0–30/0–30: a leaf's raw score is its points, so totals add up by hand. */
const rubric: Rubric = {
  id: "r",
  titleZh: "认定评审指标",
  indicators: [
    { id: "foundation", labelZh: "合作基础", weight: 0.4, min: 0, max: 40 },
    { id: "team", labelZh: "团队与负责人", weight: 0.3, min: 0, max: 30 },
    { id: "plan", labelZh: "建设方案", weight: 0.3, min: 0, max: 30 },
  ],
};
const review = (id: string, foundation: number, team: number, plan: number) => ({
  id,
  scores: { foundation, team, plan },
});
const panel = [
  review("A", 36, 27, 25), // 88
  review("B", 32, 24, 24), // 80
  review("C", 30, 22, 20), // 72
  review("D", 34, 26, 26), // 86
  review("E", 20, 15, 15), // 50
];

describe("aggregateScores: the hand-computed example", () => {
  it("five totals 88, 80, 72, 86, 50: trimmed mean (80 + 72 + 86) / 3 = 79.33, plain mean 376 / 5 = 75.2", () => {
    const result = aggregateScores(rubric, panel);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.method).toBe("trimmed-mean");
    expect(result.value.score).toBe(79.33);
    expect(result.value.mean).toBe(75.2);
    expect(result.value.experts).toEqual([
      // A: 88 − (376 − 88) / 4 = 88 − 72 = 16 > 15 → flagged
      { id: "A", total: 88, deviation: 16, flagged: true, dropped: true },
      { id: "B", total: 80, deviation: 6, flagged: false, dropped: false },
      { id: "C", total: 72, deviation: -4, flagged: false, dropped: false },
      // D: 86 − 290 / 4 = 13.5 ≤ 15
      { id: "D", total: 86, deviation: 13.5, flagged: false, dropped: false },
      // E: 50 − 326 / 4 = −31.5
      { id: "E", total: 50, deviation: -31.5, flagged: true, dropped: true },
    ]);
    expect(result.value.indicators).toEqual([
      expect.objectContaining({ id: "foundation", mean: 30.4, lowest: 20, highest: 36, spread: 16 }),
      expect.objectContaining({ id: "team", mean: 22.8, lowest: 15, highest: 27, spread: 12 }),
      expect.objectContaining({ id: "plan", mean: 22, lowest: 15, highest: 26, spread: 11 }),
    ]);
  });

  it("fewer than five totals: plain mean (88 + 80 + 72 + 86) / 4 = 81.5; the method can be forced either way", () => {
    const four = aggregateScores(rubric, panel.slice(0, 4));
    expect(four.ok && four.value).toMatchObject({ method: "mean", score: 81.5 });
    const forcedMean = aggregateScores(rubric, panel, { method: "mean", deviationThreshold: 15, trimFrom: 5 });
    expect(forcedMean.ok && forcedMean.value.score).toBe(75.2);
    const forcedTrim = aggregateScores(rubric, panel.slice(0, 3), {
      method: "trimmed-mean",
      deviationThreshold: 15,
      trimFrom: 5,
    });
    expect(forcedTrim.ok && forcedTrim.value.score).toBe(80);
  });

  it("the deviation threshold is a setting; a single expert is never flagged", () => {
    const strict = aggregateScores(rubric, panel, { method: "auto", deviationThreshold: 10, trimFrom: 5 });
    expect(strict.ok && strict.value.experts.filter((e) => e.flagged).map((e) => e.id)).toEqual(["A", "D", "E"]);
    const single = aggregateScores(rubric, [panel[0]!]);
    expect(single.ok && single.value.experts[0]).toMatchObject({ deviation: null, flagged: false });
  });

  it("ties at the extremes drop one of each, whatever the input order", () => {
    const tied = [
      review("x", 30, 20, 20),
      review("y", 30, 20, 20),
      review("z", 30, 20, 20),
      review("w", 10, 10, 10),
      review("v", 10, 10, 10),
    ];
    const a = aggregateScores(rubric, tied);
    const b = aggregateScores(rubric, [...tied].reverse());
    expect(
      a.ok &&
        a.value.experts
          .filter((e) => e.dropped)
          .map((e) => e.id)
          .sort(),
    ).toEqual(["v", "z"]);
    expect(b.ok && b.value.score).toBe(a.ok && a.value.score);
  });

  it("refuses incomplete or out-of-range scores and an empty panel", () => {
    expect(aggregateScores(rubric, [])).toMatchObject({ ok: false, refusal: { code: "no-scores" } });
    expect(aggregateScores(rubric, [{ id: "A", scores: { foundation: 41, team: 1, plan: 1 } }])).toMatchObject({
      ok: false,
      refusal: { code: "score-out-of-range", path: "foundation" },
    });
  });
});

describe("rankTargets", () => {
  it("ranks by score, ties share a rank, unscored last", () => {
    const ranked = rankTargets([
      { id: "a", score: 80 },
      { id: "b", score: null },
      { id: "c", score: 90 },
      { id: "d", score: 80 },
      { id: "e", score: 70 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ["c", 1],
      ["a", 2],
      ["d", 2],
      ["e", 4],
      ["b", null],
    ]);
  });
});
