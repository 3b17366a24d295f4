/** Hubei's 17 prefecture-level divisions (GB/T 2260); each S&T bureau is a recommending department (Art. 17). */
export const hubeiDivisions = [
  { code: "420100", nameZh: "武汉市", nameEn: "Wuhan" },
  { code: "420200", nameZh: "黄石市", nameEn: "Huangshi" },
  { code: "420300", nameZh: "十堰市", nameEn: "Shiyan" },
  { code: "420500", nameZh: "宜昌市", nameEn: "Yichang" },
  { code: "420600", nameZh: "襄阳市", nameEn: "Xiangyang" },
  { code: "420700", nameZh: "鄂州市", nameEn: "Ezhou" },
  { code: "420800", nameZh: "荆门市", nameEn: "Jingmen" },
  { code: "420900", nameZh: "孝感市", nameEn: "Xiaogan" },
  { code: "421000", nameZh: "荆州市", nameEn: "Jingzhou" },
  { code: "421100", nameZh: "黄冈市", nameEn: "Huanggang" },
  { code: "421200", nameZh: "咸宁市", nameEn: "Xianning" },
  { code: "421300", nameZh: "随州市", nameEn: "Suizhou" },
  { code: "422800", nameZh: "恩施土家族苗族自治州", nameEn: "Enshi Tujia and Miao Autonomous Prefecture" },
  { code: "429004", nameZh: "仙桃市", nameEn: "Xiantao" },
  { code: "429005", nameZh: "潜江市", nameEn: "Qianjiang" },
  { code: "429006", nameZh: "天门市", nameEn: "Tianmen" },
  { code: "429021", nameZh: "神农架林区", nameEn: "Shennongjia Forestry District" },
] as const;

export type HubeiDivision = (typeof hubeiDivisions)[number];

/** Art. 7.1: registered in Hubei is judged by the registration address's division code (42xxxx). */
export function isHubeiDivisionCode(code: string): boolean {
  return /^42\d{4}$/.test(code);
}

/** The prefecture a county-level code belongs to (420106 武昌区 → 420100 武汉市); direct-administered cities keep theirs. */
export function prefectureOf(code: string): HubeiDivision | undefined {
  const exact = hubeiDivisions.find((division) => division.code === code);
  if (exact) return exact;
  return hubeiDivisions.find(
    (division) => !division.code.startsWith("429") && division.code.slice(0, 4) === code.slice(0, 4),
  );
}
