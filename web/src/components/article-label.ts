const digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1–99 in Chinese numerals as the measures number their articles: 7 → 七, 14 → 十四, 20 → 二十, 31 → 三十一. */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  if (tens === 0) return digits[ones] ?? "";
  return `${tens === 1 ? "" : digits[tens]}十${digits[ones]}`;
}

/**
 * An article or item ("14", "20.6") as the UI cites it: 第十四条 / 第二十条第（六）项 in Chinese, Art. 14 /
 * Art. 20.6 in English. Anything else is returned as written.
 */
export function articleLabel(article: string, language: "zh" | "en"): string {
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(article.trim());
  if (!match) return article;
  const [, main, item] = match;
  if (language === "en") return `Art. ${article.trim()}`;
  const head = `第${chineseNumeral(Number(main))}条`;
  return item ? `${head}第（${chineseNumeral(Number(item))}）项` : head;
}

/** The anchor of an article or item on /policy: "14" → art-14, "14.2" → art-14-2. */
export function articleAnchor(article: string): string {
  return `art-${article.trim().replace(".", "-")}`;
}

/** The link to an article or item of the measures' text. */
export function articleHref(article: string): string {
  return `/policy#${articleAnchor(article)}`;
}
