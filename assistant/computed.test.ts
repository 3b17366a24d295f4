import { describe, expect, it } from "vitest";
import { edition2025 } from "../policy/measures/editions";
import { defaultSettings, resolveSettings } from "../policy/settings";
import { computeAnswer } from "./computed";

const context = { today: "2026-03-10", edition: edition2025, settings: defaultSettings };
const compute = (question: string, overrides = {}) => computeAnswer(question, { ...context, ...overrides });

describe("deadlines, from policy/'s functions", () => {
  it("Art. 18.5: the brief's question, the year from today", () => {
    const answer = compute("负责人3月15日变更，最晚什么时候报备？");
    expect(answer).toMatchObject({ type: "deadline", value: "2026-06-15", articles: ["18.5"] });
    expect(answer?.answerZh).toContain("2026年6月15日");
    expect(answer?.answerZh).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(answer?.answerZh).toContain("按今年 2026 年计");
    expect(answer?.ruleZh).toContain("第十八条第5项");
  });

  it.each([
    ["名称2025年11月30日变更，哪天前要备案", "2026-02-28"],
    ["名称2027年11月30日变更，报备截止日是哪天", "2028-02-29"],
    ["The director changed on 31 March 2026; by when must we file it?", "2026-06-30"],
  ])("month ends are clamped: %s → %s", (question, value) => {
    expect(compute(question)?.value).toBe(value);
  });

  it("follows the setting when a call changes it", () => {
    const settings = resolveSettings({ changeReportMonths: 2 });
    expect(compute("负责人2026年3月15日变更，最晚哪天报备", { settings })?.value).toBe("2026-05-15");
  });

  it("Art. 24 rectification, Art. 20/24 ban, Art. 31 validity", () => {
    expect(compute("2026年9月1日收到考核不合格通知，整改期到哪天？")).toMatchObject({
      value: "2027-08-31",
      articles: ["24"],
    });
    expect(compute("2026年5月20日被取消资格，从哪天起可以重新认定？")).toMatchObject({
      value: "2029-05-20",
      articles: ["20", "24"],
    });
    expect(compute("这个办法的有效期到什么时候？")).toMatchObject({ value: "2030-10-25", articles: ["31"] });
  });

  it("公示 counts working days on the holiday calendar (Art. 14.3 setting)", () => {
    // 2026-09-30 is a Wednesday; 1–7 October are off.
    expect(compute("2026年9月30日开始公示，公示期到哪天？")).toMatchObject({ value: "2026-10-12", articles: ["14.3"] });
    // A year the calendar does not know is not guessed: no computed answer.
    expect(compute("2031年9月30日开始公示，到哪天结束？")).toBeNull();
  });

  it("computes nothing without a date or without a question about a deadline", () => {
    expect(compute("负责人变更需要报备吗")).toBeNull();
    expect(compute("2026年3月15日我们开了个会")).toBeNull();
  });
});

describe("standard names, from policy/names.ts (Art. 29–30)", () => {
  it.each([
    ["武汉某大学人工智能领域联合研究基地叫什么？", "湖北省人工智能国际科技合作基地（联合研究）", "29"],
    [
      "省重点国合基地，新能源与智能网联汽车方向，技术转移类，名称怎么写",
      "湖北省新能源与智能网联汽车国际科技合作离岸中心（技术转移）",
      "29",
    ],
    ["和澳门合作的量子与光子科技特色类基地叫什么", "湖北省（澳门）量子与光子科技科技合作基地（特色）", "30"],
    [
      "What is the standard name of a joint research base in high-end chips?",
      "湖北省高端芯片国际科技合作基地（联合研究）",
      "29",
    ],
    ["海洋装备领域的技术转移基地叫什么名字", "湖北省海洋装备国际科技合作基地（技术转移）", "29"],
  ])("%s → %s", (question, value, article) => {
    expect(compute(question)).toMatchObject({ type: "standard-name", value, articles: [article] });
  });

  it("needs the type: without it the question goes to retrieval", () => {
    expect(compute("人工智能领域的基地叫什么")).toBeNull();
  });
});
