import { z } from "zod";

/**
 * Text at the eligibility input's edge: normalised once, here, so that no rule compares strings that look the same
 * but differ (a zero-width space inside 人工智能, a full-width ＡＴ) and no rule sees a control character.
 *
 * - Invisible characters (zero-width space and joiners, word joiner, byte-order mark, soft hyphen, bidi controls,
 *   Hangul fillers) are removed everywhere; white space is trimmed at both ends.
 * - Control characters inside the text (U+0000–U+001F, U+007F–U+009F; prose may contain tab, line feed and carriage
 *   return) and unpaired surrogates are refused with a field error, never silently removed.
 * - Text is NFC-normalised (canonical equivalence only: full-width brackets in names stay as typed); codes (country
 *   codes, USCC, division codes, dates, identifiers) are NFKC-normalised (ＡＴ → AT, ２０２６ → 2026) and country codes
 *   and USCCs upper-cased.
 */

/** Code points that render as nothing yet make two strings differ. */
const invisibleRanges: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c], // Arabic letter mark
  [0x115f, 0x1160], // Hangul choseong and jungseong fillers
  [0x17b4, 0x17b5], // Khmer inherent vowels
  [0x180e, 0x180e], // Mongolian vowel separator
  [0x200b, 0x200f], // zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x2064], // word joiner, invisible operators
  [0x2066, 0x206f], // bidi isolates, deprecated format characters
  [0x3164, 0x3164], // Hangul filler
  [0xfeff, 0xfeff], // byte-order mark (zero-width no-break space)
  [0xffa0, 0xffa0], // half-width Hangul filler
];

export function isInvisibleCharacter(codePoint: number): boolean {
  return invisibleRanges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** C0 and C1 controls and DEL; prose may contain tab, line feed and carriage return, a line neither. */
export function isControlCharacter(codePoint: number, prose = false): boolean {
  if (prose && (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d)) return false;
  if (!prose && (codePoint === 0x2028 || codePoint === 0x2029)) return true; // line and paragraph separators
  return codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/** The string without its invisible characters. */
export function withoutInvisibleCharacters(value: string): string {
  let out = "";
  for (const character of value) if (!isInvisibleCharacter(character.codePointAt(0)!)) out += character;
  return out;
}

/** Names, fields, free text: NFC, invisible characters removed, trimmed. */
export function normalizeText(value: string): string {
  return withoutInvisibleCharacters(value.normalize("NFC")).trim();
}

/** Identifiers and dates: NFKC (full-width digits and letters become ASCII), invisible characters removed, trimmed. */
export function normalizeIdentifier(value: string): string {
  return withoutInvisibleCharacters(value).normalize("NFKC").trim();
}

/** Codes compared case-insensitively (country codes, USCC): as an identifier, upper-cased. */
export function normalizeCode(value: string): string {
  return normalizeIdentifier(value).toUpperCase();
}

/** The first character the input refuses, with its 1-based position: a control character or an unpaired surrogate. */
export function forbiddenCharacter(
  value: string,
  prose = false,
): { position: number; codePoint: number; kind: "control" | "surrogate" } | null {
  let position = 0;
  for (const character of value) {
    position += 1;
    const codePoint = character.codePointAt(0)!;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return { position, codePoint, kind: "surrogate" };
    if (isControlCharacter(codePoint, prose)) return { position, codePoint, kind: "control" };
  }
  return null;
}

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

/** A string schema that refuses forbidden characters (one bilingual field error) and then normalises. */
function edgeString(normalize: (value: string) => string, prose = false) {
  return z
    .string()
    .superRefine((value, context) => {
      // White space at either end (a tab or line break pasted from a spreadsheet) is trimmed, not refused.
      const found = forbiddenCharacter(value.trim(), prose);
      if (!found) return;
      const params =
        found.kind === "control"
          ? {
              code: "control-character",
              zh: `含有控制字符 ${hex(found.codePoint)}（第 ${found.position} 个字符），请删除`,
              en: `contains the control character ${hex(found.codePoint)} (character ${found.position}); remove it`,
            }
          : {
              code: "control-character",
              zh: `含有无效的 Unicode 字符（孤立代理项，第 ${found.position} 个字符）`,
              en: `contains an invalid Unicode character (an unpaired surrogate, character ${found.position})`,
            };
      context.addIssue({ code: "custom", input: value, params, continue: false });
    })
    .overwrite(normalize);
}

/** One line of text (a name, a field); may be empty. */
export const lineText = () => edgeString(normalizeText);
/** One line of text that must not be empty once trimmed of white space and invisible characters. */
export const requiredText = () => lineText().min(1);
/** Several lines of text (goals, mechanism, results): tab and line breaks allowed. */
export const proseText = () => edgeString(normalizeText, true);
/** An identifier (a person id, a file reference's key, a date before parsing): NFKC, case kept. */
export const identifierText = () => edgeString(normalizeIdentifier);
/** A code compared case-insensitively (country code, USCC): NFKC and upper-case. */
export const codeText = () => edgeString(normalizeCode);
