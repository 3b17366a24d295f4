import { defaultSettings, type InterpretationSettings } from "../settings";

/** Grades of Art. 22. */
export const grades = [
  { code: "excellent", nameZh: "优秀", nameEn: "Excellent" },
  { code: "qualified", nameZh: "合格", nameEn: "Qualified" },
  { code: "unqualified", nameZh: "不合格", nameEn: "Unqualified" },
] as const;
export type Grade = (typeof grades)[number]["code"];

export type GradeCutoffs = Pick<
  InterpretationSettings,
  "excellentShare" | "excellentMinimumScore" | "unqualifiedBelow" | "excellentAtLeastOneSlot"
>;

/** One base in a year's evaluation. */
export interface EvaluationEntry {
  baseId: string;
  /** reported: report in and evaluated; not-reported: no report in time; not-participating / withdrew: Art. 20.2. */
  participation: "reported" | "not-reported" | "not-participating" | "withdrew";
  /** Aggregated score (0–100) when reported. */
  score?: number;
  /** Fraud found on site (Art. 20.1): 不合格 directly. */
  fraudFound?: boolean;
  /** The base is in its rectification year (Art. 24). */
  inRectification?: boolean;
}

export interface GradeResult {
  baseId: string;
  /** null: tied at the 优秀 cut, for the officer to decide. */
  grade: Grade | null;
  article: string;
  reasonZh: string;
  reasonEn: string;
  /** The system proposes revocation; the officer decides (Art. 20). */
  revocationProposal?: { ground: 1 | 2 | 6; article: string };
  /** Art. 24: a first 不合格 opens a one-year rectification. */
  startsRectification?: boolean;
  tiedAtCut?: boolean;
}

export interface CohortGrading {
  results: GradeResult[];
  /** ⌊share × n⌋ (at least 1 when n ≥ 1 and the setting says so). */
  excellentSlots: number;
  /** Slots left for the officer when bases tie at the cut. */
  tie?: { score: number; baseIds: string[]; slotsLeft: number };
}

/** The number of 优秀 slots for n bases evaluated in a year (SPEC §7). */
export function excellentSlots(evaluated: number, cutoffs: GradeCutoffs = defaultSettings): number {
  const slots = Math.floor(cutoffs.excellentShare * evaluated + 1e-9);
  return cutoffs.excellentAtLeastOneSlot && evaluated >= 1 ? Math.max(1, slots) : slots;
}

function consequences(entry: EvaluationEntry, result: GradeResult): GradeResult {
  if (result.grade !== "unqualified") return result;
  if (result.revocationProposal) return result;
  // Art. 24 / 20.6: still 不合格 after the rectification year → revocation proposal; otherwise rectification.
  if (entry.inRectification) return { ...result, revocationProposal: { ground: 6, article: "20.6" } };
  return { ...result, startsRectification: true };
}

function unqualifiedWithoutScore(entry: EvaluationEntry): GradeResult | null {
  switch (entry.participation) {
    case "not-reported":
      return {
        baseId: entry.baseId,
        grade: "unqualified",
        article: "22",
        reasonZh: "未按规定提交年度工作报告，当年考核不合格。",
        reasonEn: "No annual report in time: unqualified for the year.",
      };
    case "not-participating":
    case "withdrew":
      return {
        baseId: entry.baseId,
        grade: "unqualified",
        article: "22",
        reasonZh:
          entry.participation === "withdrew"
            ? "中途退出绩效考核，当年不合格，并拟取消资格。"
            : "无故不参加绩效考核，当年不合格，并拟取消资格。",
        reasonEn:
          entry.participation === "withdrew"
            ? "Withdrew from the evaluation: unqualified, revocation proposed."
            : "Did not take part in the evaluation: unqualified, revocation proposed.",
        revocationProposal: { ground: 2, article: "20.2" },
      };
    case "reported":
      if (entry.fraudFound) {
        return {
          baseId: entry.baseId,
          grade: "unqualified",
          article: "20.1",
          reasonZh: "核查发现材料造假，直接评为不合格，并拟取消资格。",
          reasonEn: "Fraud found on site: unqualified, revocation proposed.",
          revocationProposal: { ground: 1, article: "20.1" },
        };
      }
      if (entry.score === undefined) {
        return {
          baseId: entry.baseId,
          grade: "unqualified",
          article: "22",
          reasonZh: "无有效评分，按未提交处理。",
          reasonEn: "No valid score: treated as not submitted.",
        };
      }
      return null;
  }
}

/**
 * Grades one year's cohort (Art. 22, 24, 20.2): 优秀 = at most the top ⌊10% × n⌋ and ≥ 85 points; < 60 = 不合格;
 * otherwise 合格. Bases tied at the 优秀 cut get `grade: null` and `tiedAtCut` for the officer to decide.
 */
export function gradeCohort(
  entries: readonly EvaluationEntry[],
  cutoffs: GradeCutoffs = defaultSettings,
): CohortGrading {
  const slots = excellentSlots(entries.length, cutoffs);
  const fixed = new Map<string, GradeResult>();
  for (const entry of entries) {
    const result = unqualifiedWithoutScore(entry);
    if (result) fixed.set(entry.baseId, result);
  }
  const scored = entries
    .filter((entry) => !fixed.has(entry.baseId))
    .map((entry) => ({ entry, score: entry.score ?? 0 }));
  const candidates = scored
    .filter(({ score }) => score >= cutoffs.excellentMinimumScore)
    .sort((a, b) => b.score - a.score);
  const excellent = new Set<string>();
  let tie: CohortGrading["tie"];
  if (candidates.length > slots && slots > 0) {
    const cutScore = candidates[slots - 1]!.score;
    const above = candidates.filter(({ score }) => score > cutScore);
    const atCut = candidates.filter(({ score }) => score === cutScore);
    for (const { entry } of above) excellent.add(entry.baseId);
    if (above.length + atCut.length > slots) {
      tie = { score: cutScore, baseIds: atCut.map(({ entry }) => entry.baseId), slotsLeft: slots - above.length };
    } else for (const { entry } of atCut) excellent.add(entry.baseId);
  } else if (slots > 0) for (const { entry } of candidates) excellent.add(entry.baseId);
  const tied = new Set(tie?.baseIds ?? []);

  const results = entries.map((entry): GradeResult => {
    const preset = fixed.get(entry.baseId);
    if (preset) return consequences(entry, preset);
    const score = entry.score ?? 0;
    if (score < cutoffs.unqualifiedBelow) {
      return consequences(entry, {
        baseId: entry.baseId,
        grade: "unqualified",
        article: "22",
        reasonZh: `得分 ${score}，低于 ${cutoffs.unqualifiedBelow} 分。`,
        reasonEn: `Score ${score} is below ${cutoffs.unqualifiedBelow}.`,
      });
    }
    if (tied.has(entry.baseId)) {
      return {
        baseId: entry.baseId,
        grade: null,
        article: "22",
        tiedAtCut: true,
        reasonZh: `得分 ${score}，与其他基地并列于优秀名额线，由处室人员确定。`,
        reasonEn: `Score ${score} ties at the excellent cut: the officer decides.`,
      };
    }
    if (excellent.has(entry.baseId)) {
      return {
        baseId: entry.baseId,
        grade: "excellent",
        article: "22",
        reasonZh: `得分 ${score}，位列前 ${slots} 名且不低于 ${cutoffs.excellentMinimumScore} 分。`,
        reasonEn: `Score ${score}: within the top ${slots} and at least ${cutoffs.excellentMinimumScore}.`,
      };
    }
    return {
      baseId: entry.baseId,
      grade: "qualified",
      article: "22",
      reasonZh: `得分 ${score}。`,
      reasonEn: `Score ${score}.`,
    };
  });
  return { results, excellentSlots: slots, ...(tie ? { tie } : {}) };
}

/** The officer's decision on a tie: at most `slotsLeft` of the tied bases become 优秀, the rest 合格. */
export function resolveTie(grading: CohortGrading, chosenBaseIds: readonly string[]): CohortGrading | null {
  const tie = grading.tie;
  if (!tie) return grading;
  if (chosenBaseIds.length > tie.slotsLeft || chosenBaseIds.some((id) => !tie.baseIds.includes(id))) return null;
  const results = grading.results.map((result): GradeResult => {
    if (!result.tiedAtCut) return result;
    const chosen = chosenBaseIds.includes(result.baseId);
    return {
      ...result,
      grade: chosen ? "excellent" : "qualified",
      tiedAtCut: false,
      reasonZh: `${result.reasonZh}（处室人员确定为${chosen ? "优秀" : "合格"}）`,
      reasonEn: `${result.reasonEn} (officer decided: ${chosen ? "excellent" : "qualified"})`,
    };
  });
  return { results, excellentSlots: grading.excellentSlots };
}
