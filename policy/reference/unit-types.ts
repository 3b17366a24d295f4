/** Host unit types named in Art. 2. */
export const unitTypes = [
  { code: "university", nameZh: "高等学校", nameEn: "University" },
  { code: "research-institute", nameZh: "科研机构", nameEn: "Research institute" },
  { code: "enterprise", nameZh: "科技型企业", nameEn: "Technology enterprise" },
  { code: "science-park", nameZh: "科技园区", nameEn: "Science park" },
  { code: "hospital", nameZh: "医疗机构", nameEn: "Medical institution" },
  { code: "new-rd-institution", nameZh: "新型研发机构", nameEn: "New R&D institution" },
  { code: "intermediary", nameZh: "科技中介组织（服务机构）", nameEn: "S&T intermediary (service agency)" },
] as const;

export type UnitType = (typeof unitTypes)[number]["code"];
export const unitTypeCodes = unitTypes.map((t) => t.code) as [UnitType, ...UnitType[]];
