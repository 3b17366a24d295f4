import type { IsoDate } from "../../calendar/dates";
import { type DateWindow, lookBackWindow } from "../../calendar/deadlines";
import type { InterpretationSettings } from "../../settings";
import type { Finding, Verdict } from "../findings";
import type { EligibilityInput } from "../input";
import { type RuleId, ruleDefinition } from "../rule-table";

/** What every rule reads: the parsed input, the settings and the derived look-back window. */
export interface RuleContext {
  input: EligibilityInput;
  referenceDate: IsoDate;
  settings: InterpretationSettings;
  window: DateWindow;
  /** Art. 2, 11: offshore platform, or key base when keyBaseIsOffshore. */
  isOffshore: boolean;
}

export type Rule = (context: RuleContext) => Finding | null;

export function buildRuleContext(input: EligibilityInput, settings: InterpretationSettings): RuleContext {
  const isOffshore =
    input.application.isOffshore === true || (settings.keyBaseIsOffshore && input.application.isKey === true);
  return {
    input,
    referenceDate: input.referenceDate,
    settings,
    window: lookBackWindow(input.referenceDate, settings),
    isOffshore,
  };
}

/** A finding whose article comes from the rule table, so a rule cannot cite the wrong one. */
export function finding(
  ruleId: RuleId,
  verdict: Verdict,
  evidence: readonly string[],
  messageZh: string,
  messageEn: string,
): Finding {
  return { ruleId, article: ruleDefinition(ruleId).article, verdict, evidence: [...evidence], messageZh, messageEn };
}

export function windowText(window: DateWindow): { zh: string; en: string } {
  return { zh: `${window.start} 至 ${window.end}`, en: `${window.start} to ${window.end}` };
}

/** Countries compare case- and space-insensitively ("de" = "DE"). */
export function sameCountry(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toUpperCase() === b.trim().toUpperCase();
}

export function sameText(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim() === b.trim();
}

/**
 * Evidence that must lie in the past (papers published, projects undertaken, events held) dated after the reference
 * date: it cannot count, and the date is implausible — the finding says so and names each item, so an applicant who
 * typed 2062 for 2026 sees why it was not counted.
 */
export function datedAfterReference<T extends { date: string }>(
  items: readonly T[] | undefined,
  path: string,
  referenceDate: IsoDate,
  noun: { zh: string; en: string },
  counts: (item: T) => boolean = () => true,
): { evidence: string[]; zh: string; en: string } {
  const late = (items ?? []).flatMap((item, index) => (item.date > referenceDate && counts(item) ? [index] : []));
  if (late.length === 0) return { evidence: [], zh: "", en: "" };
  return {
    evidence: late.map((index) => `${path}.${index}.date`),
    zh: `另有 ${late.length} ${noun.zh}的日期晚于截止日 ${referenceDate}，不予计入，日期不合常理，请核实。`,
    en: ` ${late.length} ${noun.en} dated after the reference date ${referenceDate} ${late.length === 1 ? "was" : "were"} not counted: implausible, check the date${late.length === 1 ? "" : "s"}.`,
  };
}
