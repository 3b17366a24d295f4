import { addDays, type IsoDate } from "../calendar/dates";
import { defaultSettings, type InterpretationSettings } from "../settings";

/** One cooperation agreement of a base's partner (Art. 7.2): from the latest filed annual report or the application. */
export interface AgreementFact {
  partner: string;
  country: string;
  /** Absent: read as already in effect (as the eligibility rule reads it). */
  startsOn: IsoDate | null;
  /** Absent: open-ended, never expires here (an undated end cannot be reminded). */
  endsOn: IsoDate | null;
}

/** SPEC §7: valid on a date when started (a setting) and its end date is on or after it. */
export function isAgreementValid(
  agreement: AgreementFact,
  on: IsoDate,
  settings: InterpretationSettings = defaultSettings,
): boolean {
  const started = !settings.agreementMustHaveStarted || (agreement.startsOn ?? on) <= on;
  return started && (agreement.endsOn === null || agreement.endsOn >= on);
}

/** Art. 7.2: at least `partnerMinimum` valid agreements (spanning as many countries when the setting says so). */
export function meetsPartnerMinimum(
  agreements: readonly AgreementFact[],
  on: IsoDate,
  settings: InterpretationSettings = defaultSettings,
): { valid: number; countries: number; enough: boolean } {
  const valid = agreements.filter((agreement) => isAgreementValid(agreement, on, settings));
  const countries = new Set(valid.map((agreement) => agreement.country.trim().toUpperCase())).size;
  const minimum = settings.partnerMinimum;
  const enough = valid.length >= minimum && (!settings.partnersMustSpanCountries || countries >= minimum);
  return { valid: valid.length, countries, enough };
}

/** The agreements ending on one day, and whether the base is below the minimum the day after. */
export interface AgreementExpiry {
  endsOn: IsoDate;
  partners: string[];
  /** Valid agreements left on the day after `endsOn`. */
  validAfter: number;
  belowMinimum: boolean;
}

export interface AgreementOutlook {
  validNow: number;
  enoughNow: boolean;
  /** When below now: the last day the base still met the minimum, if the agreements show one. */
  lastEnoughOn: IsoDate | null;
  /** Valid agreements ending from today to `until`, by end date. */
  expiring: AgreementExpiry[];
}

/**
 * A base's agreements seen from `today` up to `until`: how many are valid now, and each end date in the window with
 * whether the base falls below Art. 7.2's minimum after it (agreements starting later are counted on their day).
 */
export function agreementOutlook(
  agreements: readonly AgreementFact[],
  today: IsoDate,
  until: IsoDate,
  settings: InterpretationSettings = defaultSettings,
): AgreementOutlook {
  const now = meetsPartnerMinimum(agreements, today, settings);
  const ends = [
    ...new Set(
      agreements
        .filter((agreement) => agreement.endsOn !== null && isAgreementValid(agreement, today, settings))
        .map((agreement) => agreement.endsOn as IsoDate)
        .filter((endsOn) => endsOn <= until),
    ),
  ].sort();
  const expiring = ends.map((endsOn) => {
    const after = meetsPartnerMinimum(agreements, addDays(endsOn, 1), settings);
    return {
      endsOn,
      partners: agreements.filter((agreement) => agreement.endsOn === endsOn).map((agreement) => agreement.partner),
      validAfter: after.valid,
      belowMinimum: !after.enough,
    };
  });
  let lastEnoughOn: IsoDate | null = null;
  if (!now.enough) {
    const pastEnds = agreements
      .map((agreement) => agreement.endsOn)
      .filter((endsOn): endsOn is IsoDate => endsOn !== null && endsOn < today)
      .sort()
      .reverse();
    lastEnoughOn = pastEnds.find((endsOn) => meetsPartnerMinimum(agreements, endsOn, settings).enough) ?? null;
  }
  return { validNow: now.valid, enoughNow: now.enough, lastEnoughOn, expiring };
}
