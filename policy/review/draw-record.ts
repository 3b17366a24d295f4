import { canonicalJson } from "../canonical-json";
import type { Refusal } from "../refusal";
import {
  type DrawCandidate,
  type DrawCounts,
  type DrawInput,
  type DrawOutcome,
  type DrawRules,
  type DrawTargetFacts,
  drawAlgorithm,
  drawRecordFormat,
  type Exclusion,
  runDraw,
  sortCandidates,
} from "./draw";
import type { FilterRule } from "./exclusion-reasons";

/** 补抽: an assigned expert declined or recused and the next unused backup joined the panel. */
export interface DrawReplacement {
  outExpertId: string;
  inExpertId: string;
  reason: "declined" | "recused";
  at: string;
  byName: string | null;
  note?: string;
}

/**
 * Everything needed to re-run one draw attempt and check it: the seed, the rules and parameters, the target's
 * facts, the candidates (in id order) with the facts each rule used, and what came out. Stored in `draws.record`
 * and served by GET /api/draws/:id/record; `npm run -s policy -- draw-verify <file>` re-runs it.
 */
export interface DrawRecord {
  format: typeof drawRecordFormat;
  algorithm: string;
  drawId: string;
  roundId: string;
  attempt: number;
  /** ISO timestamp. */
  drawnAt: string;
  drawnBy: string | null;
  seed: number;
  rules: DrawRules;
  target: DrawTargetFacts;
  candidates: DrawCandidate[];
  /** Hex SHA-256 of the canonical JSON of `candidates` (SPEC §5.1: the candidate list digest). */
  candidatesDigest: string;
  outcome: {
    status: "drawn" | "refused";
    panel: string[];
    backups: string[];
    refusal: Refusal | null;
    eligible: string[];
    filtered: Record<FilterRule, string[]>;
    exclusions: Exclusion[];
    counts: DrawCounts;
  };
  replacements: DrawReplacement[];
}

export function drawInputOf(record: Pick<DrawRecord, "seed" | "rules" | "target" | "candidates">): DrawInput {
  return { seed: record.seed, rules: record.rules, target: record.target, candidates: record.candidates };
}

/** Builds the record of one attempt from its input and outcome; `digest` is SHA-256 hex supplied by the caller. */
export function buildDrawRecord(
  meta: { drawId: string; roundId: string; attempt: number; drawnAt: string; drawnBy: string | null },
  input: DrawInput,
  outcome: DrawOutcome,
  digest: (text: string) => string,
): DrawRecord {
  const candidates = [...sortCandidates(input.candidates)];
  return {
    format: drawRecordFormat,
    algorithm: drawAlgorithm,
    ...meta,
    seed: input.seed,
    rules: input.rules,
    target: input.target,
    candidates,
    candidatesDigest: digest(canonicalJson(candidates)),
    outcome: {
      status: outcome.status,
      panel: outcome.status === "drawn" ? outcome.panel : [],
      backups: outcome.status === "drawn" ? outcome.backups : [],
      refusal: outcome.status === "refused" ? outcome.refusal : null,
      eligible: outcome.eligible,
      filtered: outcome.filtered,
      exclusions: outcome.exclusions,
      counts: outcome.counts,
    },
    replacements: [],
  };
}

/** The backup who joins next (补抽), or null when the backups are used up and a new attempt is needed. */
export function nextBackup(record: Pick<DrawRecord, "outcome" | "replacements">): string | null {
  return record.outcome.backups[record.replacements.length] ?? null;
}

/** The panel as it stands after the replacements, in draw order. */
export function currentPanel(record: Pick<DrawRecord, "outcome" | "replacements">): string[] {
  let panel = [...record.outcome.panel];
  for (const replacement of record.replacements) {
    panel = panel.map((id) => (id === replacement.outExpertId ? replacement.inExpertId : id));
  }
  return panel;
}

export interface DrawVerification {
  matches: boolean;
  recorded: { status: string; panel: string[]; backups: string[] };
  rerun: { status: string; panel: string[]; backups: string[] };
  problems: string[];
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Re-runs a record's draw and compares: status, panel and backups exactly (order included); the replacements must
 * take the backups in order and replace someone on the panel; the candidate digest is checked when `digest` is given.
 */
export function verifyDrawRecord(record: DrawRecord, digest?: (text: string) => string): DrawVerification {
  const problems: string[] = [];
  const rerun = runDraw(drawInputOf(record));
  const rerunView = {
    status: rerun.status,
    panel: rerun.status === "drawn" ? rerun.panel : [],
    backups: rerun.status === "drawn" ? rerun.backups : [],
  };
  const recorded = {
    status: record.outcome.status,
    panel: record.outcome.panel,
    backups: record.outcome.backups,
  };
  if (recorded.status !== rerunView.status)
    problems.push(`status: recorded ${recorded.status}, re-run ${rerun.status}`);
  if (!same(recorded.panel, rerunView.panel)) problems.push("panel differs from the re-run");
  if (!same(recorded.backups, rerunView.backups)) problems.push("backups differ from the re-run");
  if (digest && digest(canonicalJson(sortCandidates(record.candidates))) !== record.candidatesDigest) {
    problems.push("candidate digest does not match the candidate list");
  }
  let panel = [...recorded.panel];
  record.replacements.forEach((replacement, index) => {
    if (replacement.inExpertId !== recorded.backups[index]) {
      problems.push(`replacement ${index + 1}: ${replacement.inExpertId} is not backup ${index + 1}`);
    }
    if (!panel.includes(replacement.outExpertId)) {
      problems.push(`replacement ${index + 1}: ${replacement.outExpertId} was not on the panel`);
    }
    panel = panel.map((id) => (id === replacement.outExpertId ? replacement.inExpertId : id));
  });
  return { matches: problems.length === 0, recorded, rerun: rerunView, problems };
}
