/**
 * Every place where the measures are ambiguous, as a named setting with a default (SPEC §7).
 * docs/interpretations.md explains each one: the article, the options and why the default was chosen;
 * scripts/policy-docs.test.ts fails when a setting is missing there.
 */
export interface InterpretationSettings {
  /** Art. 7.1, 8, 9.2, 10.1, 12.1: how "近3年" is counted back from the reference date. */
  lookBackMode: "rolling" | "calendar-years";
  /** Art. 7.1, 8, 9.2, 10.1, 12.1: length of the look-back window in years. */
  lookBackYears: number;
  /** Art. 9.3: "每年…不少于5场" — which years must each hold the minimum. */
  eventsPerYearMode: "each-of-last-complete-years" | "each-rolling-year";
  /** Art. 9.3: the minimum number of events per year. */
  eventsPerYearMinimum: number;
  /** Art. 7.2: minimum number of partner institutions with a valid agreement. */
  partnerMinimum: number;
  /** Art. 7.2: whether the partners must also span `partnerMinimum` different countries (regions). */
  partnersMustSpanCountries: boolean;
  /** Art. 7.2: an agreement counts as valid when it has started (start ≤ reference date) and not expired. */
  agreementMustHaveStarted: boolean;
  /** Art. 7.5: when an offshore platform escapes the one-base-per-scope limit. */
  offshoreExemption: "applicant-offshore-in-new-country" | "both-offshore-in-different-countries";
  /** Art. 2, 11: a key base (省重点国合基地) is an offshore platform and meets Art. 11. */
  keyBaseIsOffshore: boolean;
  /** Art. 7.1: verdict for a 统一社会信用代码 whose check digit does not match (early codes fail it). */
  usccChecksumMismatchVerdict: "soft" | "fail";
  /** Art. 13: when the key country must be an international organization's headquarters (or main project) country. */
  internationalOrganizationRule: "when-any-partner-is-an-organization" | "when-all-partners-are-organizations";
  /** Art. 14.1 / call: verdict when the applicant says the overseas partners object. */
  partnersObjectionVerdict: "soft" | "fail";
  /** Art. 20, 24: years during which a unit whose base was revoked cannot be recognized again. */
  banYears: number;
  /** Art. 20: the 3-year ban also bars the revoked base's director personally (off: the ban is the unit's). */
  banBarsDirector: boolean;
  /** Art. 18.5: months within which a major change is filed with the province. */
  changeReportMonths: number;
  /** Art. 24: months of rectification after a 不合格 grade. */
  rectificationMonths: number;
  /** Art. 31: years the measures stay valid after issuance. */
  measuresValidityYears: number;
  /** Art. 22: share of the bases evaluated in a year that may be graded 优秀 (at most). */
  excellentShare: number;
  /** Art. 22: minimum score for 优秀. */
  excellentMinimumScore: number;
  /** Art. 22: scores below this are 不合格. */
  unqualifiedBelow: number;
  /** Art. 22: at least one 优秀 slot when at least one base is evaluated (⌊10% × n⌋ is 0 below ten bases). */
  excellentAtLeastOneSlot: boolean;
  /** Art. 14 (SPEC §5.1): working days of the 公示 public notice. */
  publicNoticeWorkingDays: number;
  /** Art. 14: the public notice's first day counts as day 1 when it is a working day (2023-11-08 → 2023-11-14). */
  publicNoticeStartDayCounts: boolean;
  /** Art. 8.3: number of fiscal years whose R&D ratio is averaged. */
  rdFiscalYears: number;
}

export const defaultSettings: InterpretationSettings = {
  lookBackMode: "rolling",
  lookBackYears: 3,
  eventsPerYearMode: "each-of-last-complete-years",
  eventsPerYearMinimum: 5,
  partnerMinimum: 3,
  partnersMustSpanCountries: false,
  agreementMustHaveStarted: true,
  offshoreExemption: "applicant-offshore-in-new-country",
  keyBaseIsOffshore: true,
  usccChecksumMismatchVerdict: "soft",
  internationalOrganizationRule: "when-any-partner-is-an-organization",
  partnersObjectionVerdict: "soft",
  banYears: 3,
  banBarsDirector: false,
  changeReportMonths: 3,
  rectificationMonths: 12,
  measuresValidityYears: 5,
  excellentShare: 0.1,
  excellentMinimumScore: 85,
  unqualifiedBelow: 60,
  excellentAtLeastOneSlot: true,
  publicNoticeWorkingDays: 5,
  publicNoticeStartDayCounts: true,
  rdFiscalYears: 3,
};

export type SettingKey = keyof InterpretationSettings;

/** The article each setting rests on, for docs and the `articles` command. */
export const settingArticles = {
  lookBackMode: "7.1",
  lookBackYears: "7.1",
  eventsPerYearMode: "9.3",
  eventsPerYearMinimum: "9.3",
  partnerMinimum: "7.2",
  partnersMustSpanCountries: "7.2",
  agreementMustHaveStarted: "7.2",
  offshoreExemption: "7.5",
  keyBaseIsOffshore: "11",
  usccChecksumMismatchVerdict: "7.1",
  internationalOrganizationRule: "13",
  partnersObjectionVerdict: "14.1",
  banYears: "20",
  banBarsDirector: "20",
  changeReportMonths: "18.5",
  rectificationMonths: "24",
  measuresValidityYears: "31",
  excellentShare: "22",
  excellentMinimumScore: "22",
  unqualifiedBelow: "22",
  excellentAtLeastOneSlot: "22",
  publicNoticeWorkingDays: "14.3",
  publicNoticeStartDayCounts: "14.3",
  rdFiscalYears: "8.3",
} as const satisfies Record<SettingKey, string>;

/** Defaults overridden by the caller's choices (a call's or a year's settings). */
export function resolveSettings(overrides?: Partial<InterpretationSettings>): InterpretationSettings {
  return { ...defaultSettings, ...overrides };
}
