/**
 * Why an expert was left out of a draw (SPEC §5.1 step 5), in both languages. Filters (status, field, title)
 * narrow the pool; exclusions (回避) remove a candidate who would otherwise qualify, each with the facts it used.
 */
export const filterRules = ["status", "field", "title"] as const;
export type FilterRule = (typeof filterRules)[number];

export const exclusionRules = [
  "director", // the expert is the base's director
  "same-unit", // same unit as the host unit
  "director-unit", // same unit as the director's employer
  "declared-avoidance", // the applicant declared an avoidance of this expert, person or unit
  "collaboration", // declared collaboration within N years
  "draw-limit", // already drawn K times this year
  "pinned", // an officer pinned the exclusion, with a reason
] as const;
export type ExclusionRule = (typeof exclusionRules)[number];

export type DrawRule = FilterRule | ExclusionRule;

export const ruleLabels: Record<DrawRule, { zh: string; en: string }> = {
  status: { zh: "专家状态不在可抽取范围", en: "Expert status not drawable" },
  field: { zh: "领域不匹配", en: "Field does not match" },
  title: { zh: "职称不符合要求", en: "Title not allowed" },
  director: { zh: "本人为基地负责人", en: "Is the base's director" },
  "same-unit": { zh: "与申报单位为同一单位", en: "Same unit as the host unit" },
  "director-unit": { zh: "与基地负责人为同一单位", en: "Same unit as the director" },
  "declared-avoidance": { zh: "申报单位申请回避", en: "Avoidance declared by the applicant" },
  collaboration: { zh: "近年存在合作关系", en: "Collaborated within the window" },
  "draw-limit": { zh: "本年度抽取次数已达上限", en: "Drawn the maximum times this year" },
  pinned: { zh: "处室指定回避", en: "Excluded by an officer" },
};

/** One sentence per exclusion, naming the facts it looked at. */
export function exclusionReason(
  rule: ExclusionRule,
  facts: Record<string, string | number | null>,
): { reasonZh: string; reasonEn: string } {
  const f = (key: string) => String(facts[key] ?? "");
  switch (rule) {
    case "director":
      return {
        reasonZh: "该专家本人即为申报基地负责人，须回避。",
        reasonEn: "The expert is the applicant base's director and must recuse.",
      };
    case "same-unit":
      return {
        reasonZh: `专家所在单位“${f("expertUnit")}”与申报单位“${f("targetUnit")}”相同（按${f("comparedBy") === "id" ? "单位编号" : "单位名称"}比对）。`,
        reasonEn: `The expert's unit "${f("expertUnit")}" is the host unit "${f("targetUnit")}" (compared by ${f("comparedBy")}).`,
      };
    case "director-unit":
      return {
        reasonZh: `专家所在单位“${f("expertUnit")}”与基地负责人所在单位相同。`,
        reasonEn: `The expert's unit "${f("expertUnit")}" is the director's unit.`,
      };
    case "declared-avoidance":
      return {
        reasonZh: `申报单位申请回避（${f("matchedBy")}）：${f("reason")}`,
        reasonEn: `The applicant declared an avoidance (by ${f("matchedBy")}): ${f("reason")}`,
      };
    case "collaboration":
      return {
        reasonZh: `${f("year")}年与申报方存在合作，在${f("windowYears")}年回避期内（基准年${f("referenceYear")}）。`,
        reasonEn: `Collaborated with the applicant in ${f("year")}, within ${f("windowYears")} years of ${f("referenceYear")}.`,
      };
    case "draw-limit":
      return {
        reasonZh: `本年度已被抽取${f("drawsThisYear")}次，达到上限${f("maxDrawsPerYear")}次。`,
        reasonEn: `Already drawn ${f("drawsThisYear")} times this year; the limit is ${f("maxDrawsPerYear")}.`,
      };
    case "pinned":
      return { reasonZh: `处室指定回避：${f("reason")}`, reasonEn: `Excluded by an officer: ${f("reason")}` };
  }
}
