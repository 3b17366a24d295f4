import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { asksAboutOwnApplication } from "../../assistant/own-application";
import { edition2025 } from "../../policy/measures/editions";
import { checkQuestionSet, mixOf, mixRules, parseQuestionSet } from "./questions";

const text = readFileSync(new URL("./questions.jsonl", import.meta.url), "utf8");
const { questions } = parseQuestionSet(text);

/** The committed set with its lines changed by `edit` (a line is a question). */
function edited(edit: (lines: string[]) => string[]): string {
  return `${edit(text.trimEnd().split("\n")).join("\n")}\n`;
}
const replaceLine = (id: string, change: (question: Record<string, unknown>) => Record<string, unknown>) =>
  edited((lines) =>
    lines.map((line) => (JSON.parse(line).id === id ? JSON.stringify(change(JSON.parse(line))) : line)),
  );
const messages = (set: string) => checkQuestionSet(set).map((problem) => `${problem.id ?? "set"}: ${problem.message}`);
const byId = (id: string) => questions.find((question) => question.id === id)!;

describe("the evaluation set of the policy assistant (bench/assistant/questions.jsonl)", () => {
  it("holds no question the assistant would take for one about the asker's own application", () => {
    expect(questions.filter((question) => asksAboutOwnApplication(question.question)).map((q) => q.id)).toEqual([]);
  });

  it("has no problem: every line parses, ids and questions are unique, every article exists in the 2025 edition", () => {
    expect(messages(text)).toEqual([]);
  });

  it("keeps the mix: ≥ 140 questions, ≥ 30% paraphrases or typos, ≥ 15% English, ≥ 10% out of scope, 8–12 computed", () => {
    const mix = mixOf(questions);
    expect(mix.total).toBeGreaterThanOrEqual(mixRules.minimumQuestions);
    expect((mix.byKind.paraphrase + mix.byKind.typo) / mix.total).toBeGreaterThanOrEqual(0.3);
    expect(mix.byKind.english / mix.total).toBeGreaterThanOrEqual(0.15);
    expect(mix.english / mix.total).toBeGreaterThanOrEqual(0.15);
    expect(mix.byKind["out-of-scope"] / mix.total).toBeGreaterThanOrEqual(0.1);
    expect(mix.byKind.computed).toBeGreaterThanOrEqual(8);
    expect(mix.byKind.computed).toBeLessThanOrEqual(12);
    for (const chapter of [1, 2, 3, 4, 5, 6]) expect(mix.byChapter[chapter], `chapter ${chapter}`).toBeGreaterThan(2);
  });

  it("asks about every one of the edition's 31 articles", () => {
    const cited = new Set(questions.flatMap((question) => question.expect.articles.map((ref) => ref.split(".")[0])));
    expect([...cited].sort((a, b) => Number(a) - Number(b))).toEqual(edition2025.articles.map((article) => article.id));
  });

  it("holds the issue's two computed examples: a director's change date and a university's standard name", () => {
    const change = questions.find((question) => question.question.includes("负责人2026年3月15日"));
    expect(change?.expect).toEqual({ articles: ["18.5"], computed: { type: "deadline", value: "2026-06-15" } });
    const name = questions.find((question) => question.question.startsWith("武汉某大学人工智能领域"));
    expect(name?.expect.computed).toEqual({
      type: "standard-name",
      value: "湖北省人工智能国际科技合作基地（联合研究）",
    });
  });
});

describe("the checks fail on a bad set", () => {
  it("an article or item the measures do not have", () => {
    const set = replaceLine("q022", (q) => ({ ...q, expect: { articles: ["7.9", "32"] } }));
    expect(messages(set)).toEqual([
      "q022: article 7.9 is not in the 2025 measures",
      "q022: article 32 is not in the 2025 measures",
    ]);
  });

  it("a line that is not JSON, an unknown key, a wrong kind", () => {
    const set = edited((lines) => [
      ...lines.slice(0, 2),
      "{not json",
      JSON.stringify({ ...JSON.parse(lines[3]!), answer: "x" }),
      JSON.stringify({ ...JSON.parse(lines[4]!), kind: "rephrased" }),
      ...lines.slice(5),
    ]);
    const problems = checkQuestionSet(set).filter((problem) => problem.line !== undefined);
    expect(problems.map((problem) => problem.line)).toEqual([3, 4, 5]);
    expect(problems[0]?.message).toBe("not a JSON object");
    expect(problems[1]?.message).toMatch(/answer/);
    expect(problems[2]?.message).toMatch(/^kind:/);
  });

  it("a duplicate id and the same question twice", () => {
    const first = byId("q001");
    const set = edited((lines) => [...lines, JSON.stringify({ ...first, question: ` ${first.question} ` })]);
    expect(messages(set)).toEqual(["q001: duplicate id", "q001: same question as q001"]);
  });

  it("an out-of-scope question that is not refused, or that expects an article", () => {
    const outOfScope = questions.find((question) => question.kind === "out-of-scope")!;
    const notRefused = replaceLine(outOfScope.id, (q) => ({ ...q, expect: { articles: [] } }));
    expect(messages(notRefused)).toEqual([`${outOfScope.id}: refuse: true exactly on out-of-scope questions`]);
    const cites = replaceLine(outOfScope.id, (q) => ({ ...q, expect: { articles: ["8.3"], refuse: true } }));
    expect(messages(cites)).toEqual([`${outOfScope.id}: an out-of-scope question expects no article`]);
  });

  it("a computed answer that is not a real date or not a standard name", () => {
    const deadline = questions.find((question) => question.expect.computed?.type === "deadline")!;
    const badDate = replaceLine(deadline.id, (q) => ({
      ...q,
      expect: { articles: deadline.expect.articles, computed: { type: "deadline", value: "2027-02-29" } },
    }));
    expect(messages(badDate)).toEqual([`${deadline.id}: deadline 2027-02-29 is not a real YYYY-MM-DD date`]);
    const name = questions.find((question) => question.expect.computed?.type === "standard-name")!;
    const halfWidth = replaceLine(name.id, (q) => ({
      ...q,
      expect: {
        articles: ["29"],
        computed: { type: "standard-name", value: "湖北省人工智能国际科技合作基地(联合研究)" },
      },
    }));
    expect(messages(halfWidth)).toEqual([
      `${name.id}: standard name 湖北省人工智能国际科技合作基地(联合研究) does not have the shape of Art. 29–30`,
    ]);
  });

  it("a typo question without a misspelling, an English question in Chinese", () => {
    const typo = questions.find((question) => question.kind === "typo")!;
    const corrected = replaceLine(typo.id, (q) => ({ ...q, question: "申报需要几份合作协议" }));
    expect(messages(corrected)).toEqual([`${typo.id}: a typo question holds none of the known misspellings`]);
    const english = questions.find((question) => question.kind === "english")!;
    const chinese = replaceLine(english.id, (q) => ({ ...q, question: "负责人变更要报备吗" }));
    expect(messages(chinese)).toEqual([`${english.id}: lang en must be written in English only`]);
  });

  it("a set whose mix falls short: without its out-of-scope questions", () => {
    const set = edited((lines) => lines.filter((line) => JSON.parse(line).kind !== "out-of-scope"));
    expect(messages(set).filter((message) => message.startsWith("set: out-of-scope"))).toHaveLength(1);
  });

  it("an article nobody asks about", () => {
    const set = edited((lines) => lines.filter((line) => !JSON.parse(line).expect.articles.includes("19")));
    expect(messages(set)).toEqual(["set: article 19 is cited by no question"]);
  });
});
