import { officeDate } from "../policy/calendar/dates";
import { type Edition, findArticle } from "../policy/measures/editions";

/**
 * How the assistant writes and reads article references: 第十八条第5项 in Chinese (the item numbered as the measures
 * number it, "5."), Art. 18.5 in English; and every reference a text makes, checked against the edition so a
 * passage never cites an article that does not exist.
 */

const digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/** 1–99 in Chinese numerals as articles are numbered: 十八, 二十, 三十一. */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  if (tens === 0) return digits[ones] ?? String(value);
  const head = tens === 1 ? "十" : `${digits[tens]}十`;
  return ones === 0 ? head : `${head}${digits[ones]}`;
}

/** The value of a Chinese numeral up to 99 (十八 → 18), or of ASCII digits; null for anything else. */
export function numeralValue(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const match = /^(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === "") return null;
  const tens = match[2] ? (match[1] ? digits.indexOf(match[1] as (typeof digits)[number]) : 1) : 0;
  const ones = match[3] ? digits.indexOf(match[3] as (typeof digits)[number]) : 0;
  const value = tens * 10 + ones;
  return value > 0 ? value : null;
}

/** An article ("18") or an item ("18.5"). */
export interface ArticleRef {
  article: string;
  item?: string;
}

export function refOf(id: string): ArticleRef {
  const [article = id, item] = id.split(".");
  return item === undefined ? { article } : { article, item };
}

export function idOf(ref: ArticleRef): string {
  return ref.item ? `${ref.article}.${ref.item}` : ref.article;
}

/** 第十八条第5项 / 第十八条. */
export function articleLabelZh(id: string): string {
  const { article, item } = refOf(id);
  const head = `第${chineseNumeral(Number(article))}条`;
  return item ? `${head}第${item}项` : head;
}

/** Art. 18.5 / Art. 18. */
export function articleLabelEn(id: string): string {
  return `Art. ${id}`;
}

const chineseRef =
  /第([一二三四五六七八九十]{1,3}|\d{1,2})条(?:第?[（(]?([一二三四五六七八九十]{1,2}|\d{1,2})[）)]?项)?/g;
const englishRef = /\bArt(?:icles?|s?\.)\s*((?:\d{1,2}(?:\.\d{1,2})?(?:\s*(?:,|and|&)\s*)?)+)/g;

/**
 * Every article or item a text refers to, in order of first mention, kept only when the edition has it: Chinese
 * (第十八条第5项, 第二十条第（七）项, 第7条) and English (Art. 18.5, Arts. 20, 24 and 7.2).
 */
export function articleRefsIn(text: string, edition: Edition): string[] {
  const found: { at: number; id: string }[] = [];
  for (const match of text.matchAll(chineseRef)) {
    const article = numeralValue(match[1] ?? "");
    const item = match[2] === undefined ? null : numeralValue(match[2]);
    if (article === null) continue;
    found.push({ at: match.index, id: item === null ? String(article) : `${article}.${item}` });
  }
  for (const match of text.matchAll(englishRef)) {
    for (const number of (match[1] ?? "").match(/\d{1,2}(?:\.\d{1,2})?/g) ?? []) {
      found.push({ at: match.index, id: number });
    }
  }
  const ids: string[] = [];
  for (const { id } of found.sort((a, b) => a.at - b.at)) {
    if (!ids.includes(id) && findArticle(id, edition)) ids.push(id);
  }
  return ids;
}

/** The text as compared: NFKC (full-width letters and digits become ASCII), lower case, no spaces inside Chinese. */
export function normalizeQuestion(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Every article reference a text makes, whether or not the edition has it (第四十条 included): what a check for
 * invented article numbers reads.
 */
export function mentionedArticles(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(chineseRef)) {
    const article = numeralValue(match[1] ?? "");
    const item = match[2] === undefined ? null : numeralValue(match[2]);
    if (article !== null) ids.push(item === null ? String(article) : `${article}.${item}`);
  }
  for (const match of text.matchAll(englishRef))
    for (const number of (match[1] ?? "").match(/\d{1,2}(?:\.\d{1,2})?/g) ?? []) ids.push(number);
  return [...new Set(ids)];
}

/** Chinese text writes dates as offices do (2026-06-15 → 2026年6月15日); values for programs stay ISO. */
export function withOfficeDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => officeDate(date));
}
