import { describe, expect, it } from "vitest";
import { type Rubric, scoreRubric, validateRubric } from "./rubric";

const annual2026: Rubric = {
  id: "annual-2026",
  year: 2026,
  titleZh: "2026年度绩效考核指标",
  indicators: [
    {
      id: "platform",
      labelZh: "平台筑基",
      weight: 0.4,
      min: 0,
      max: 0,
      article: "3",
      children: [
        { id: "platform.projects", labelZh: "联合研发项目", weight: 0.5, min: 0, max: 10 },
        { id: "platform.papers", labelZh: "联合论文与专利", weight: 0.5, min: 0, max: 10 },
      ],
    },
    { id: "talent", labelZh: "人才聚能", weight: 0.3, min: 0, max: 5 },
    { id: "support", labelZh: "配套支持", weight: 0.3, min: 0, max: 5, article: "26" },
  ],
};

describe("validateRubric", () => {
  it("accepts weights summing to 1 at each level", () => {
    expect(validateRubric(annual2026).ok).toBe(true);
  });
  it.each([
    [
      "weights summing to 0.9",
      { ...annual2026, indicators: annual2026.indicators.map((i) => (i.id === "talent" ? { ...i, weight: 0.2 } : i)) },
    ],
    [
      "an empty range",
      { ...annual2026, indicators: annual2026.indicators.map((i) => (i.id === "talent" ? { ...i, max: 0 } : i)) },
    ],
    [
      "a duplicate id",
      {
        ...annual2026,
        indicators: annual2026.indicators.map((i) => (i.id === "support" ? { ...i, id: "talent" } : i)),
      },
    ],
  ])("refuses %s", (_, rubric) => {
    expect(validateRubric(rubric)).toMatchObject({ ok: false, refusal: { code: "rubric-invalid" } });
  });
});

describe("scoreRubric", () => {
  it.each([
    [{ "platform.projects": 10, "platform.papers": 10, talent: 5, support: 5 }, 100],
    [{ "platform.projects": 0, "platform.papers": 0, talent: 0, support: 0 }, 0],
    [{ "platform.projects": 5, "platform.papers": 10, talent: 2.5, support: 5 }, 30 + 15 + 30],
  ])("%o → %d", (scores, total) => {
    const outcome = scoreRubric(annual2026, scores);
    expect(outcome.ok && outcome.value.total).toBe(total);
  });
  it("refuses a missing or out-of-range score", () => {
    expect(scoreRubric(annual2026, { "platform.projects": 5, "platform.papers": 5, talent: 5 })).toMatchObject({
      ok: false,
      refusal: { code: "score-missing", path: "support" },
    });
    expect(
      scoreRubric(annual2026, { "platform.projects": 11, "platform.papers": 5, talent: 5, support: 5 }),
    ).toMatchObject({ ok: false, refusal: { code: "score-out-of-range" } });
  });
});
