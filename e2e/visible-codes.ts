/**
 * What must never be visible in the UI (issue 13 item 7): enum codes, UUIDs, hex digests, command lines and field
 * paths. `findCodes` returns each offending fragment once, for a page's visible text.
 */
export type Language = "zh" | "en";

const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const digest = /\b[0-9a-f]{32,}\b/gi;
const command = /\bnpm\s+run\b[^\n]*/g;
/** Dotted lower-camel identifiers: application.type, unit.registeredDivision, auth.login (when a known root starts them). */
const fieldPath = /\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9-]*)+\b/g;
/** Words that look like codes: letters and digits joined by "-", "_" or ".". */
const token = /[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*/g;

/** Addresses, e-mails and file names are shown by design and are not field paths. */
const addresses =
  /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\bhttps?:\/\/\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:cn|com|org|net|edu|gov|de|uk|io)\b/gi;
const fileExtension = /\.(?:pdf|docx?|xlsx?|zip|png|jpe?g|ofd|txt|csv|json)$/i;
const fileNameExtension = /\.(?:pdf|docx?|xlsx?|zip|png|jpe?g|ofd|txt|csv|json)\b/gi;

/** English words that are also codes: normal text in the English UI, never a code there. */
const englishWords = new Set(["third-party", "on-site", "top-up", "sub", "in", "out"]);

export function findCodes(
  text: string,
  codes: ReadonlySet<string>,
  language: Language,
  roots: ReadonlySet<string> = new Set(),
): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(uuid)) found.add(match[0]);
  for (const match of text.matchAll(digest)) found.add(match[0]);
  for (const match of text.matchAll(command)) found.add(match[0].trim());
  const plain = text.replace(addresses, " ").replace(fileNameExtension, " ");
  for (const match of plain.matchAll(fieldPath))
    if (!fileExtension.test(match[0]) && roots.has(match[0].split(".")[0]!)) found.add(match[0]);
  for (const match of plain.matchAll(token)) {
    const word = match[0];
    if (!codes.has(word)) continue;
    // In English, plain words ("active", "draft") are words; only joined codes (joint-research, auth.login) are codes.
    if (language === "en" && (!/[.-]/.test(word) || englishWords.has(word))) continue;
    found.add(word);
  }
  return [...found];
}
