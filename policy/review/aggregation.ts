import { type Rubric, type RubricIndicator, type RubricScores, scoreRubric } from "../grading/rubric";
import { accept, type Outcome, refuse } from "../refusal";

/**
 * Aggregation of a panel's scores (SPEC §5.1 step 5, §7: configurable per call). The result is the mean of the
 * experts' totals, or the mean without the highest and the lowest total — the default once five or more experts
 * have scored. An expert whose total is more than `deviationThreshold` points from the mean of the others' totals
 * is flagged for the officer (not dropped).
 */
export type AggregationMethod = "auto" | "mean" | "trimmed-mean";

export interface AggregationSettings {
  method: AggregationMethod;
  /** Points (0–100 scale) from the others' mean beyond which a total is flagged. */
  deviationThreshold: number;
  /** With "auto", the trimmed mean applies from this many totals up. */
  trimFrom: number;
}

export const defaultAggregationSettings: AggregationSettings = { method: "auto", deviationThreshold: 15, trimFrom: 5 };

export interface ExpertScores {
  /** Whatever identifies the review to the caller (assignment id). */
  id: string;
  scores: RubricScores;
}

export interface IndicatorSpread {
  id: string;
  labelZh: string;
  labelEn: string;
  min: number;
  max: number;
  /** Statistics of the raw scores given on this leaf. */
  mean: number;
  lowest: number;
  highest: number;
  spread: number;
}

export interface ExpertTotal {
  id: string;
  total: number;
  /** total − mean of the other experts' totals (null with a single expert). */
  deviation: number | null;
  flagged: boolean;
  /** Left out of the trimmed mean (the one highest or the one lowest). */
  dropped: boolean;
}

export interface Aggregation {
  method: "mean" | "trimmed-mean";
  /** The result: 2 decimals. */
  score: number;
  /** Plain mean of all totals, for comparison. */
  mean: number;
  experts: ExpertTotal[];
  indicators: IndicatorSpread[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const average = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function leaves(indicators: readonly RubricIndicator[]): RubricIndicator[] {
  return indicators.flatMap((indicator) => (indicator.children?.length ? leaves(indicator.children) : [indicator]));
}

/** Totals via scoreRubric, then the chosen mean, deviation flags and a per-indicator breakdown. */
export function aggregateScores(
  rubric: Rubric,
  reviews: readonly ExpertScores[],
  settings: AggregationSettings = defaultAggregationSettings,
): Outcome<Aggregation> {
  if (reviews.length === 0) {
    return refuse({
      code: "no-scores",
      article: "14.2",
      messageZh: "尚无专家提交评分。",
      messageEn: "No expert has submitted scores.",
    });
  }
  const totals: Array<{ id: string; total: number }> = [];
  for (const review of reviews) {
    const scored = scoreRubric(rubric, review.scores);
    if (!scored.ok) return scored;
    totals.push({ id: review.id, total: scored.value.total });
  }
  const method =
    settings.method === "auto" ? (totals.length >= settings.trimFrom ? "trimmed-mean" : "mean") : settings.method;
  const dropped = new Set<string>();
  if (method === "trimmed-mean" && totals.length >= 3) {
    // Ties: the lowest (highest) total with the smallest (largest) id, so the choice does not depend on input order.
    const ordered = [...totals].sort((a, b) => a.total - b.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    dropped.add(ordered[0]!.id);
    dropped.add(ordered[ordered.length - 1]!.id);
  }
  const kept = totals.filter((t) => !dropped.has(t.id)).map((t) => t.total);
  const sum = totals.reduce((s, t) => s + t.total, 0);
  const experts = totals.map(({ id, total }) => {
    const deviation = totals.length > 1 ? round2(total - (sum - total) / (totals.length - 1)) : null;
    return {
      id,
      total,
      deviation,
      flagged: deviation !== null && Math.abs(deviation) > settings.deviationThreshold,
      dropped: dropped.has(id),
    };
  });
  const indicators = leaves(rubric.indicators).map((leaf) => {
    const values = reviews.map((review) => review.scores[leaf.id] ?? leaf.min);
    const lowest = Math.min(...values);
    const highest = Math.max(...values);
    return {
      id: leaf.id,
      labelZh: leaf.labelZh,
      labelEn: leaf.labelEn ?? leaf.id,
      min: leaf.min,
      max: leaf.max,
      mean: round2(average(values)),
      lowest,
      highest,
      spread: round2(highest - lowest),
    };
  });
  return accept({
    method,
    score: round2(average(kept)),
    mean: round2(sum / totals.length),
    experts,
    indicators,
  });
}

/** A call's ranking: targets by aggregated score, highest first; equal scores share a rank (1, 2, 2, 4). */
export function rankTargets<T extends { score: number | null }>(
  rows: readonly T[],
): Array<T & { rank: number | null }> {
  const scored = rows.filter((row) => row.score !== null).sort((a, b) => b.score! - a.score!);
  const ranked = scored.map((row) => ({ ...row, rank: 0 }));
  ranked.forEach((row, index) => {
    row.rank = index > 0 && ranked[index - 1]!.score === row.score ? ranked[index - 1]!.rank : index + 1;
  });
  return [...ranked, ...rows.filter((row) => row.score === null).map((row) => ({ ...row, rank: null }))];
}
