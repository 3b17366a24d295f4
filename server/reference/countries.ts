import { createRequire } from "node:module";
import { and, gt, isNull, lte, or } from "drizzle-orm";
import countries from "i18n-iso-countries";
import type { Executor } from "../db/client";
import { beltAndRoad } from "../db/schema";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/zh.json"));
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));

/** Hong Kong, Macao and Taiwan are regions of China, shown as the measures and official documents name them (Art. 30). */
const chineseRegions: Record<string, { nameZh: string; nameEn: string }> = {
  HK: { nameZh: "中国香港", nameEn: "Hong Kong, China" },
  MO: { nameZh: "中国澳门", nameEn: "Macao, China" },
  TW: { nameZh: "中国台湾", nameEn: "Taiwan, China" },
};

export interface Country {
  code: string;
  nameZh: string;
  nameEn: string;
  isChineseRegion: boolean;
}

/** ISO 3166-1 partners, Chinese and English names, China itself left out (a partner is abroad or HK/MO/TW). */
export const countryList: Country[] = Object.keys(countries.getAlpha2Codes())
  .filter((code) => code !== "CN")
  .map((code) => {
    const region = chineseRegions[code];
    return {
      code,
      nameZh: region?.nameZh ?? countries.getName(code, "zh") ?? code,
      nameEn: region?.nameEn ?? countries.getName(code, "en") ?? code,
      isChineseRegion: Boolean(region),
    };
  })
  .sort((a, b) => a.nameZh.localeCompare(b.nameZh, "zh-CN"));

/** A partner's names by ISO code; an unknown code is named as itself. */
export function countryNameOf(code: string): { code: string; nameZh: string; nameEn: string } {
  const found = countryList.find((country) => country.code === code);
  return { code, nameZh: found?.nameZh ?? code, nameEn: found?.nameEn ?? code };
}

/** Countries flagged 一带一路 on `date` (YYYY-MM-DD). */
export async function beltAndRoadOn(executor: Executor, date: string): Promise<Set<string>> {
  const rows = await executor
    .select({ country: beltAndRoad.country })
    .from(beltAndRoad)
    .where(and(lte(beltAndRoad.since, date), or(isNull(beltAndRoad.until), gt(beltAndRoad.until, date))));
  return new Set(rows.map((row) => row.country));
}
