/** Art. 27: the kinds of alliance the measures name — regional, industry, field, academic. One list, zh and en. */
export const allianceKinds = [
  { code: "regional", nameZh: "区域性联盟", nameEn: "Regional alliance" },
  { code: "industry", nameZh: "产业性联盟", nameEn: "Industry alliance" },
  { code: "field", nameZh: "领域性联盟", nameEn: "Field alliance" },
  { code: "academic", nameZh: "学术性联盟", nameEn: "Academic alliance" },
] as const;

export type AllianceKind = (typeof allianceKinds)[number]["code"];
export const allianceKindCodes = allianceKinds.map((kind) => kind.code) as [AllianceKind, ...AllianceKind[]];

/** A kind's labels; an unknown code is labelled as itself. */
export function allianceKindOf(code: string): { code: string; nameZh: string; nameEn: string } {
  return allianceKinds.find((kind) => kind.code === code) ?? { code, nameZh: code, nameEn: code };
}
