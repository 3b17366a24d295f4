import { describe, expect, it } from "vitest";
import { asksAboutNeighbour } from "./neighbours";

/** Questions written for this test, none of them in the evaluation set. */
describe("questions about a neighbouring programme", () => {
  it.each([
    "工程技术研究中心怎么认定？",
    "院士专家工作站如何申报",
    "新型研发机构需要满足哪些条件",
    "技术创新中心什么时候开始申报",
    "外籍研究员的工作许可怎么办理",
    "What are the criteria for a key laboratory in Hubei?",
    "How do we apply for a work permit for a visiting professor?",
  ])("%s → refused as another programme", (question) => {
    expect(asksAboutNeighbour(question)).toBe(true);
  });

  it.each([
    "已是高新技术企业，申报省国合基地需要满足哪些条件？",
    "依托单位是重点实验室的，怎么申报省国合基地",
    "离岸创新平台的境外人员签证怎么办理",
    "研发费用占销售收入比例要多少",
    "国合基地怎么申报",
    "Does a provincial base need a key laboratory to apply?",
    "How does an offshore platform get a visa for its staff?",
  ])("%s → a question about the measures", (question) => {
    expect(asksAboutNeighbour(question)).toBe(false);
  });
});
