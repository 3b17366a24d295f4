import type { IsoDate } from "../calendar/dates";
import { type EditionId, editionById, editionFor } from "../measures/editions";
import { type InterpretationSettings, resolveSettings } from "../settings";
import { type Finding, type FindingSummary, summarize } from "./findings";
import { type EligibilityInput, type InputError, parseEligibilityInput } from "./input";
import { characteristicProject, characteristicResults } from "./rules/characteristic";
import { buildRuleContext, type Rule } from "./rules/context";
import {
  directorCredit,
  directorFullTime,
  directorPolicyKnowledge,
  directorResearchLead,
  directorTitle,
  oneBasePerDirector,
} from "./rules/director";
import { legalPerson, registeredInHubei, unitCredit, usccValid } from "./rules/host-unit";
import { jointResearchProject, ownIntellectualProperty, papersOrEvents, rdIntensityRule } from "./rules/joint-research";
import { attestation, managementSystems, partnersNoObjection } from "./rules/management";
import { overseasPremises, overseasStaff } from "./rules/offshore";
import {
  compositeTeam,
  countriesNamed,
  goalsAndMechanism,
  internationalOrganization,
  partnerStanding,
  partnersWithAgreements,
} from "./rules/partners";
import { eventsEachYear, transferProjects, transferTeam } from "./rules/technology-transfer";
import { nationalPlatform, oneBasePerScope, revocationBan } from "./rules/uniqueness";

/** The 2025 edition's rules in article order (the order of the findings). */
const rules2025: readonly Rule[] = [
  registeredInHubei,
  usccValid,
  legalPerson,
  unitCredit,
  partnersWithAgreements,
  partnerStanding,
  compositeTeam,
  goalsAndMechanism,
  managementSystems,
  oneBasePerScope,
  nationalPlatform,
  jointResearchProject,
  papersOrEvents,
  rdIntensityRule,
  ownIntellectualProperty,
  transferTeam,
  transferProjects,
  eventsEachYear,
  characteristicProject,
  characteristicResults,
  overseasPremises,
  overseasStaff,
  directorFullTime,
  directorResearchLead,
  directorCredit,
  directorTitle,
  directorPolicyKnowledge,
  oneBasePerDirector,
  countriesNamed,
  internationalOrganization,
  attestation,
  partnersNoObjection,
  revocationBan,
];

const rulesByEdition: Record<EditionId, readonly Rule[]> = { "2025": rules2025 };

export interface EligibilityResult {
  caseId?: string;
  /** Edition of the measures applied ("2025"). */
  edition: string;
  referenceDate: IsoDate;
  findings: Finding[];
  summary: FindingSummary;
}

/** The subject of a check: who applies, for what, with which director. */
export type EligibilitySubject = Pick<EligibilityInput, "unit" | "application" | "director">;

/** The facts a check is judged against: the reference date (the call's deadline) and the registry facts. */
export interface EligibilityContext {
  referenceDate: IsoDate;
  registry?: EligibilityInput["registry"];
  edition?: EditionId;
  settings?: Partial<InterpretationSettings>;
  caseId?: string;
}

/**
 * Runs every rule of the edition in force on the reference date. Pure: the same input gives the same findings.
 * Rules that do not apply (another base type, not offshore) give no finding.
 */
export function checkEligibility(subject: EligibilitySubject, context: EligibilityContext): EligibilityResult {
  const edition = (context.edition && editionById(context.edition)) || editionFor(context.referenceDate).edition;
  const settings = resolveSettings(context.settings);
  const input: EligibilityInput = { ...subject, referenceDate: context.referenceDate, registry: context.registry };
  const ruleContext = buildRuleContext(input, settings);
  const rules = rulesByEdition[edition.id as EditionId] ?? rules2025;
  const findings = rules.map((rule) => rule(ruleContext)).filter((finding): finding is Finding => finding !== null);
  return {
    ...(context.caseId === undefined ? {} : { caseId: context.caseId }),
    edition: edition.id,
    referenceDate: context.referenceDate,
    findings,
    summary: summarize(findings),
  };
}

/** Checks a whole input document (the CLI's and the API's unit). */
export function checkEligibilityInput(
  input: EligibilityInput,
  settings?: Partial<InterpretationSettings>,
): EligibilityResult {
  return checkEligibility(input, {
    referenceDate: input.referenceDate,
    registry: input.registry,
    edition: input.edition,
    settings,
    caseId: input.caseId,
  });
}

/**
 * For `POST /api/policy/eligibility` and `policy check`: parse, then check. Uses only the facts the caller sends.
 */
export function runEligibilityCheck(
  raw: unknown,
  settings?: Partial<InterpretationSettings>,
): { ok: true; result: EligibilityResult } | { ok: false; errors: InputError[] } {
  const parsed = parseEligibilityInput(raw);
  if (!parsed.ok) return parsed;
  return { ok: true, result: checkEligibilityInput(parsed.input, settings) };
}
