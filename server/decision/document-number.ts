/**
 * A 发文字号: 机关代字〔年份〕序号号 (GB/T 9704-2012 §7.2.3), e.g. 鄂科技函〔2026〕12号 — the year in full-width
 * 六角括号 〔〕, no leading zeros, no 第. The one place the number is rendered; the prefix is the officer's
 * (SPEC §5.1 step 9: 鄂科技规 is the series of normative documents, not the recognition notices').
 */
export function formatDocumentNumber(parts: { prefix: string; year: number; number: number }): string {
  return `${parts.prefix.trim()}〔${parts.year}〕${parts.number}号`;
}
