/** The two UI languages: Chinese is the default (SPEC §6), English is a switch. */
export type Language = "zh" | "en";

/**
 * One group of UI strings in both languages. The English table must have exactly the Chinese table's keys, so a
 * string cannot be added in one language and forgotten in the other.
 */
export function messages<const Zh extends Record<string, string>>(zh: Zh, en: Record<keyof Zh, string>) {
  return { zh, en };
}
