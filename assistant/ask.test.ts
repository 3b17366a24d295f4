import { describe, expect, it } from "vitest";
import { edition2025, findArticle } from "../policy/measures/editions";
import { Assistant, refusalText } from "./ask";
import { faqSeed } from "./faq-seed";

const interpretations = `# Interpretations

## Major changes (Art. 18.5; issue 12)

- **Counting the three months.** 月末顺延规则: a change report is on time when filed by the same day-of-month three months on.
- **A reading with no article.** Nothing to cite here.
`;

const assistant = Assistant.from(
  {
    edition: edition2025,
    interpretations,
    faq: [
      ...faqSeed,
      {
        id: "expired",
        questions: ["旧版常见问题：协议怎么盖章"],
        answerZh: "按旧办法第七条办理。",
        answerEn: "",
        articles: ["7.2"],
        validFrom: "2024-01-01",
        validTo: "2025-10-25",
        edition: "2025",
      },
    ],
    notices: [
      {
        id: "call-2026",
        kind: "call",
        title: "关于组织申报2026年度湖北省国际科技合作基地的通知",
        bodyZh: "申报条件按管理办法第七条执行，离岸创新平台另须符合第十一条。申报截止时间为2026年5月31日。",
        publishedOn: "2026-03-01",
      },
    ],
  },
  "2026-03-10",
);
const today = "2026-03-10";

describe("ask: answers from the measures with citations", () => {
  it("cites the item that answers, best first, quoting the measures' words", () => {
    const result = assistant.ask("同一个人能担任两个基地的负责人吗？", "zh", { today });
    expect(result.refused).toBe(false);
    expect(result.citations[0]).toMatchObject({ article: "12", item: "3", label: "第十二条第3项" });
    expect(findArticle("12.3")?.itemTextZh).toContain(result.citations[0]?.quote.slice(0, 10));
    expect(result.answer).toContain("第十二条第3项");
  });

  it("cites only what it retrieved, every citation in the edition", () => {
    for (const question of ["技术转移类基地要办几场活动", "考核不合格会怎样", "What are the grounds for revocation?"]) {
      const result = assistant.ask(question, undefined, { today });
      for (const citation of result.citations) {
        const id = citation.item ? `${citation.article}.${citation.item}` : citation.article;
        expect(findArticle(id)).toBeDefined();
        expect(result.retrieved).toContain(id);
      }
    }
  });

  it("gives an FAQ's own answer when an FAQ matches best, with its articles", () => {
    const result = assistant.ask("离岸中心的名称怎么取", "zh", { today });
    expect(result.answer).toContain("国际科技合作离岸中心");
    expect(result.sources).toContainEqual({ kind: "faq", title: "离岸中心的名称怎么取？" });
    expect(result.citations.map((c) => c.article)).toContain("29");
  });

  it("leaves out FAQ entries outside their dates", () => {
    const result = assistant.ask("旧版常见问题：协议怎么盖章", "zh", { today });
    expect(result.sources.some((source) => source.title.startsWith("旧版"))).toBe(false);
  });

  it("marks the platform's readings as such and cites their articles", () => {
    const result = assistant.ask("月末顺延规则是什么", "zh", { today });
    expect(result.retrieved).toContain("18.5");
    expect(result.answer).toContain("平台的理解（非办法原文");
    expect(result.sources[0]).toMatchObject({ kind: "interpretation" });
  });

  it("knows the published notices and cites what they cite", () => {
    const result = assistant.ask("2026年度申报通知的申报截止时间", "zh", { today });
    expect(result.sources).toContainEqual({
      kind: "notice",
      title: "关于组织申报2026年度湖北省国际科技合作基地的通知",
    });
    expect(result.retrieved).toEqual(expect.arrayContaining(["7", "11"]));
  });

  it("answers in English with the Chinese quoted and glossed", () => {
    const result = assistant.ask("Can one person direct two provincial bases?", "en", { today });
    expect(result.lang).toBe("en");
    expect(result.answer).toContain("published in Chinese only");
    expect(result.citations[0]?.label).toMatch(/^Art\. 12/);
    expect(result.answer).toContain("Director:");
  });

  it("computes a deadline and cites the article with the rule used", () => {
    const result = assistant.ask("负责人3月15日变更，最晚什么时候报备？", "zh", { today });
    expect(result.computed).toMatchObject({ type: "deadline", value: "2026-06-15" });
    expect(result.citations).toEqual([expect.objectContaining({ article: "18", item: "5" })]);
    expect(result.answer).toContain("2026年6月15日");
  });
});

describe("ask: refuses rather than invents", () => {
  it.each([
    ["今天武汉天气怎么样", "zh"],
    ["出口退税怎么办理", "zh"],
    ["Tell me a joke", "en"],
    ["", "zh"],
  ] as const)("%s → refused with the department's contact", (question, lang) => {
    const result = assistant.ask(question, lang, { today, contact: "027-12345678" });
    expect(result).toMatchObject({ refused: true, citations: [], retrieved: [] });
    expect(result.answer).toBe(refusalText(lang, "027-12345678"));
    expect(result.answer).toContain("027-12345678");
  });

  it("says 无法回答 and whom to contact", () => {
    expect(refusalText("zh")).toMatch(/^无法回答 — 请联系省科技厅国际合作处/);
    expect(refusalText("en")).toMatch(/^I don't know — please contact/);
  });

  it("still answers a question in scope", () => {
    expect(assistant.ask("依托单位需要满足什么条件", "zh", { today }).refused).toBe(false);
  });
});
