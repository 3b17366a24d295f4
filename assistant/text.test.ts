import { describe, expect, it } from "vitest";
import { edition2025 } from "../policy/measures/editions";
import { articleLabelEn, articleLabelZh, articleRefsIn, chineseNumeral, mentionedArticles, numeralValue } from "./text";

describe("article references", () => {
  it.each([
    [1, "一"],
    [10, "十"],
    [18, "十八"],
    [20, "二十"],
    [31, "三十一"],
  ])("writes %i as %s and reads it back", (value, numeral) => {
    expect(chineseNumeral(value)).toBe(numeral);
    expect(numeralValue(numeral)).toBe(value);
  });

  it("labels items as the measures number them", () => {
    expect(articleLabelZh("18.5")).toBe("第十八条第5项");
    expect(articleLabelZh("31")).toBe("第三十一条");
    expect(articleLabelEn("20.7")).toBe("Art. 20.7");
  });

  it("finds Chinese and English references in order, only those the edition has", () => {
    const text =
      "依据第二十条第（七）项和第十八条第5项；另见 Art. 7.2, 24 and 31。第四十条不存在，第十二条第9项也不存在。";
    expect(articleRefsIn(text, edition2025)).toEqual(["20.7", "18.5", "7.2", "24", "31"]);
    // The check for invented numbers reads every reference, existing or not.
    expect(mentionedArticles(text)).toEqual(expect.arrayContaining(["40", "12.9", "20.7"]));
  });
});
