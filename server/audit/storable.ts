/**
 * What an audit entry's text can be so that the database stores exactly what was MAC'd. PostgreSQL keeps UTF-8: a
 * lone UTF-16 surrogate cannot be encoded (the drivers write U+FFFD instead, jsonb refuses its escape) and NUL is
 * refused in text and jsonb alike. An entry is therefore made storable before its MAC is computed, whatever a caller
 * passes: every string, and every key and string deep inside `changes`, has its lone surrogates replaced by U+FFFD
 * and its NULs by U+2400 (␀, the visible symbol for NUL). Nothing else changes; in particular no Unicode
 * normalisation (NFC) is applied, so the stored text is the text given. Entries written before this existed are
 * verified over what is stored, so they are not affected.
 */

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const replacementCharacter = "\ufffd";
export const nulSymbol = "\u2400";

/** The text as the database will store it: lone surrogates → U+FFFD, NUL → U+2400 (␀). */
export function storableText(text: string): string {
  return text.replace(loneSurrogate, replacementCharacter).replaceAll("\u0000", nulSymbol);
}

export function storableNullableText(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : storableText(String(text));
}

/**
 * A JSON value as jsonb will store it and give it back: first through JSON (Dates become ISO strings, `undefined`
 * members drop out, non-finite numbers become null), then every string and object key made storable. Objects are
 * rebuilt with own data properties only (a `__proto__` key stays a key).
 */
export function storableJson(value: unknown): unknown {
  if (value === undefined) return null;
  return storableValue(JSON.parse(JSON.stringify(value)));
}

function storableValue(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (Array.isArray(value)) return value.map(storableValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), storableValue(item)]));
  }
  return value;
}
