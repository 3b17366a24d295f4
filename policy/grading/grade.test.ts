import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings";
import { type EvaluationEntry, excellentSlots, gradeCohort, resolveTie } from "./grade";

const scored = (scores: number[]): EvaluationEntry[] =>
  scores.map((score, index) => ({ baseId: `b${index}`, participation: "reported", score }));
const gradeOf = (entries: EvaluationEntry[], id: string) => gradeCohort(entries).results.find((r) => r.baseId === id);

describe("excellentSlots (⌊10% × n⌋, at least 1)", () => {
  it.each([
    [0, 0],
    [1, 1],
    [9, 1],
    [10, 1],
    [19, 1],
    [20, 2],
    [35, 3],
  ])("%d bases → %d", (n, slots) => expect(excellentSlots(n)).toBe(slots));
  it("without the at-least-one setting, 9 bases give none", () => {
    expect(excellentSlots(9, { ...defaultSettings, excellentAtLeastOneSlot: false })).toBe(0);
  });
});

describe("gradeCohort (Art. 22)", () => {
  it("grades by score: 优秀 top 10% and ≥ 85, < 60 不合格, otherwise 合格", () => {
    const entries = scored([95, 90, 84.9, 60, 59.99, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 86]);
    const grading = gradeCohort(entries);
    expect(grading.excellentSlots).toBe(2);
    const byId = Object.fromEntries(grading.results.map((r) => [r.baseId, r.grade]));
    expect(byId).toMatchObject({
      b0: "excellent",
      b1: "excellent",
      b19: "qualified",
      b2: "qualified",
      b3: "qualified",
      b4: "unqualified",
    });
  });
  it("a top score below 85 is not 优秀", () => {
    expect(gradeOf(scored([84.99, 70]), "b0")?.grade).toBe("qualified");
  });
  it("exactly 85 can be 优秀, exactly 60 is 合格", () => {
    expect(gradeOf(scored([85, 60]), "b0")?.grade).toBe("excellent");
    expect(gradeOf(scored([85, 60]), "b1")?.grade).toBe("qualified");
  });
  it("ties at the cut go to the officer", () => {
    const grading = gradeCohort(scored([90, 90, 70, 70, 70, 70, 70, 70, 70, 70]));
    expect(grading.tie).toEqual({ score: 90, baseIds: ["b0", "b1"], slotsLeft: 1 });
    expect(grading.results.filter((r) => r.tiedAtCut).map((r) => r.grade)).toEqual([null, null]);
    const resolved = resolveTie(grading, ["b1"]);
    expect(resolved?.results.slice(0, 2).map((r) => r.grade)).toEqual(["qualified", "excellent"]);
    expect(resolveTie(grading, ["b0", "b1"])).toBeNull();
  });
  it.each([
    ["not-reported", "22", undefined],
    ["not-participating", "22", 2],
    ["withdrew", "22", 2],
  ] as const)("%s → 不合格 (Art. %s), revocation proposal ground %s", (participation, article, ground) => {
    const result = gradeOf([{ baseId: "x", participation }, ...scored([80])], "x");
    expect(result).toMatchObject({ grade: "unqualified", article });
    expect(result?.revocationProposal?.ground).toBe(ground);
  });
  it("fraud found on site → 不合格 directly, revocation proposed (Art. 20.1)", () => {
    expect(gradeOf([{ baseId: "x", participation: "reported", score: 99, fraudFound: true }], "x")).toMatchObject({
      grade: "unqualified",
      revocationProposal: { ground: 1 },
    });
  });
  it("不合格 starts a rectification; 不合格 again after it proposes revocation (Art. 24, 20.6)", () => {
    expect(gradeOf(scored([50]), "b0")).toMatchObject({ grade: "unqualified", startsRectification: true });
    expect(gradeOf([{ baseId: "r", participation: "reported", score: 50, inRectification: true }], "r")).toMatchObject({
      grade: "unqualified",
      revocationProposal: { ground: 6, article: "20.6" },
    });
    expect(
      gradeOf([{ baseId: "r", participation: "not-reported", inRectification: true }], "r")?.revocationProposal?.ground,
    ).toBe(6);
    expect(gradeOf([{ baseId: "r", participation: "reported", score: 75, inRectification: true }], "r")?.grade).toBe(
      "qualified",
    );
  });
  it("cut-offs are settings", () => {
    const cutoffs = { ...defaultSettings, excellentMinimumScore: 90, unqualifiedBelow: 70 };
    const results = gradeCohort(scored([88, 65]), cutoffs).results;
    expect(results.map((r) => r.grade)).toEqual(["qualified", "unqualified"]);
  });
});
