/**
 * A date as Chinese letters and forms write it, in Arabic numerals without leading zeros: 2027-03-31 → 2027年3月31日.
 * (The recognition notice's 成文日期 uses Chinese numerals instead: recognition-notice.ts `chineseDate`.)
 */
export function officeDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
