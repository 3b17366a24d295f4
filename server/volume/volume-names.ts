import { usccCheckDigit } from "../../policy/uscc";

/**
 * Names and numbers of generated rows, each from a running number `n` that never repeats across runs (the counters
 * in app_meta), so a second run cannot meet a unique index: credit codes, identity numbers and unit names all carry it.
 */

const surnames = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"];
const givenNames =
  "伟 芳 娜 敏 静 磊 洋 勇 艳 杰 军 涛 明 超 秀英 华 平 刚 桂英 建国 志强 晓东 海燕 文博 思远 子涵 宇航 欣怡 浩然 雨桐".split(
    " ",
  );
const brandWords = "光谷 长江 楚天 江汉 荆楚 东湖 汉江 华中 九州 中南 天元 鸿图 凌云 博睿 启明 星辰".split(" ");
const industries = ["新材料", "生物医药", "智能装备", "光电", "新能源", "芯片", "激光", "信息技术", "汽车电子", "环保"];

/** Unit types in the share a province's host units have them; the suffix is how such a unit is named. */
export const unitKinds = [
  { type: "enterprise", share: 70, suffix: "科技有限公司", usccPrefix: "91" },
  { type: "research-institute", share: 15, suffix: "研究院", usccPrefix: "12" },
  { type: "new-rd-institution", share: 10, suffix: "创新研究院有限公司", usccPrefix: "91" },
  { type: "university", share: 5, suffix: "学院", usccPrefix: "12" },
] as const;

export type UnitKind = (typeof unitKinds)[number];

const kindSlots: UnitKind[] = unitKinds.flatMap((kind) => Array.from({ length: kind.share }, () => kind));

/** The kind of the n-th generated unit: the shares above, mixed so neighbours differ. */
export function unitKindOf(n: number): UnitKind {
  return kindSlots[(n * 37) % kindSlots.length]!;
}

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length]!;

/** "武汉光谷新材料科技有限公司（12）": city, brand, industry, the kind's suffix and the running number. */
export function unitName(n: number, city: string, kind: UnitKind): string {
  const industry = kind.type === "university" ? "理工" : pick(industries, Math.floor(n / 16));
  return `${city}${pick(brandWords, n)}${industry}${kind.suffix}（${n}）`;
}

/** The short name a unit carries: 武汉市 → 武汉, 恩施土家族苗族自治州 → 恩施, 神农架林区 → 神农架. */
export function cityOf(divisionNameZh: string): string {
  if (divisionNameZh.startsWith("恩施")) return "恩施";
  return divisionNameZh.replace(/(林区|市|州)$/, "");
}

/** A valid 统一社会信用代码: the kind's registration prefix, the division, "MY" and the running number, check digit. */
export function unitUscc(n: number, divisionCode: string, kind: UnitKind): string {
  const first17 = `${kind.usccPrefix}${divisionCode}MY${String(n).padStart(7, "0")}`;
  return first17 + usccCheckDigit(first17);
}

/** A person's name; repeats are expected (as in any province), the person's id tells them apart. */
export function personName(n: number): string {
  return pick(surnames, n) + pick(givenNames, Math.floor(n / surnames.length));
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckCharacters = "10X98765432";

/**
 * A well-formed resident identity number (GB 11643) unique to `n`: born 1955 onwards, one day per 500 people, with
 * sequence numbers 500–999 (the demo's people use lower ones).
 */
export function identityNumber(n: number, divisionCode: string): string {
  const born = new Date(Date.UTC(1955, 0, 1) + Math.floor(n / 500) * 86_400_000);
  const first17 = `${divisionCode}${born.toISOString().slice(0, 10).replaceAll("-", "")}${500 + (n % 500)}`;
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * idWeights[index]!, 0);
  return first17 + idCheckCharacters[sum % 11];
}

/** A mobile number unique to `n` (the demo's are 139…). */
export function phoneNumber(n: number): string {
  return `158${String(n % 100_000_000).padStart(8, "0")}`;
}
