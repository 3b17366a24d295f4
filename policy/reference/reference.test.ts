import { describe, expect, it } from "vitest";
import { baseTypeOf, baseTypes } from "./base-types";
import { isHubeiDivisionCode, prefectureOf } from "./divisions";
import { regions } from "./regions";
import { isRevocationGround, revocationGrounds } from "./revocation-grounds";

describe("reference data", () => {
  it("baseTypes: the three types of Art. 6 with the short labels names carry", () => {
    expect(baseTypes.map((t) => [t.code, t.shortZh])).toEqual([
      ["joint-research", "联合研究"],
      ["technology-transfer", "技术转移"],
      ["characteristic", "特色"],
    ]);
    expect(baseTypeOf("characteristic").nameZh).toBe("特色类");
  });
  it("revocationGrounds: nine grounds of Art. 20", () => {
    expect(revocationGrounds.map((g) => g.ground)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(isRevocationGround(9)).toBe(true);
    expect(isRevocationGround(10)).toBe(false);
  });
  it("regions: 中国香港, 中国澳门, 中国台湾 (Art. 30), not countries", () => {
    expect(regions.map((r) => r.nameZh)).toEqual(["中国香港", "中国澳门", "中国台湾"]);
  });
  it.each([
    ["420106", true, "武汉市"],
    ["429004", true, "仙桃市"],
    ["422802", true, "恩施土家族苗族自治州"],
    ["100000", false, undefined],
  ])("division %s in Hubei: %s (%s)", (code, inHubei, prefecture) => {
    expect(isHubeiDivisionCode(code)).toBe(inHubei);
    expect(prefectureOf(code)?.nameZh).toBe(prefecture);
  });
});
