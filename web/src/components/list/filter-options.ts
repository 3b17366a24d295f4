import { hubeiDivisions } from "../../../../policy/reference/divisions";
import type { Language } from "../../i18n/define";

/** The 17 市州 as a filter offers them: by name only (the code is the value, never shown). */
export const prefectureOptions = (language: Language) =>
  hubeiDivisions.map((division) => ({
    value: division.code,
    label: language === "zh" ? division.nameZh : division.nameEn,
  }));
