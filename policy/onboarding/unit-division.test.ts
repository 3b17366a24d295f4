import { describe, expect, it } from "vitest";
import { hubeiCountyDivisions, hubeiDivisions, isKnownDivisionCode } from "../reference/divisions";
import { checkUnitDivision, type RecommenderTerritory, recommenderCoversDivision } from "./unit-division";

const bureau = (code: string): RecommenderTerritory => ({
  kind: "division",
  divisionCode: code,
  nameZh: `${code}科学技术局`,
  nameEn: `${code} S&T Bureau`,
});
const yichang = bureau("420500");
const xiantao = bureau("429004");
const donghuZone: RecommenderTerritory = { ...bureau("420100"), kind: "sub" };
const yilingDistrict: RecommenderTerritory = { ...bureau("420506"), kind: "sub" };
const directUniversity: RecommenderTerritory = { ...bureau("420100"), kind: "direct" };
const noDivision: RecommenderTerritory = { ...bureau("420500"), divisionCode: null };

describe("known division codes (GB/T 2260, Hubei)", () => {
  it.each([
    ["420500", true], // 宜昌市 itself
    ["420506", true], // 夷陵区
    ["420583", true], // 枝江市
    ["429021", true], // 神农架林区
    ["421071", true], // 荆州经济技术开发区 (statistical code)
    ["420599", false], // the right prefix, no such county
    ["999999", false],
    ["110101", false], // 北京市东城区: real, but not Hubei
    ["42050", false],
    ["", false],
  ])("%s → %s", (code, known) => {
    expect(isKnownDivisionCode(code)).toBe(known);
  });

  it("every county-level code lies under one of the 17 prefectures, and no code is listed twice", () => {
    const prefixes = new Set(hubeiDivisions.map((division) => division.code.slice(0, 4)));
    for (const county of hubeiCountyDivisions) expect(prefixes.has(county.code.slice(0, 4))).toBe(true);
    const codes = [...hubeiDivisions, ...hubeiCountyDivisions].map((division) => division.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("a recommender's territory (Art. 17)", () => {
  it.each([
    ["宜昌 bureau, 宜昌 itself", yichang, "420500", true],
    ["宜昌 bureau, 西陵区", yichang, "420502", true],
    ["宜昌 bureau, 宜都市", yichang, "420581", true],
    ["宜昌 bureau, 武昌区", yichang, "420106", false],
    ["宜昌 bureau, 北京东城区", yichang, "110101", false],
    ["宜昌 bureau, unknown 4205xx", yichang, "420599", false],
    ["仙桃 (directly administered), 仙桃", xiantao, "429004", true],
    ["仙桃 (directly administered), 潜江", xiantao, "429005", false],
    ["东湖 zone standing for 武汉, 洪山区", donghuZone, "420111", true],
    ["东湖 zone standing for 武汉, 宜昌", donghuZone, "420500", false],
    ["夷陵区 recommender, 夷陵区", yilingDistrict, "420506", true],
    ["夷陵区 recommender, 西陵区", yilingDistrict, "420502", false],
    ["direct recommender, 恩施市", directUniversity, "422801", true],
    ["direct recommender, 北京东城区", directUniversity, "110101", false],
    ["recommender without a division", noDivision, "420500", false],
  ])("%s", (_name, recommender, code, covered) => {
    expect(recommenderCoversDivision(recommender, code)).toBe(covered);
  });
});

describe("checkUnitDivision", () => {
  it("accepts a 宜昌 county under the 宜昌 bureau", () => {
    expect(checkUnitDivision({ divisionCode: "420506", recommender: yichang })).toBeNull();
  });

  it("refuses an unknown code on the division field, citing GB/T 2260 (Art. 7.1)", () => {
    for (const divisionCode of ["999999", "110101"]) {
      const refusal = checkUnitDivision({ divisionCode, recommender: directUniversity });
      expect(refusal).toMatchObject({ code: "unknown-division", article: "7.1", path: "divisionCode" });
      expect(refusal?.messageZh).toContain(divisionCode);
      expect(refusal?.messageEn).toContain(divisionCode);
    }
  });

  it("refuses another prefecture's code under the 宜昌 bureau (Art. 17), on the field the save changed", () => {
    const refusal = checkUnitDivision({ divisionCode: "420106", recommender: yichang });
    expect(refusal).toMatchObject({ code: "division-outside-jurisdiction", article: "17", path: "divisionCode" });
    expect(refusal?.messageZh).toContain("武汉市");
    expect(refusal?.messageZh).toContain(yichang.nameZh);
    expect(checkUnitDivision({ divisionCode: "420106", recommender: yichang, faultAt: "recommenderId" })?.path).toBe(
      "recommenderId",
    );
  });
});
