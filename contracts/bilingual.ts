/**
 * A zod custom message in both languages. zod carries one string per issue; the server's error formatter splits
 * it back into messageZh and messageEn.
 */
export const bilingualSeparator = "||";

export function bilingual(zh: string, en: string): string {
  return `${zh}${bilingualSeparator}${en}`;
}
