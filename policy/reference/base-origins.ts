/**
 * Where a base in the registry comes from (bases.origin) and the edition of the measures it was recognized under
 * (bases.edition). Only `provincial-2025` bases were recognized on this platform (Art. 14.3); the others were
 * imported from the existing registry: bases of the 2016 and 2022 measures, and MOST international bases in Hubei,
 * which the province manages (Art. 21).
 */
export const baseOrigins = [
  {
    code: "provincial-2025",
    nameZh: "本平台认定",
    nameEn: "Recognized on this platform",
    recognizedHere: true,
  },
  {
    code: "provincial-2022",
    nameZh: "既有名录导入（2022年办法认定）",
    nameEn: "Imported (recognized under the 2022 measures)",
    recognizedHere: false,
  },
  {
    code: "provincial-2016",
    nameZh: "既有名录导入（2016年办法认定）",
    nameEn: "Imported (recognized under the 2016 measures)",
    recognizedHere: false,
  },
  {
    code: "most-international",
    nameZh: "既有名录导入（科技部国际科技合作基地）",
    nameEn: "Imported (MOST international base)",
    recognizedHere: false,
  },
] as const;

export type BaseOrigin = (typeof baseOrigins)[number]["code"];

/** The editions a base may have been recognized under (interpretations.md: imported bases keep theirs). */
export const baseEditions = [
  { code: "2025", nameZh: "2025年办法（鄂科技规〔2025〕6号）", nameEn: "2025 measures (鄂科技规〔2025〕6号)" },
  { code: "2022", nameZh: "2022年办法（鄂科技规〔2022〕6号）", nameEn: "2022 measures (鄂科技规〔2022〕6号)" },
  { code: "2016", nameZh: "2016年办法", nameEn: "2016 measures" },
  { code: "national", nameZh: "国家级基地管理规定", nameEn: "National rules" },
] as const;

/** An origin's entry; an unknown code counts as imported, labelled as itself. */
export function baseOriginOf(code: string): { code: string; nameZh: string; nameEn: string; recognizedHere: boolean } {
  return (
    baseOrigins.find((origin) => origin.code === code) ?? { code, nameZh: code, nameEn: code, recognizedHere: false }
  );
}

/** An edition's labels; an unknown code is labelled as itself. */
export function baseEditionOf(code: string): { code: string; nameZh: string; nameEn: string } {
  return baseEditions.find((edition) => edition.code === code) ?? { code, nameZh: code, nameEn: code };
}

/**
 * The series a base belongs to (Art. 21, 23): MOST international bases in Hubei are managed in the provincial system
 * as 部省国合基地; every other base is a 省国合基地.
 */
export function baseSeriesOf(origin: string): { zh: string; en: string; isMostBase: boolean } {
  return origin === "most-international"
    ? {
        zh: "部省国合基地（科技部国际科技合作基地）",
        en: "Ministry–province base (MOST international S&T cooperation base)",
        isMostBase: true,
      }
    : { zh: "省国合基地", en: "Provincial international S&T cooperation base", isMostBase: false };
}
