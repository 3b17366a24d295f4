/**
 * Hong Kong, Macao and Taiwan: regions of China, not foreign countries. Cooperation with them follows Art. 30;
 * the standard name carries the short label in brackets, the UI the long one.
 */
export const regions = [
  { code: "HK", shortZh: "香港", nameZh: "中国香港", nameEn: "Hong Kong, China" },
  { code: "MO", shortZh: "澳门", nameZh: "中国澳门", nameEn: "Macao, China" },
  { code: "TW", shortZh: "台湾", nameZh: "中国台湾", nameEn: "Taiwan, China" },
] as const;

export type Region = (typeof regions)[number]["code"];
export const regionCodes = regions.map((r) => r.code) as [Region, ...Region[]];

export function regionOf(code: Region): (typeof regions)[number] {
  return regions.find((r) => r.code === code) ?? regions[0];
}
