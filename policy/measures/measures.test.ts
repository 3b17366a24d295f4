import { describe, expect, it } from "vitest";
import { ruleTable } from "../eligibility/rule-table";
import { articles2025 } from "./articles-2025";
import { edition2025, editionFor, findArticle } from "./editions";
import { enforcementByArticle, functionEnforcers } from "./enforcement";

describe("articles of the 2025 edition", () => {
  it("holds all 31 articles in 6 chapters, in order", () => {
    expect(articles2025.map((article) => article.id)).toEqual(
      Array.from({ length: 31 }, (_, index) => String(index + 1)),
    );
    expect(new Set(articles2025.map((article) => article.chapter))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    for (const article of articles2025) {
      expect(article.textZh.length).toBeGreaterThan(10);
      expect(article.summaryEn.length).toBeGreaterThan(10);
    }
  });
  it.each([
    ["7.2", "不少于3个"],
    ["9.3", "不少于5场"],
    ["12.3", "仅可担任1个"],
    ["20.6", "整改期满后仍不合格"],
    ["18.5", "3个月内"],
  ])("item %s reads %s", (id, text) => {
    expect(findArticle(id)?.itemTextZh).toContain(text);
  });
  it("Art. 29 and 31 carry the naming pattern and the 5-year validity", () => {
    expect(findArticle("29")?.article.textZh).toContain("国际科技合作离岸中心");
    expect(findArticle("31")?.article.textZh).toContain("有效期5年");
    expect(findArticle("7.9")).toBeUndefined();
  });
  it("every rule and enforcer cites an article or item that exists", () => {
    for (const { article } of [...ruleTable, ...functionEnforcers]) expect(findArticle(article), article).toBeDefined();
  });
  it("Art. 7–13 each have rules", () => {
    const rows = enforcementByArticle(["7", "8", "9", "10", "11", "12", "13"]);
    for (const row of rows) expect(row.ruleIds.length, row.articleId).toBeGreaterThan(0);
  });
});

describe("editions (Art. 31)", () => {
  it("2025: effective 2025-10-26, lapses after 2030-10-25", () => {
    expect(edition2025).toMatchObject({
      effectiveFrom: "2025-10-26",
      validUntil: "2030-10-25",
      documentNumber: "鄂科技规〔2025〕6号",
    });
  });
  it.each([
    ["2025-10-26", true],
    ["2030-10-25", true],
    ["2030-10-26", false],
    ["2025-10-25", false],
  ])("in force on %s: %s", (date, inForce) => {
    expect(editionFor(date)).toMatchObject({ edition: { id: "2025" }, inForce });
  });
});
