import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";
import type { Language } from "./define";

dayjs.extend(utc);
dayjs.extend(timezone);

/** The platform serves a Hubei office: times are shown in Beijing time whatever the browser's zone. */
export const officeTimeZone = "Asia/Shanghai";

const dateFormats = { zh: "YYYY年M月D日", en: "YYYY-MM-DD" } as const;
const timeFormat = "HH:mm:ss";

function inOffice(value: string | Date) {
  return dayjs(value).tz(officeTimeZone);
}

/** 2025年10月26日 / 2025-10-26; an empty value renders as a dash. */
export function formatDate(value: string | Date | null | undefined, language: Language): string {
  if (!value) return "—";
  // Plain calendar dates (YYYY-MM-DD) carry no time zone: never shift them.
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayjs(value).format(dateFormats[language]);
  return inOffice(value).format(dateFormats[language]);
}

export function formatDateTime(value: string | Date | null | undefined, language: Language): string {
  if (!value) return "—";
  return inOffice(value).format(`${dateFormats[language]} ${timeFormat}`);
}

/** zh-CN digit grouping (1,234,567) in both languages. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === "zh" ? "zh-CN" : "en-US").format(value);
}

export function setDayjsLocale(language: Language) {
  dayjs.locale(language === "zh" ? "zh-cn" : "en");
}

/** An ISO calendar date for the API (dates in forms are dayjs values). */
export function toIsoDate(value: dayjs.Dayjs): string {
  return value.format("YYYY-MM-DD");
}
