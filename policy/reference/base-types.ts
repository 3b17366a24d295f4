/** The three base types of Art. 6; the short label is what the standard name carries (Art. 29–30). */
export const baseTypes = [
  { code: "joint-research", nameZh: "联合研究类", shortZh: "联合研究", nameEn: "Joint research" },
  { code: "technology-transfer", nameZh: "技术转移类", shortZh: "技术转移", nameEn: "Technology transfer" },
  { code: "characteristic", nameZh: "特色类", shortZh: "特色", nameEn: "Characteristic" },
] as const;

export type BaseType = (typeof baseTypes)[number]["code"];
export const baseTypeCodes = baseTypes.map((t) => t.code) as [BaseType, ...BaseType[]];

export function baseTypeOf(code: BaseType): (typeof baseTypes)[number] {
  return baseTypes.find((t) => t.code === code) ?? baseTypes[0];
}
