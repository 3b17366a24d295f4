/** Project levels; "省级及以上" (Art. 8.1, 10.1) means national, ministerial or provincial. */
export const projectLevels = ["national", "ministerial", "provincial", "municipal", "other"] as const;
export type ProjectLevel = (typeof projectLevels)[number];
export const provincialOrHigher: readonly ProjectLevel[] = ["national", "ministerial", "provincial"];

/** National platforms that in principle do not apply again provincially (Art. 7.6) and exit on upgrade (Art. 21). */
export const nationalPlatformKinds = [
  {
    code: "bri-joint-laboratory",
    nameZh: "国家级“一带一路”联合实验室",
    nameEn: "National Belt and Road joint laboratory",
  },
  {
    code: "most-international-base",
    nameZh: "科技部国际科技合作基地",
    nameEn: "MOST international S&T cooperation base",
  },
] as const;
export type NationalPlatformKind = (typeof nationalPlatformKinds)[number]["code"];
export const nationalPlatformKindCodes = nationalPlatformKinds.map((k) => k.code) as [
  NationalPlatformKind,
  ...NationalPlatformKind[],
];

/** Records that bar a unit or director for 3 years (Art. 7.1, 12.1): 不良信用 and 不良科研诚信. */
export const creditRecordKinds = ["bad-credit", "research-misconduct"] as const;
export type CreditRecordKind = (typeof creditRecordKinds)[number];
