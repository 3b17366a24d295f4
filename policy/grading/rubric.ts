import { accept, type Outcome, refuse } from "../refusal";

/**
 * THE rubric type, shared by calls (expert scoring of applications) and annual grading (Art. 22): a tree of
 * weighted indicators. A leaf is scored within [min, max]; its normalized value (score − min) / (max − min)
 * times its weight flows up; the siblings' weights sum to 1; the total is on a 0–100 scale.
 */
export interface RubricIndicator {
  id: string;
  labelZh: string;
  labelEn?: string;
  /** Share of the parent (siblings sum to 1). */
  weight: number;
  /** Range of a leaf's raw score (e.g. 0–10); ignored for a node with children. */
  min: number;
  max: number;
  /** Article the indicator rests on ("3", "26": matching support is an indicator). */
  article?: string;
  children?: RubricIndicator[];
}

export interface Rubric {
  id: string;
  /** The call or evaluation year it belongs to. */
  year?: number;
  titleZh: string;
  indicators: RubricIndicator[];
}

export type RubricScores = Record<string, number>;

export interface ScoredIndicator {
  id: string;
  /** Contribution to the total, 0–100 × weight path. */
  points: number;
  children?: ScoredIndicator[];
}

const tolerance = 1e-9;

function leaves(indicators: readonly RubricIndicator[]): RubricIndicator[] {
  return indicators.flatMap((indicator) => (indicator.children?.length ? leaves(indicator.children) : [indicator]));
}

/** Checks the weights (siblings sum to 1, none negative), ranges (min < max) and unique ids. */
export function validateRubric(rubric: Rubric): Outcome<Rubric> {
  const ids = new Set<string>();
  const check = (indicators: readonly RubricIndicator[], path: string): string | null => {
    if (indicators.length === 0) return `${path}: no indicators`;
    const sum = indicators.reduce((total, indicator) => total + indicator.weight, 0);
    if (Math.abs(sum - 1) > 1e-6) return `${path}: weights sum to ${sum}, not 1`;
    for (const indicator of indicators) {
      if (ids.has(indicator.id)) return `${indicator.id}: duplicate id`;
      ids.add(indicator.id);
      if (indicator.weight < 0) return `${indicator.id}: negative weight`;
      if (indicator.children?.length) {
        const problem = check(indicator.children, indicator.id);
        if (problem) return problem;
      } else if (!(indicator.min < indicator.max)) return `${indicator.id}: min must be below max`;
    }
    return null;
  };
  const problem = check(rubric.indicators, rubric.id);
  if (problem) {
    return refuse({
      code: "rubric-invalid",
      article: "22",
      messageZh: `评分指标设置有误：${problem}`,
      messageEn: `Invalid rubric: ${problem}`,
    });
  }
  return accept(rubric);
}

/** The total (0–100) and the points of each indicator; refused when a leaf is unscored or out of range. */
export function scoreRubric(
  rubric: Rubric,
  scores: RubricScores,
): Outcome<{ total: number; indicators: ScoredIndicator[] }> {
  for (const leaf of leaves(rubric.indicators)) {
    const value = scores[leaf.id];
    if (value === undefined || !Number.isFinite(value)) {
      return refuse({
        code: "score-missing",
        path: leaf.id,
        messageZh: `指标“${leaf.labelZh}”未评分。`,
        messageEn: `Indicator ${leaf.id} is not scored.`,
      });
    }
    if (value < leaf.min - tolerance || value > leaf.max + tolerance) {
      return refuse({
        code: "score-out-of-range",
        path: leaf.id,
        messageZh: `指标“${leaf.labelZh}”的分值应在 ${leaf.min}–${leaf.max} 之间。`,
        messageEn: `Indicator ${leaf.id} must be scored between ${leaf.min} and ${leaf.max}.`,
      });
    }
  }
  const score = (indicators: readonly RubricIndicator[], share: number): ScoredIndicator[] =>
    indicators.map((indicator) => {
      const weight = share * indicator.weight;
      if (indicator.children?.length) {
        const children = score(indicator.children, weight);
        return { id: indicator.id, points: children.reduce((sum, child) => sum + child.points, 0), children };
      }
      const normalized = ((scores[indicator.id] ?? indicator.min) - indicator.min) / (indicator.max - indicator.min);
      return { id: indicator.id, points: weight * normalized };
    });
  const indicators = score(rubric.indicators, 100);
  const total = Math.round(indicators.reduce((sum, indicator) => sum + indicator.points, 0) * 100) / 100;
  return accept({ total, indicators });
}
