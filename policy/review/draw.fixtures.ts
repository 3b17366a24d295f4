import type { DrawCandidate, DrawInput, DrawRules, DrawTargetFacts } from "./draw";

/** Test and bench builders: a target, a pool, rules. Pure. */
export const sampleTarget: DrawTargetFacts = {
  kind: "application",
  id: "app-1",
  title: "湖北省人工智能国际科技合作基地（联合研究）",
  field: "人工智能",
  unitId: "unit-hust",
  unitName: "华中科技大学",
  directorPersonId: "person-director",
  directorUnitId: null,
  declaredAvoidances: [],
  declaredCollaborations: [],
};

export function sampleRules(overrides: Partial<DrawRules> = {}): DrawRules {
  return {
    fields: ["人工智能"],
    allowedTitles: [],
    statuses: ["active"],
    panelSize: 5,
    backups: 2,
    collaborationYears: 3,
    maxDrawsPerYear: 5,
    referenceYear: 2026,
    pinnedExclusions: [],
    ...overrides,
  };
}

export function candidate(n: number, overrides: Partial<DrawCandidate> = {}): DrawCandidate {
  const id = String(n).padStart(4, "0");
  return {
    expertId: `expert-${id}`,
    personId: `person-${id}`,
    name: `专家${id}`,
    unitId: `unit-${n % 7}`,
    unitName: `第${n % 7}研究院`,
    fields: ["人工智能"],
    title: "senior",
    status: "active",
    drawsThisYear: 0,
    ...overrides,
  };
}

export function pool(size: number, overrides: (n: number) => Partial<DrawCandidate> = () => ({})): DrawCandidate[] {
  return Array.from({ length: size }, (_, i) => candidate(i + 1, overrides(i + 1)));
}

export function drawInput(overrides: Partial<DrawInput> = {}): DrawInput {
  return { seed: 20261, rules: sampleRules(), target: sampleTarget, candidates: pool(20), ...overrides };
}
