/** Professional titles (职称) as offices record them; Art. 12.2 needs 正高级 for joint-research directors. */
export const titles = [
  { code: "senior", nameZh: "正高级", nameEn: "Full senior" },
  { code: "associate-senior", nameZh: "副高级", nameEn: "Associate senior" },
  { code: "intermediate", nameZh: "中级", nameEn: "Intermediate" },
  { code: "junior", nameZh: "初级", nameEn: "Junior" },
  { code: "other", nameZh: "其他", nameEn: "Other" },
] as const;

export type Title = (typeof titles)[number]["code"];
export const titleCodes = titles.map((t) => t.code) as [Title, ...Title[]];
