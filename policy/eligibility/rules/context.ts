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
