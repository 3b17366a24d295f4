import { hubeiDivisions, isKnownDivisionCode, prefectureOf } from "../reference/divisions";
import type { Refusal } from "../refusal";

/** What decides a recommender's territory: its kind (Art. 17) and the division it stands for (recommenders table). */
export interface RecommenderTerritory {
  kind: "division" | "direct" | "sub";
  divisionCode: string | null;
  nameZh: string;
  nameEn: string;
}

/**
 * Art. 17: whether a unit registered in `divisionCode` lies in the recommender's territory. A 市州 S&T bureau (and a
 * district or zone below it that stands for the whole prefecture) covers its prefecture (宜昌 420500 → 4205xx); a
 * recommender that stands for one county-level division covers that division; a direct recommender (省属高校、科研
 * 机构、驻鄂央企) recommends directly to the province, so it covers the whole province. A recommender without a
 * division covers nothing (deny by default). Unknown codes are covered by no one.
 */
export function recommenderCoversDivision(recommender: RecommenderTerritory, divisionCode: string): boolean {
  if (!isKnownDivisionCode(divisionCode)) return false;
  if (recommender.kind === "direct") return true;
  const own = recommender.divisionCode;
  if (own === null) return false;
  if (own === divisionCode) return true;
  const isPrefecture = hubeiDivisions.some((division) => division.code === own);
  return isPrefecture && prefectureOf(divisionCode)?.code === own;
}

/**
 * A unit's registration division (Art. 7.1, GB/T 2260) checked against the platform's reference data and its chosen
 * recommender's territory (Art. 17); null when both hold. `faultAt` names the field a save changed (the division by
 * default; the recommender when only it changed).
 */
export function checkUnitDivision(options: {
  divisionCode: string;
  recommender: RecommenderTerritory;
  faultAt?: "divisionCode" | "recommenderId";
}): Refusal | null {
  const { divisionCode, recommender, faultAt = "divisionCode" } = options;
  if (!isKnownDivisionCode(divisionCode)) {
    return {
      code: "unknown-division",
      article: "7.1",
      path: "divisionCode",
      messageZh: `行政区划代码 ${divisionCode} 不是湖北省的行政区划代码（GB/T 2260），请选择单位注册地所在的市州或县（市、区）。`,
      messageEn: `${divisionCode} is not a Hubei division code (GB/T 2260); choose the prefecture or county where the unit is registered.`,
    };
  }
  if (recommenderCoversDivision(recommender, divisionCode)) return null;
  const prefecture = prefectureOf(divisionCode);
  const whereZh = prefecture ? `（${prefecture.nameZh}）` : "";
  const whereEn = prefecture ? ` (${prefecture.nameEn})` : "";
  return {
    code: "division-outside-jurisdiction",
    article: "17",
    path: faultAt,
    messageZh: `行政区划代码 ${divisionCode}${whereZh}不在推荐部门“${recommender.nameZh}”的辖区内，请选择单位注册地所在地区的推荐部门。`,
    messageEn: `Division ${divisionCode}${whereEn} is outside the territory of ${recommender.nameEn}; choose the recommender of the unit's own area.`,
  };
}
