import { addYears } from "../policy/calendar/calendar-months";
import type { IsoDate } from "../policy/calendar/dates";
import { lastCompleteYears, lookBackWindow } from "../policy/calendar/deadlines";
import { checkEligibility } from "../policy/eligibility/engine";
import type { Finding } from "../policy/eligibility/findings";
import { type EligibilityInput, managementSystemKeys } from "../policy/eligibility/input";
import { type RuleId, ruleDefinition } from "../policy/eligibility/rule-table";
import { type InterpretationSettings, resolveSettings } from "../policy/settings";
import {
  judgedRules,
  outsideHubei,
  type QuestionDefinition,
  type SelfCheckFacts,
  type SelfCheckQuestion,
  selfCheckQuestions,
} from "./self-check-questions";
import { withOfficeDates } from "./text";

/**
 * 政策助手's conversational self-check (issue 14 item 4): "我单位能申报吗？" asked one question at a time. Stateless:
 * the caller sends the facts gathered so far, `nextSelfCheckStep` answers with the next question — only one a rule
 * still needs, for the type of base and unit already given — or the verdict. The verdict is the policy's own:
 * the facts are written into an eligibility input and `checkEligibility` (the function the application editor runs)
 * decides; each rule's finding is reported as it stands. As soon as a rule whose facts are all given fails, the
 * dialogue stops and says why.
 */

export type SelfCheckOutcome = "pass" | "fail" | "judgement";

export interface SelfCheckRuleResult {
  ruleId: RuleId;
  article: string;
  outcome: SelfCheckOutcome;
  messageZh: string;
  messageEn: string;
}

export type SelfCheckStep =
  | { status: "question"; question: SelfCheckQuestion; answered: number; remaining: number }
  | {
      status: "verdict";
      /** A rule failed before every question was asked: the dialogue stopped there. */
      stoppedEarly: boolean;
      overall: "eligible" | "not-eligible" | "needs-judgement";
      rules: SelfCheckRuleResult[];
      answered: number;
    };

const placeholderUscc = "91420100SELFCHECK0";
const placeholderDirector = "self-check-director";

/** Whether a question is still to be asked: relevant for the facts so far, and not answered. */
function pending(question: QuestionDefinition, facts: SelfCheckFacts): boolean {
  return facts[question.id] === undefined && (question.when?.(facts) ?? true);
}

function relevant(question: QuestionDefinition, facts: SelfCheckFacts): boolean {
  return question.when?.(facts) ?? true;
}

/**
 * The eligibility input the facts amount to, on the reference date: each answer written where the application form
 * writes it (counts as that many dated entries inside the look-back window). What is not yet known is left out, so
 * its rules find it `missing` and are not reported.
 */
export function selfCheckInput(
  facts: SelfCheckFacts,
  referenceDate: IsoDate,
  settings: InterpretationSettings = resolveSettings(),
): EligibilityInput {
  const window = lookBackWindow(referenceDate, settings);
  const inWindow = window.end;
  const times = <T>(count: number | undefined, make: (index: number) => T): T[] | undefined =>
    count === undefined ? undefined : Array.from({ length: Math.max(0, Math.floor(count)) }, (_, index) => make(index));
  const evidence: NonNullable<EligibilityInput["application"]["evidence"]> = {};
  const projects = times(facts.internationalProjects, (index) => ({
    title: `项目${index + 1}`,
    level: "provincial" as const,
    date: inWindow,
  }));
  if (projects) evidence.internationalProjects = projects;
  if (facts.jointPapers !== undefined || facts.academicEvents !== undefined) {
    evidence.jointPapers = times(facts.jointPapers ?? 0, () => ({ date: inWindow })) ?? [];
    evidence.academicEvents = times(facts.academicEvents ?? 0, () => ({ date: inWindow, role: "host" as const })) ?? [];
  }
  if (facts.revenue3y !== undefined && facts.rdExpense3y !== undefined) {
    const referenceYear = Number(referenceDate.slice(0, 4));
    const years = Array.from({ length: settings.rdFiscalYears }, (_, index) => referenceYear - 1 - index);
    evidence.finance = {
      amountUnit: "ten-thousand-yuan",
      years: years.map((year) => ({
        year,
        revenue: (facts.revenue3y ?? 0) / years.length,
        rdExpense: (facts.rdExpense3y ?? 0) / years.length,
      })),
    };
  }
  if (facts.transferTeamSize !== undefined)
    evidence.transferServiceTeam = { size: Math.max(0, Math.floor(facts.transferTeamSize)) };
  const transfers = times(facts.transferProjects, () => ({ date: inWindow, status: "implemented" as const }));
  if (transfers) evidence.transferProjects = transfers;
  if (facts.transferEventsMinYear !== undefined) {
    // One date inside each period Art. 9.3 counts (the complete years before the reference year, or rolling years).
    const dates =
      settings.eventsPerYearMode === "each-rolling-year"
        ? Array.from({ length: settings.lookBackYears }, (_, index) => addYears(referenceDate, -index))
        : lastCompleteYears(referenceDate, settings.lookBackYears).map((year) => `${year}-07-01`);
    evidence.transferEvents = dates.flatMap((date) => times(facts.transferEventsMinYear, () => ({ date })) ?? []);
  }
  if (facts.overseasPremises !== undefined) evidence.overseasPremises = { hasFixedPremises: facts.overseasPremises };
  if (facts.overseasStaff !== undefined)
    evidence.overseasStaff = { count: Math.max(0, Math.floor(facts.overseasStaff)) };

  const application: EligibilityInput["application"] = {
    type: facts.baseType ?? "joint-research",
    field: "自评",
    isOffshore: facts.offshore ?? false,
    evidence,
  };
  const partners = times(facts.validPartners, (index) => ({
    name: `合作机构${index + 1}`,
    country: `X${String.fromCharCode(65 + (index % 26))}`,
    agreement: { start: window.start, end: referenceDate },
  }));
  if (partners) application.partners = partners;
  if (facts.compositeTeam !== undefined)
    application.team = {
      members: facts.compositeTeam ? [{ name: "团队成员", hasInternationalExperience: true }] : [],
    };
  if (facts.managementSystems !== undefined)
    application.managementSystems = Object.fromEntries(
      managementSystemKeys.map((key) => [key, facts.managementSystems]),
    ) as EligibilityInput["application"]["managementSystems"];

  const creditRecords: NonNullable<NonNullable<EligibilityInput["registry"]>["creditRecords"]> = [];
  if (facts.unitBadRecord)
    creditRecords.push({ subject: "unit", id: placeholderUscc, date: inWindow, kind: "bad-credit" });
  if (facts.directorBadRecord)
    creditRecords.push({ subject: "director", id: placeholderDirector, date: inWindow, kind: "bad-credit" });
  const registry: NonNullable<EligibilityInput["registry"]> = {};
  if (facts.unitBadRecord !== undefined || facts.directorBadRecord !== undefined)
    registry.creditRecords = creditRecords;
  if (facts.revokedRecently !== undefined)
    registry.revocations = facts.revokedRecently
      ? [{ unitUscc: placeholderUscc, date: addYears(referenceDate, -1) }]
      : [];
  if (facts.nationalPlatform !== undefined)
    registry.nationalPlatforms = facts.nationalPlatform
      ? [{ unitUscc: placeholderUscc, kind: "most-international-base" as const }]
      : [];

  const director: EligibilityInput["director"] = {
    name: "负责人",
    personId: placeholderDirector,
    ...(facts.directorTitle === undefined ? {} : { title: facts.directorTitle }),
    ...(facts.directorEquivalentAbility === undefined ? {} : { hasEquivalentAbility: facts.directorEquivalentAbility }),
    ...(facts.directorFullTime === undefined ? {} : { fullTime: facts.directorFullTime }),
    ...(facts.directorResearchLead === undefined ? {} : { isResearchLead: facts.directorResearchLead }),
  };
  return {
    referenceDate,
    unit: {
      name: "自评单位",
      uscc: placeholderUscc,
      type: facts.unitType ?? "university",
      registeredDivision: facts.division === outsideHubei ? "110000" : (facts.division ?? "420100"),
      ...(facts.legalPerson === undefined
        ? {}
        : { isIndependentLegalPerson: facts.legalPerson, inExistence: facts.legalPerson }),
    },
    application,
    director,
    registry,
  };
}

/**
 * Where the policy's message would quote a stand-in the dialogue made up (the division code 110000 for "outside
 * Hubei", a one-person team, the date of a bad record or revocation that was only answered yes), the verdict says
 * what the person answered instead; every other message is the policy's own, its dates written as offices do.
 */
const answeredWords: Partial<Record<RuleId, (finding: Finding) => { zh: string; en: string } | undefined>> = {
  "7.1-registered-in-hubei": (finding) =>
    finding.verdict === "fail"
      ? {
          zh: "依托单位注册在湖北省外；依托单位须在湖北省内依法注册。",
          en: "The host unit is registered outside Hubei; it must be registered in Hubei.",
        }
      : undefined,
  "7.1-unit-credit": (finding) =>
    finding.verdict === "fail"
      ? {
          zh: "依托单位近3年有不良信用或不良科研诚信记录。",
          en: "The host unit has a bad credit or research-integrity record within the last 3 years.",
        }
      : undefined,
  "7.2-team": (finding) =>
    finding.verdict === "fail"
      ? { zh: "尚无复合型人才团队。", en: "There is no composite team yet." }
      : {
          zh: "已有人才团队，是否为既懂科技创新又具有国际合作经验的复合型团队由专家评判。",
          en: "A team exists; whether it combines innovation and international experience is for the experts.",
        },
  "12.1-director-credit": (finding) =>
    finding.verdict === "fail"
      ? {
          zh: "负责人近3年有不良信用或不良科研诚信记录。",
          en: "The director has a bad credit or research-integrity record within the last 3 years.",
        }
      : undefined,
  "20-revocation-ban": (finding) =>
    finding.verdict === "fail"
      ? {
          zh: "依托单位的基地近3年内被取消过资格：取消资格后3年内不得重新认定。",
          en: "A base of the unit was revoked within the last 3 years: it cannot be recognized again within 3 years.",
        }
      : undefined,
};

function outcomeOf(finding: Finding): SelfCheckOutcome {
  if (finding.verdict === "pass") return "pass";
  if (finding.verdict === "fail") return "fail";
  return "judgement";
}

/** The rules the dialogue asks about, each with the questions that feed it. */
function questionsOf(ruleId: RuleId): QuestionDefinition[] {
  return selfCheckQuestions.filter((question) => question.rules.includes(ruleId));
}

/** A rule is decided when every question feeding it that applies to these facts is answered. */
function decided(ruleId: RuleId, facts: SelfCheckFacts): boolean {
  const feeding = questionsOf(ruleId).filter((question) => relevant(question, facts));
  return feeding.length > 0 && feeding.every((question) => facts[question.id] !== undefined);
}

/**
 * The next step of the dialogue for the facts gathered so far: a question, or the verdict per rule with its article.
 * The findings are `checkEligibility`'s on the input the facts make, reported for the rules whose facts are all given.
 */
export function nextSelfCheckStep(
  facts: SelfCheckFacts,
  referenceDate: IsoDate,
  settings?: Partial<InterpretationSettings>,
): SelfCheckStep {
  const resolved = resolveSettings(settings);
  const input = selfCheckInput(facts, referenceDate, resolved);
  const result = checkEligibility(input, { referenceDate, registry: input.registry, settings: resolved });
  const reported = result.findings.filter((finding) => decided(finding.ruleId as RuleId, facts));
  const rules: SelfCheckRuleResult[] = reported.map((finding) => {
    const own = answeredWords[finding.ruleId as RuleId]?.(finding);
    return {
      ruleId: finding.ruleId as RuleId,
      article: finding.article,
      outcome: outcomeOf(finding),
      messageZh: own?.zh ?? withOfficeDates(finding.messageZh),
      messageEn: own?.en ?? finding.messageEn,
    };
  });
  const answered = selfCheckQuestions.filter((question) => facts[question.id] !== undefined).length;
  const failed = rules.some((rule) => rule.outcome === "fail");
  const open = selfCheckQuestions.filter((question) => pending(question, facts));
  if (!failed && open.length > 0) {
    const { when: _when, rules: feeds, options, ...question } = open[0]!;
    return {
      status: "question",
      question: { ...question, rules: [...feeds], ...(options ? { options: [...options] } : {}) },
      answered,
      remaining: open.length,
    };
  }
  const judged: SelfCheckRuleResult[] = failed
    ? []
    : judgedRules
        .filter((ruleId) => result.findings.some((finding) => finding.ruleId === ruleId))
        .map((ruleId) => {
          const definition = ruleDefinition(ruleId);
          return {
            ruleId,
            article: definition.article,
            outcome: "judgement" as const,
            messageZh: `${definition.checksZh}（由专家评审）`,
            messageEn: `${definition.checksEn} (for the experts)`,
          };
        });
  const all = [...rules, ...judged];
  return {
    status: "verdict",
    stoppedEarly: failed && open.length > 0,
    overall: failed
      ? "not-eligible"
      : all.some((rule) => rule.outcome === "judgement")
        ? "needs-judgement"
        : "eligible",
    rules: all,
    answered,
  };
}
