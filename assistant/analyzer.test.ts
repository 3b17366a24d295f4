import { describe, expect, it } from "vitest";
import { edition2025 } from "../policy/measures/editions";
import { sharedAnalyzer } from "./analyzer";
import { measurePassages } from "./passages";
import { PassageIndex } from "./retrieval";
import { canonical, canonicalOf, synonymGroups } from "./synonyms";

const analyzer = sharedAnalyzer();
// The vocabulary the misspelling check judges against is the knowledge's.
const { vocabulary } = new PassageIndex(measurePassages(edition2025), analyzer);

describe("segmentation and synonyms", () => {
  it("keeps domain words whole and writes each as its group's first word", () => {
    const terms = analyzer.chineseTerms("离岸中心的依托单位向市州科技局申报");
    expect(terms).toEqual(expect.arrayContaining(["离岸创新平台", "依托单位", "推荐部门", "申报"]));
    expect(terms).not.toContain("的");
  });

  it("indexes the measures' own words the same way a question reaches them", () => {
    expect(analyzer.chineseTerms("市州科学技术行政部门")).toContain("推荐部门");
    expect(analyzer.chineseTerms("省国合基地负责人")).toEqual(expect.arrayContaining(["省国合基地", "负责人"]));
  });

  it("has every word in one group only (one list in one place)", () => {
    const words = synonymGroups.flat();
    expect(new Set(words).size).toBe(words.length);
    expect(canonicalOf.size).toBe(words.length);
    expect(canonical("年报")).toBe("年度工作报告");
    expect(canonical("不在表里的词")).toBe("不在表里的词");
  });
});

describe("misspellings are caught by sound, not by a list", () => {
  it.each([
    ["推见部门是谁", "推荐部门"],
    ["离案中心怎么命名", "离岸中心"],
    ["连合研究类的条件", "联合研究"],
    ["变更要备按吗", "备案"],
  ])("%s searches %s too", (question, word) => {
    const terms = analyzer.chineseQuery(question, vocabulary);
    expect(terms.corrections.map((entry) => entry.to)).toContain(word);
  });

  it("adds nothing to a question written correctly", () => {
    expect(analyzer.chineseQuery("市级项目算不算省级国际科技合作项目", vocabulary).corrections).toEqual([]);
    expect(analyzer.chineseQuery("负责人变更需要报备吗", vocabulary).corrections).toEqual([]);
  });
});

describe("unknown words weigh toward a refusal", () => {
  it("counts how much of a question the knowledge does not hold", () => {
    expect(analyzer.chineseQuery("出口退税怎么办理", vocabulary).unknownShare).toBeGreaterThan(0.6);
    expect(analyzer.chineseQuery("依托单位需要满足什么条件", vocabulary).unknownShare).toBe(0);
    expect(analyzer.chineseQuery("你好", vocabulary).content).toEqual([]);
  });
});

describe("English questions reach the Chinese words", () => {
  it("translates glossary phrases, longest first", () => {
    const terms = analyzer.englishQuery(
      "Can the host unit file a change of director with the city bureau?",
      vocabulary,
    );
    expect([...terms.weights.keys()]).toEqual(expect.arrayContaining(["依托单位", "负责人", "推荐部门", "备案"]));
  });

  it("stems plurals so phrases match", () => {
    const terms = analyzer.englishQuery("How many partner institutions and agreements?", vocabulary);
    expect([...terms.weights.keys()]).toEqual(expect.arrayContaining(["合作机构", "合作协议"]));
  });
});
