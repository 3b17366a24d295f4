import { describe, expect, it } from "vitest";
import type { AskResult } from "../../assistant/ask";
import { evaluate, loadQuestions, meets, productAssistant, scoreOne, targets } from "./evaluate";

/**
 * The policy assistant against the frozen evaluation set (issue 14, Done when): top-3 article accuracy ≥ 90 %, no
 * invented article number, refusal precision ≥ 90 % on out-of-scope questions, p95 < 200 ms without a language
 * model. The scorer itself is checked on made-up answers, so a broken scorer cannot pass a broken assistant.
 */
const questions = loadQuestions();

describe("the assistant meets issue 14's targets on the evaluation set", () => {
  const report = evaluate(productAssistant(), questions);

  it(`top-3 article accuracy ≥ ${targets.top3 * 100}%`, () => {
    expect(report.top3).toBeGreaterThanOrEqual(targets.top3);
  });

  it("cites no invented article number", () => {
    const invented = report.scores.filter((score) => score.invented.length > 0).map((score) => score.question.id);
    expect(invented).toEqual([]);
  });

  it(`refusal precision ≥ ${targets.refusalPrecision * 100}% and at least some refusals`, () => {
    expect(report.refusal.refused).toBeGreaterThan(0);
    expect(report.refusal.precision).toBeGreaterThanOrEqual(targets.refusalPrecision);
  });

  it("computes every computed answer", () => {
    expect(report.computed.correct).toBe(report.computed.total);
  });

  it(`answers within ${targets.p95Ms} ms at the 95th percentile`, () => {
    expect(report.p95Ms).toBeLessThan(targets.p95Ms);
  });
});

describe("the scorer", () => {
  const question = questions.find((q) => q.expect.articles[0] === "18.5" && q.kind === "direct")!;
  const answer = (citations: AskResult["citations"], extra: Partial<AskResult> = {}): AskResult => ({
    answer: "",
    lang: "zh",
    citations,
    refused: false,
    sources: [],
    retrieved: citations.map((c) => (c.item ? `${c.article}.${c.item}` : c.article)),
    edition: "2025",
    ...extra,
  });
  const at = (article: string, item?: string) => ({ article, ...(item ? { item } : {}), quote: "", label: "" });

  it("reads README.md's rule: an item needs the item, an article takes any of its items", () => {
    expect(meets("18.5", "18.5")).toBe(true);
    expect(meets("18", "18.5")).toBe(false);
    expect(meets("18.5", "18")).toBe(true);
    expect(meets("1", "18")).toBe(false);
  });

  it("counts top-1 and top-3 by position", () => {
    expect(scoreOne(question, answer([at("18", "5")]), 1)).toMatchObject({ top1: true, top3: true });
    expect(scoreOne(question, answer([at("7"), at("12"), at("18", "5")]), 1)).toMatchObject({
      top1: false,
      top3: true,
    });
    expect(scoreOne(question, answer([at("7"), at("12"), at("14"), at("18", "5")]), 1)).toMatchObject({ top3: false });
    expect(scoreOne(question, answer([at("18", "5")], { refused: true }), 1)).toMatchObject({ top3: false });
  });

  it("flags a number not in the edition, or not retrieved, in citations and in the text", () => {
    expect(scoreOne(question, answer([at("40")]), 1).invented).toEqual(["40"]);
    expect(scoreOne(question, answer([at("18", "5")], { retrieved: [] }), 1).invented).toEqual(["18.5"]);
    expect(scoreOne(question, answer([at("18", "5")], { answer: "见第二十条第9项" }), 1).invented).toEqual(["20.9"]);
  });
});
