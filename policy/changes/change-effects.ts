import type { IsoDate } from "../calendar/dates";
import type { Finding } from "../eligibility/findings";
import type { EligibilityApplication, EligibilityInput, EligibilityUnit, RegistryFacts } from "../eligibility/input";
import { buildRuleContext, type Rule } from "../eligibility/rules/context";
import { directorCredit, directorTitle, oneBasePerDirector } from "../eligibility/rules/director";
import { countriesNamed, internationalOrganization, partnersWithAgreements } from "../eligibility/rules/partners";
import type { MajorChangeKind } from "../lifecycles/change-report.transitions";
import { standardName } from "../names";
import type { BaseType } from "../reference/base-types";
import type { Region } from "../reference/regions";
import type { Title } from "../reference/titles";
import type { Refusal } from "../refusal";
import { defaultSettings, type InterpretationSettings } from "../settings";

/** Key, main and radiating cooperation countries (regions), ISO codes (Art. 13). */
export interface CountryLevels {
  key: string[];
  main: string[];
  radiating: string[];
}

/**
 * What a major change changes, by kind (the shape of change_reports.proposed / previous): only the fields of the
 * report's kind are set.
 */
export interface MajorChangeValues {
  workPlanSummary?: string;
  directorName?: string;
  directorPersonId?: string | null;
  field?: string;
  standardName?: string;
  countries?: CountryLevels;
}

/** The base as the registry holds it when the change is decided. */
export interface ChangedBaseFacts {
  type: BaseType;
  field: string;
  isKey: boolean;
  region: Region | null;
  standardName: string;
  directorName: string;
  directorPersonId: string | null;
  countries: CountryLevels;
}

/** Everything a change's effects are decided from, loaded once by the server. */
export interface MajorChangeFacts {
  kind: MajorChangeKind;
  changedOn: IsoDate;
  base: ChangedBaseFacts;
  proposed: MajorChangeValues;
  /** The host unit, as the eligibility rules read it. */
  unit: EligibilityUnit;
  /** director: the new director's recorded title (a person of the unit), when known. */
  directorTitle?: Title;
  /**
   * Art. 12.1, 12.3: credit records of the new director, and the other live bases (this base left out) with their
   * directors' `directorIdentity` as `directorId`.
   */
  registry: RegistryFacts;
  /** key-or-main-countries: the base's partners (from its application), for Art. 7.2 and 13; absent when unknown. */
  partners?: EligibilityApplication["partners"];
  settings?: InterpretationSettings;
}

/** A finding that is not a pass: a warning with its article, shown to the recommender and the department. */
export interface ChangeCheck {
  article: string;
  verdict: Finding["verdict"];
  ruleId: string;
  messageZh: string;
  messageEn: string;
}

export interface MajorChangeEffects {
  /** What the change leaves the registry with (the proposed values, the standard name regenerated). */
  next: MajorChangeValues;
  /** The registry's values it replaces (kept as history on filing). */
  previous: MajorChangeValues;
  /** One line each for the timeline (previousValue → newValue). */
  previousText: string;
  newText: string;
  /** The rules of Art. 7.2, 12, 13 re-run on the changed base, each with its article and verdict. */
  checks: ChangeCheck[];
  /** What stops the change (a `fail` of a rule, a value missing, an invalid field): refused at submit and filing. */
  refusals: Refusal[];
  /** "In principle" rules not met (`soft`, e.g. Art. 12.3): flagged, not refused. */
  warnings: ChangeCheck[];
}

const countriesText = (countries: CountryLevels) =>
  `重点：${countries.key.join("、") || "无"}；主要：${countries.main.join("、") || "无"}；辐射：${countries.radiating.join("、") || "无"}`;

const missing = (path: string, zh: string, en: string): Refusal => ({
  code: "change-value-missing",
  article: "18.5",
  path,
  messageZh: `请填写${zh}。`,
  messageEn: `Give the ${en}.`,
});

const unchanged = (path: string, zh: string, en: string): Refusal => ({
  code: "change-unchanged",
  article: "18.5",
  path,
  messageZh: `${zh}与现登记信息相同，不构成变化。`,
  messageEn: `The ${en} is the same as the registry's: nothing changes.`,
});

/** Runs reused eligibility rules on the changed base; a `fail` becomes a refusal at `path`, a `soft` a warning. */
function runRules(
  facts: MajorChangeFacts,
  application: EligibilityInput["application"],
  director: EligibilityInput["director"],
  rules: readonly Rule[],
  path: string,
): Pick<MajorChangeEffects, "checks" | "refusals" | "warnings"> {
  const settings = facts.settings ?? defaultSettings;
  const input: EligibilityInput = {
    referenceDate: facts.changedOn,
    unit: facts.unit,
    application,
    ...(director ? { director } : {}),
    registry: facts.registry,
  };
  const context = buildRuleContext(input, settings);
  const findings = rules.map((rule) => rule(context)).filter((found): found is Finding => found !== null);
  const checks = findings.map(({ article, verdict, ruleId, messageZh, messageEn }) => ({
    article,
    verdict,
    ruleId,
    messageZh,
    messageEn,
  }));
  return {
    checks,
    refusals: checks
      .filter((check) => check.verdict === "fail")
      .map((check) => ({
        code: `rule-${check.ruleId}`,
        article: check.article,
        path,
        messageZh: `第${check.article}条：${check.messageZh}`,
        messageEn: `Art. ${check.article}: ${check.messageEn}`,
      })),
    warnings: checks.filter((check) => check.verdict === "soft"),
  };
}

const baseApplication = (base: ChangedBaseFacts): EligibilityInput["application"] => ({
  type: base.type,
  field: base.field,
  isKey: base.isKey,
  ...(base.region ? { region: base.region } : {}),
  countries: base.countries,
});

/**
 * Identity of a director across the registry: the person record when there is one, else the name as written (a
 * director imported or typed without a person record) — so Art. 12.3 still catches the same name on two bases.
 */
export function directorIdentity(personId: string | null | undefined, name: string | null | undefined): string | null {
  if (personId?.trim()) return personId.trim();
  return name?.trim() ? `name:${name.trim()}` : null;
}

function directorChange(facts: MajorChangeFacts): MajorChangeEffects {
  const { base, proposed } = facts;
  const name = proposed.directorName?.trim() ?? "";
  const personId = proposed.directorPersonId?.trim() || null;
  const previous = { directorName: base.directorName, directorPersonId: base.directorPersonId };
  const next = { directorName: name, directorPersonId: personId };
  const texts = { previousText: base.directorName || "—", newText: name || "—" };
  if (!name) {
    const refusal = missing("proposed.directorName", "新任负责人姓名", "new director's name");
    return { next, previous, ...texts, checks: [], refusals: [refusal], warnings: [] };
  }
  const same = personId && base.directorPersonId ? personId === base.directorPersonId : name === base.directorName;
  if (same) {
    const refusal = unchanged("proposed.directorName", "新任负责人", "new director");
    return { next, previous, ...texts, checks: [], refusals: [refusal], warnings: [] };
  }
  // Art. 12.1 (credit), 12.2 (title), 12.3 (one base per person): the rules the application ran, on the new director.
  const identity = directorIdentity(personId, name) ?? name;
  const director: EligibilityInput["director"] = {
    name,
    personId: identity,
    ...(facts.directorTitle ? { title: facts.directorTitle } : {}),
  };
  // A typed name matches no person's credit records: the check reports them missing instead of passing.
  const { creditRecords, ...rest } = facts.registry;
  const registry: RegistryFacts = personId && creditRecords ? { ...rest, creditRecords } : rest;
  const outcome = runRules(
    { ...facts, registry },
    baseApplication(base),
    director,
    [directorCredit, directorTitle, oneBasePerDirector],
    "proposed.directorName",
  );
  return { next, previous, ...texts, ...outcome };
}

function nameChange(facts: MajorChangeFacts): MajorChangeEffects {
  const { base, proposed } = facts;
  const field = proposed.field?.trim() ?? "";
  const previous = { field: base.field, standardName: base.standardName };
  const texts = { previousText: base.standardName };
  if (!field) {
    const refusal = missing("proposed.field", "变更后的领域", "new field");
    return { next: { field }, previous, ...texts, newText: "—", checks: [], refusals: [refusal], warnings: [] };
  }
  // Art. 29–30: the name is never typed; it is regenerated from the new field with the base's type and region.
  const named = standardName({
    type: base.type,
    field,
    isKey: base.isKey,
    ...(base.region ? { region: base.region } : {}),
  });
  if (!named.ok) {
    const refusal = { ...named.refusal, path: "proposed.field" };
    return { next: { field }, previous, ...texts, newText: "—", checks: [], refusals: [refusal], warnings: [] };
  }
  const next = { field, standardName: named.value };
  const refusals = named.value === base.standardName ? [unchanged("proposed.field", "领域", "field")] : [];
  return { next, previous, ...texts, newText: named.value, checks: [], refusals, warnings: [] };
}

const upper = (codes: readonly string[] | undefined) =>
  [...new Set((codes ?? []).map((code) => code.trim().toUpperCase()).filter(Boolean))].sort();

function countriesChange(facts: MajorChangeFacts): MajorChangeEffects {
  const { base, proposed } = facts;
  const previous = { countries: base.countries };
  const countries: CountryLevels = {
    key: upper(proposed.countries?.key),
    main: upper(proposed.countries?.main),
    radiating: upper(proposed.countries?.radiating),
  };
  const next = { countries };
  const texts = { previousText: countriesText(base.countries), newText: countriesText(countries) };
  const same =
    JSON.stringify([countries.key, countries.main]) ===
    JSON.stringify([upper(base.countries.key), upper(base.countries.main)]);
  if (same) {
    const refusal = unchanged("proposed.countries", "重点和主要合作国家(地区)", "key and main countries");
    return { next, previous, ...texts, checks: [], refusals: [refusal], warnings: [] };
  }
  // Art. 13 (the three levels named; an international organization's key country) and Art. 7.2 (partners with
  // valid agreements) re-run on the base with its new countries, its partners as its application gave them.
  const application = {
    ...baseApplication(base),
    countries,
    ...(facts.partners ? { partners: facts.partners } : {}),
  };
  const outcome = runRules(
    facts,
    application,
    undefined,
    [partnersWithAgreements, countriesNamed, internationalOrganization],
    "proposed.countries",
  );
  // Art. 13 "missing" (a level left empty) is the unit's to fix before it reports: refused at the field.
  const unnamed = outcome.checks
    .filter((check) => check.ruleId === "13-countries" && check.verdict === "missing")
    .map((check) => ({
      code: "rule-13-countries",
      article: check.article,
      path: "proposed.countries",
      messageZh: `第${check.article}条：${check.messageZh}`,
      messageEn: `Art. ${check.article}: ${check.messageEn}`,
    }));
  // Art. 7.2 is flagged, not refused: the countries are what changed, the partners are the evaluation's business.
  const refusals = outcome.refusals.filter((refusal) => refusal.article !== "7.2");
  const flagged = outcome.checks.filter((check) => check.article === "7.2" && check.verdict === "fail");
  return {
    next,
    previous,
    ...texts,
    checks: outcome.checks,
    refusals: [...refusals, ...unnamed],
    warnings: [...outcome.warnings, ...flagged],
  };
}

function workPlanChange(facts: MajorChangeFacts): MajorChangeEffects {
  const summary = facts.proposed.workPlanSummary?.trim() ?? "";
  const refusals = summary
    ? []
    : [missing("proposed.workPlanSummary", "新建设工作方案的主要调整内容", "new plan's summary")];
  return {
    next: { workPlanSummary: summary },
    previous: {},
    previousText: "原建设工作方案",
    newText: summary || "—",
    checks: [],
    refusals,
    warnings: [],
  };
}

/**
 * What a major change does (Art. 18.5), decided from loaded facts, the same at submission and at filing: the new
 * director re-checked against Art. 12 (12.3: one base per person, flagged), a new field regenerating the standard
 * name (Art. 29–30), new countries re-checked against Art. 7.2 and 13; the values before, for the history.
 */
export function decideMajorChangeEffects(facts: MajorChangeFacts): MajorChangeEffects {
  switch (facts.kind) {
    case "director":
      return directorChange(facts);
    case "name":
      return nameChange(facts);
    case "key-or-main-countries":
      return countriesChange(facts);
    case "work-plan":
      return workPlanChange(facts);
  }
}
