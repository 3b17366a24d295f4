import { mentionedArticles } from "./text";

/**
 * Whether a text cites only what was retrieved: every article or item it names (第十八条第5项, Art. 18.5) is among
 * `retrieved`, or — for an article named whole — one of its items is. What a language model's rephrasing must pass
 * before it replaces the grounded answer (issue 14 item 5).
 */
export function citesOnlyRetrieved(text: string, retrieved: readonly string[]): { ok: boolean; unknown: string[] } {
  const allowed = new Set(retrieved);
  const unknown = mentionedArticles(text).filter(
    (id) => !allowed.has(id) && (id.includes(".") || ![...allowed].some((entry) => entry.startsWith(`${id}.`))),
  );
  return { ok: unknown.length === 0, unknown };
}
