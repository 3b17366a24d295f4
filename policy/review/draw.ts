import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Refusal } from "../refusal";
import {
  type DrawRule,
  type ExclusionRule,
  exclusionReason,
  exclusionRules,
  type FilterRule,
  filterRules,
} from "./exclusion-reasons";

/**
 * 专家抽取 (SPEC §5.1 step 5, Art. 14.2 and 22): a constrained lottery. The pool is filtered (status, field,
 * title), conflicts are excluded with a stated reason (回避), and the panel and its backups are drawn from what is
 * left by a seeded xoroshiro128+ generator and a forward Fisher–Yates shuffle. Pure: the same input always gives
 * the same panel, so anyone holding a record can re-run it (verifyDrawRecord).
 */
export const drawAlgorithm = "xoroshiro128plus(seed|0) + uniformInt + forward Fisher–Yates over eligible ids/v1";
export const drawRecordFormat = "guohe-draw-record/1";

export interface DrawRules {
  /** Any match: an expert qualifies when one of their fields is listed. */
  fields: string[];
  /** Title codes allowed (policy/reference/titles.ts); empty = any title. */
  allowedTitles: string[];
  /** Expert statuses that may be drawn (normally ["active"]). */
  statuses: string[];
  /**
   * "panel": a full panel, odd and ≥ 3 (default 5). "top-up": the backups ran out after declines and recusals, so
   * this attempt fills only the `panelSize` missing seats; the experts already asked are pinned exclusions.
   */
  mode?: "panel" | "top-up";
  /** Seats to fill: the panel size (odd, ≥ 3) or, in top-up mode, the missing seats (≥ 1). */
  panelSize: number;
  /** Backups drawn after the panel, used in order for replacements (补抽). */
  backups: number;
  /** N: a declared collaboration in year Y excludes when referenceYear − Y ≤ N. */
  collaborationYears: number;
  /** K: an expert already drawn K times in the reference year is not drawn again. */
  maxDrawsPerYear: number;
  referenceYear: number;
  pinnedExclusions: Array<{ expertId: string; reason: string }>;
}

export const defaultDrawRules = {
  allowedTitles: [] as string[],
  statuses: ["active"],
  panelSize: 5,
  backups: 2,
  collaborationYears: 3,
  maxDrawsPerYear: 5,
  pinnedExclusions: [] as Array<{ expertId: string; reason: string }>,
};

/**
 * Facts the exclusion rules use about what is reviewed, taken by the target's provider (server/review/targets.ts)
 * when the draw runs and stored in its record.
 */
export interface DrawTargetFacts {
  kind: "application" | "annual-report";
  id: string;
  /** For the panel's screen and the record: the standard name or the report's title. */
  title: string;
  field: string;
  unitId: string;
  unitName: string;
  directorPersonId: string | null;
  /** The director's employer when it is not the host unit (joint appointments). */
  directorUnitId: string | null;
  /** Avoidances the applicant declared (回避): experts or whole units, each with its reason. */
  declaredAvoidances: Array<{ expertId?: string; personId?: string; unitName?: string; reason: string }>;
  /** Declared collaborations with experts, with the year, for the "collaborated within N years" rule. */
  declaredCollaborations: Array<{ personId: string; year: number; note?: string }>;
}

/** An expert as the draw saw them at that moment. */
export interface DrawCandidate {
  expertId: string;
  personId: string;
  name: string;
  unitId: string | null;
  unitName: string;
  fields: string[];
  title: string;
  status: string;
  /** Panels this expert was put on in the reference year before this draw. */
  drawsThisYear: number;
}

export interface DrawInput {
  /** uint32 from the server's cryptographic generator, never chosen by a person. */
  seed: number;
  rules: DrawRules;
  target: DrawTargetFacts;
  candidates: DrawCandidate[];
}

export interface Exclusion {
  expertId: string;
  rule: ExclusionRule;
  reasonZh: string;
  reasonEn: string;
  facts: Record<string, string | number | null>;
}

export interface DrawCounts {
  pool: number;
  filtered: Record<FilterRule, number>;
  excluded: Record<ExclusionRule, number>;
  eligible: number;
  needed: number;
}

interface Screened {
  /** Expert ids removed by each filter (first failing filter only). */
  filtered: Record<FilterRule, string[]>;
  /** Every conflict of every candidate that passed the filters (one candidate may have several). */
  exclusions: Exclusion[];
  /** Eligible ids in id order: the list the shuffle runs over. */
  eligible: string[];
  counts: DrawCounts;
}

export type DrawOutcome =
  | ({ status: "drawn"; panel: string[]; backups: string[] } & Screened)
  | ({ status: "refused"; refusal: Refusal } & Screened);

/** Code-unit order, the same on every machine and locale (SQL collations are not). */
const byId = (a: DrawCandidate, b: DrawCandidate) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0);

/**
 * "Same unit" compares unit ids when both are known, else names normalized by NFKC (full-width brackets and
 * spaces become ASCII), with white space removed and case folded. Memoized: the same names recur in every draw.
 */
export function normalizeUnitName(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
    if (normalizedNames.size > 100_000) normalizedNames.clear();
    normalizedNames.set(name, normalized);
  }
  return normalized;
}
const normalizedNames = new Map<string, string>();

function invalid(messageZh: string, messageEn: string, path: string): Refusal {
  return { code: "draw-input-invalid", article: "14.2", path, messageZh, messageEn };
}

/** Checks the rules' parameters and that every candidate appears once (`sorted`: the candidates in id order). */
export function validateDrawInput(
  input: DrawInput,
  sorted: readonly DrawCandidate[] = sortCandidates(input.candidates),
): Refusal | null {
  const { rules } = input;
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff) {
    return invalid("随机种子应为 32 位无符号整数。", "The seed must be a uint32.", "seed");
  }
  if (rules.mode === "top-up") {
    if (!Number.isInteger(rules.panelSize) || rules.panelSize < 1) {
      return invalid("补抽人数至少为 1。", "A top-up fills at least one seat.", "rules.panelSize");
    }
  } else if (!Number.isInteger(rules.panelSize) || rules.panelSize < 3 || rules.panelSize % 2 === 0) {
    return invalid("专家组人数应为不小于 3 的奇数。", "The panel size must be an odd number ≥ 3.", "rules.panelSize");
  }
  if (!Number.isInteger(rules.backups) || rules.backups < 0) {
    return invalid("备选专家人数不能为负数。", "Backups cannot be negative.", "rules.backups");
  }
  if (!Number.isInteger(rules.collaborationYears) || rules.collaborationYears < 0) {
    return invalid(
      "合作回避年限不能为负数。",
      "The collaboration window cannot be negative.",
      "rules.collaborationYears",
    );
  }
  if (!Number.isInteger(rules.maxDrawsPerYear) || rules.maxDrawsPerYear < 1) {
    return invalid("年度抽取上限至少为 1。", "The yearly draw limit must be at least 1.", "rules.maxDrawsPerYear");
  }
  if (rules.fields.length === 0) {
    return invalid("请至少指定一个领域。", "Name at least one field.", "rules.fields");
  }
  for (let i = 1; i < sorted.length; i++) {
    const id = sorted[i]!.expertId;
    if (id === sorted[i - 1]!.expertId) {
      return invalid(`候选专家重复：${id}`, `Candidate listed twice: ${id}`, "candidates");
    }
  }
  return null;
}

/** The candidates in id order; a list that is already in order (the server's) is not copied. */
export function sortCandidates(candidates: readonly DrawCandidate[]): readonly DrawCandidate[] {
  for (let i = 1; i < candidates.length; i++) {
    if (byId(candidates[i - 1]!, candidates[i]!) > 0) return [...candidates].sort(byId);
  }
  return candidates;
}

/** The target's facts arranged for constant-time checks, built once per draw. */
interface ConflictIndex {
  input: DrawInput;
  targetUnitName: string;
  avoidByExpert: Map<string, DrawTargetFacts["declaredAvoidances"][number]>;
  avoidByPerson: Map<string, DrawTargetFacts["declaredAvoidances"][number]>;
  avoidByUnit: Map<string, DrawTargetFacts["declaredAvoidances"][number]>;
  /** personId → the most recent declared collaboration. */
  collaborations: Map<string, DrawTargetFacts["declaredCollaborations"][number]>;
  pinned: Map<string, string>;
}

function conflictIndex(input: DrawInput): ConflictIndex {
  const { target } = input;
  const avoidByExpert = new Map<string, DrawTargetFacts["declaredAvoidances"][number]>();
  const avoidByPerson = new Map<string, DrawTargetFacts["declaredAvoidances"][number]>();
  const avoidByUnit = new Map<string, DrawTargetFacts["declaredAvoidances"][number]>();
  for (const avoidance of target.declaredAvoidances) {
    if (avoidance.expertId && !avoidByExpert.has(avoidance.expertId)) avoidByExpert.set(avoidance.expertId, avoidance);
    if (avoidance.personId && !avoidByPerson.has(avoidance.personId)) avoidByPerson.set(avoidance.personId, avoidance);
    const unit = avoidance.unitName ? normalizeUnitName(avoidance.unitName) : "";
    if (unit && !avoidByUnit.has(unit)) avoidByUnit.set(unit, avoidance);
  }
  const collaborations = new Map<string, DrawTargetFacts["declaredCollaborations"][number]>();
  for (const collaboration of target.declaredCollaborations) {
    const known = collaborations.get(collaboration.personId);
    if (!known || collaboration.year > known.year) collaborations.set(collaboration.personId, collaboration);
  }
  return {
    input,
    targetUnitName: normalizeUnitName(target.unitName),
    avoidByExpert,
    avoidByPerson,
    avoidByUnit,
    collaborations,
    pinned: new Map(input.rules.pinnedExclusions.map((p) => [p.expertId, p.reason])),
  };
}

function exclude(
  out: Exclusion[],
  candidate: DrawCandidate,
  rule: ExclusionRule,
  facts: Record<string, string | number | null>,
): void {
  out.push({ expertId: candidate.expertId, rule, ...exclusionReason(rule, facts), facts });
}

/** Appends every conflict of one candidate to `out`; returns how many. */
function conflicts(candidate: DrawCandidate, index: ConflictIndex, out: Exclusion[]): number {
  const { target, rules } = index.input;
  const before = out.length;
  if (target.directorPersonId && candidate.personId === target.directorPersonId) {
    exclude(out, candidate, "director", { personId: candidate.personId });
  }
  const candidateUnitName = candidate.unitName ? normalizeUnitName(candidate.unitName) : "";
  const comparedBy =
    candidate.unitId && target.unitId
      ? candidate.unitId === target.unitId
        ? "id"
        : null
      : candidateUnitName && candidateUnitName === index.targetUnitName
        ? "name"
        : null;
  if (comparedBy) {
    exclude(out, candidate, "same-unit", {
      expertUnitId: candidate.unitId,
      expertUnit: candidate.unitName,
      targetUnitId: target.unitId,
      targetUnit: target.unitName,
      comparedBy,
    });
  }
  if (target.directorUnitId && target.directorUnitId !== target.unitId && candidate.unitId === target.directorUnitId) {
    exclude(out, candidate, "director-unit", {
      expertUnitId: candidate.unitId,
      expertUnit: candidate.unitName,
      directorUnitId: target.directorUnitId,
      comparedBy: "id",
    });
  }
  const byExpert = index.avoidByExpert.get(candidate.expertId);
  const byPerson = byExpert ? undefined : index.avoidByPerson.get(candidate.personId);
  const byUnit = byExpert || byPerson || !candidateUnitName ? undefined : index.avoidByUnit.get(candidateUnitName);
  const avoidance = byExpert ?? byPerson ?? byUnit;
  if (avoidance) {
    exclude(out, candidate, "declared-avoidance", {
      matchedBy: byExpert ? "expertId" : byPerson ? "personId" : "unitName",
      declaredExpertId: avoidance.expertId ?? null,
      declaredPersonId: avoidance.personId ?? null,
      declaredUnitName: avoidance.unitName ?? null,
      expertUnit: candidate.unitName,
      reason: avoidance.reason,
    });
  }
  const collaboration = index.collaborations.get(candidate.personId);
  if (collaboration && rules.referenceYear - collaboration.year <= rules.collaborationYears) {
    exclude(out, candidate, "collaboration", {
      personId: candidate.personId,
      year: collaboration.year,
      windowYears: rules.collaborationYears,
      referenceYear: rules.referenceYear,
      note: collaboration.note ?? null,
    });
  }
  if (candidate.drawsThisYear >= rules.maxDrawsPerYear) {
    exclude(out, candidate, "draw-limit", {
      drawsThisYear: candidate.drawsThisYear,
      maxDrawsPerYear: rules.maxDrawsPerYear,
      referenceYear: rules.referenceYear,
    });
  }
  const pinnedReason = index.pinned.get(candidate.expertId);
  if (pinnedReason !== undefined) exclude(out, candidate, "pinned", { reason: pinnedReason });
  return out.length - before;
}

/** Applies the filters and exclusion rules to the candidates (in id order). */
export function screenCandidates(
  input: DrawInput,
  sorted: readonly DrawCandidate[] = sortCandidates(input.candidates),
): Screened {
  const { rules } = input;
  const statuses = new Set(rules.statuses);
  const fields = new Set(rules.fields);
  const titles = new Set(rules.allowedTitles);
  const index = conflictIndex(input);
  const filtered: Record<FilterRule, string[]> = { status: [], field: [], title: [] };
  const exclusions: Exclusion[] = [];
  const eligible: string[] = [];
  for (const candidate of sorted) {
    if (!statuses.has(candidate.status)) filtered.status.push(candidate.expertId);
    else if (!matchesField(candidate.fields, fields)) filtered.field.push(candidate.expertId);
    else if (titles.size > 0 && !titles.has(candidate.title)) filtered.title.push(candidate.expertId);
    else if (conflicts(candidate, index, exclusions) === 0) eligible.push(candidate.expertId);
  }
  const excluded = Object.fromEntries(exclusionRules.map((rule) => [rule, 0])) as Record<ExclusionRule, number>;
  for (const exclusion of exclusions) excluded[exclusion.rule] += 1;
  return {
    filtered,
    exclusions,
    eligible,
    counts: {
      pool: sorted.length,
      filtered: { status: filtered.status.length, field: filtered.field.length, title: filtered.title.length },
      excluded,
      eligible: eligible.length,
      needed: rules.panelSize + rules.backups,
    },
  };
}

function matchesField(candidateFields: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const field of candidateFields) if (wanted.has(field)) return true;
  return false;
}

/**
 * Draws `k` ids from `eligible` (in id order): for i = 0 … k−1, j = uniformInt(rng, i, n−1), swap(i, j).
 * Written out so that anyone can re-implement it from the record.
 */
export function seededSample(eligible: readonly string[], seed: number, k: number): string[] {
  const order = [...eligible];
  const rng = xoroshiro128plus(seed | 0);
  const n = order.length;
  for (let i = 0; i < k && i < n - 1; i++) {
    const j = uniformInt(rng, i, n - 1);
    const held = order[i]!;
    order[i] = order[j]!;
    order[j] = held;
  }
  return order.slice(0, k);
}

function shortPoolRefusal(counts: DrawCounts): Refusal {
  const parts = (Object.entries({ ...counts.filtered, ...counts.excluded }) as Array<[DrawRule, number]>)
    .filter(([, n]) => n > 0)
    .map(([rule, n]) => `${rule} ${n}`);
  return {
    code: "pool-too-small",
    article: "14.2",
    messageZh: `符合条件的专家 ${counts.eligible} 人，少于所需 ${counts.needed} 人（专家组与备选）。专家库共 ${counts.pool} 人；被排除：${parts.join("，") || "无"}。`,
    messageEn: `${counts.eligible} eligible experts, fewer than the ${counts.needed} needed (panel and backups). Pool ${counts.pool}; removed: ${parts.join(", ") || "none"}.`,
  };
}

/** Runs the draw. Never returns a short panel: if the pool cannot fill it, the refusal says which rule removed whom. */
export function runDraw(input: DrawInput): DrawOutcome {
  const sorted = sortCandidates(input.candidates);
  const problem = validateDrawInput(input, sorted);
  const screened = screenCandidates(input, sorted);
  if (problem) return { status: "refused", refusal: problem, ...screened };
  if (screened.eligible.length < screened.counts.needed) {
    return { status: "refused", refusal: shortPoolRefusal(screened.counts), ...screened };
  }
  const drawn = seededSample(screened.eligible, input.seed, screened.counts.needed);
  return {
    status: "drawn",
    panel: drawn.slice(0, input.rules.panelSize),
    backups: drawn.slice(input.rules.panelSize),
    ...screened,
  };
}

export { exclusionRules, filterRules };
