import { hubeiDivisions, prefectureOf } from "../../../policy/reference/divisions";
import { titles } from "../../../policy/reference/titles";
import { unitTypes } from "../../../policy/reference/unit-types";
import type { Language } from "../i18n/define";

type Labelled = { readonly code: string; readonly nameZh: string; readonly nameEn: string };

function labelOf(list: readonly Labelled[], code: string | null | undefined, language: Language): string {
  if (!code) return "—";
  const found = list.find((entry) => entry.code === code);
  if (!found) return code;
  return language === "zh" ? found.nameZh : found.nameEn;
}

/** Display names of the reference codes shipped in policy/reference (pure data, shared with the server). */
export const unitTypeLabel = (code: string, language: Language) => labelOf(unitTypes, code, language);
export const titleLabel = (code: string, language: Language) => labelOf(titles, code, language);
/** A county-level code (420111) is shown under its prefecture (武汉市); an unknown code as itself. */
export function divisionLabel(code: string, language: Language): string {
  const prefecture = prefectureOf(code);
  if (!prefecture) return code;
  const name = language === "zh" ? prefecture.nameZh : prefecture.nameEn;
  return prefecture.code === code ? name : `${name} · ${code}`;
}

export function options(list: readonly Labelled[], language: Language) {
  return list.map((entry) => ({ value: entry.code, label: language === "zh" ? entry.nameZh : entry.nameEn }));
}

export const unitTypeOptions = (language: Language) => options(unitTypes, language);
export const titleOptions = (language: Language) => options(titles, language);
export const divisionOptions = (language: Language) =>
  hubeiDivisions.map((division) => ({
    value: division.code,
    label: `${language === "zh" ? division.nameZh : division.nameEn}（${division.code}）`,
  }));
