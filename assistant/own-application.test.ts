import { describe, expect, it } from "vitest";
import type { Finding } from "../policy/eligibility/findings";
import { asksAboutOwnApplication, ownApplicationAnswer } from "./own-application";

const finding = (article: string, verdict: Finding["verdict"], messageZh: string): Finding => ({
  ruleId: `${article}-rule`,
  article,
  verdict,
  evidence: [],
  messageZh,
  messageEn: `${article} ${verdict}`,
});

describe("a host unit asks about its own application", () => {
  it.each([
    "我们的申报还有什么问题？",
    "我单位的申报书审查结果怎么样",
    "本单位申报材料还缺什么",
    "为什么我们的申报不符合第七条",
    "What is wrong with my application?",
    "What is the status of our application",
  ])("%s → about its own application", (question) => {
    expect(asksAboutOwnApplication(question)).toBe(true);
  });

  it.each(["Who recommends our application?", "为什么外资企业不符合条件", "我单位能申报吗？", "申报需要什么材料"])(
    "%s → a question about the measures",
    (question) => {
      expect(asksAboutOwnApplication(question)).toBe(false);
    },
  );

  it("lists the open findings most urgent first, leaves out what is met, and says when nothing is open", () => {
    const { answer, articles } = ownApplicationAnswer("zh", [
      {
        id: "a",
        title: "湖北省人工智能国际科技合作基地（联合研究）",
        stateZh: "退回修改",
        stateEn: "Returned",
        findings: [
          finding("12.3", "judgement", "由专家评判的条件"),
          finding("7.1", "pass", "已满足"),
          finding("7.4", "missing", "缺少管理制度"),
          finding("7.2", "fail", "协议到期"),
        ],
      },
      { id: "b", title: "另一项申报", stateZh: "草稿", stateEn: "Draft", findings: [finding("7.1", "pass", "已满足")] },
    ]);
    expect(articles).toEqual(["7.2", "7.4", "12.3"]);
    expect(answer).not.toContain("已满足");
    expect(answer.indexOf("协议到期")).toBeLessThan(answer.indexOf("缺少管理制度"));
    expect(answer).toContain("《另一项申报》（草稿）：\n  各项条件均已符合。");
  });

  it("tells a signed-out visitor how to ask, and a unit without applications how to start", () => {
    expect(ownApplicationAnswer("zh", undefined)).toMatchObject({ articles: [] });
    expect(ownApplicationAnswer("zh", undefined).answer).toContain("登录");
    expect(ownApplicationAnswer("en", []).answer).toMatch(/no application yet/);
  });
});
