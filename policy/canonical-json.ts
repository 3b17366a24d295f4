/**
 * JSON with the keys of every object sorted: the one text every stored digest is taken over — the audit chain's
 * HMAC-SM3 (server/audit), a printed document's SM3 verification code (server/documents) and a draw record's
 * candidate digest (policy/review/draw-record). jsonb reorders keys, so a digest needs an order the database keeps.
 *
 * Each choice below is the one all three former copies already made, or one that none of the stored inputs can reach
 * (they are strings, numbers, booleans, null and jsonb values, with every timestamp already an ISO string), so the
 * merge changes no stored MAC, verification code or candidate digest:
 * - keys sorted by UTF-16 code unit (Array#sort's default, the same order as the copies' `a < b`);
 * - an `undefined`, function or symbol property is left out, as JSON.stringify does (all copies dropped `undefined`);
 * - an `undefined`, function or symbol array item, and a top-level `undefined`, is written `null`, as JSON.stringify
 *   does (the audit and document copies did; the draw copy wrote an empty item, never reached: candidates are jsonb);
 * - a Date is its ISO string, as the audit copy wrote it (the other copies wrote `{}`, never reached: no Date is
 *   passed to them) and as JSON.stringify does; an invalid Date is `null` (Date#toJSON);
 * - strings, numbers (non-finite → `null`, -0 → `0`), booleans and null exactly as JSON.stringify writes them.
 * Changing any of these changes digests that are already stored: policy/canonical-json.test.ts pins the output.
 */
export function canonicalJson(value: unknown): string {
  return written(value) ?? "null";
}

/** The canonical text of a value, or undefined where JSON.stringify would leave it out (undefined, function). */
function written(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => written(item) ?? "null").join(",")}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = written(record[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(",")}}`;
}
