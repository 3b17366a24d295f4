import type { IsoDate } from "../calendar/dates";
import { validityEnd } from "../calendar/deadlines";
import { type Article, articles2025 } from "./articles-2025";

/**
 * Editions of the measures, side by side. Rules belong to an edition; every result names the edition it
 * applied (SPEC §5.2, Art. 31). The next edition is added here as a second entry, never by editing 2025.
 */
export interface Edition {
  id: string;
  documentNumber: string;
  titleZh: string;
  issuedOn: IsoDate;
  /** Art. 31: 自发布之日起施行. */
  effectiveFrom: IsoDate;
  /** Art. 31: valid 5 years — the last day it applies. */
  validUntil: IsoDate;
  replaces: string;
  articles: readonly Article[];
}

export const edition2025: Edition = {
  id: "2025",
  documentNumber: "鄂科技规〔2025〕6号",
  titleZh: "湖北省国际科技合作基地管理办法",
  issuedOn: "2025-10-26",
  effectiveFrom: "2025-10-26",
  validUntil: validityEnd("2025-10-26"),
  replaces: "鄂科技规〔2022〕6号",
  articles: articles2025,
};

export const editions = [edition2025] as const;
export type EditionId = (typeof editions)[number]["id"];

/**
 * The edition that applies on a date: the one in force; before the first edition took effect, the first;
 * after the last lapsed, the last (the result still names it, and `inForce` says it had lapsed).
 */
export function editionFor(date: IsoDate, list: readonly Edition[] = editions): { edition: Edition; inForce: boolean } {
  // The list is data in issuing order; a later edition replaces an earlier one from its own effective date.
  const inForce = list.findLast((edition) => edition.effectiveFrom <= date && date <= edition.validUntil);
  if (inForce) return { edition: inForce, inForce: true };
  const earlier = list.filter((edition) => edition.effectiveFrom <= date);
  return { edition: earlier.at(-1) ?? list[0] ?? edition2025, inForce: false };
}

export function editionById(id: string): Edition | undefined {
  return editions.find((edition) => edition.id === id);
}

/** An article or item ("7", "7.2", "20.6") of an edition. */
export function findArticle(
  id: string,
  edition: Edition = edition2025,
): { article: Article; itemTextZh?: string } | undefined {
  const [articleId, itemId] = id.split(".");
  const article = edition.articles.find((candidate) => candidate.id === articleId);
  if (!article) return undefined;
  if (itemId === undefined) return { article };
  const item = article.items.find((candidate) => candidate.id === id);
  return item ? { article, itemTextZh: item.textZh } : undefined;
}
