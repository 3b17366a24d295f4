import type { Finding } from "../../policy/eligibility/findings";
import type { Rubric } from "../../policy/grading/rubric";
import type { Outcome } from "../../policy/refusal";
import type { DrawTargetFacts } from "../../policy/review/draw";
import type { CommandContext } from "../commands/command";
import type { Executor } from "../db/client";

/**
 * The contract where recognition (issue 4) and expert review (issue 5) meet: anything experts review is a target
 * of one kind, and a provider per kind tells the review machinery what it needs. Expert review never reads an
 * application's or report's tables directly.
 */
export type ReviewTargetKind = DrawTargetFacts["kind"];

/** Facts the draw's exclusion rules use: the policy's own type (policy/review/draw.ts). */
export type ReviewTargetFacts = DrawTargetFacts;

/** What an expert may read once they have declared no conflict: read-only materials and the rule findings. */
export interface ReviewMaterials {
  title: string;
  /** Sections of the form as label/value pairs, already in Chinese office wording. */
  sections: Array<{
    headingZh: string;
    headingEn: string;
    /** `valueEn` where the value is a labelled code (type, title, countries): one language at a time. */
    items: Array<{ labelZh: string; labelEn: string; value: string; valueEn?: string }>;
  }>;
  /** The call's slot labels travel with each file, so the expert sees 申报书（PDF盖章版） rather than a slot code. */
  files: Array<{
    fileId: string;
    slot: string;
    name: string;
    mediaType: string;
    size: number;
    labelZh?: string;
    labelEn?: string;
  }>;
  findings: Finding[];
}

/** A target waiting for an officer to open its review (SPEC §5.1 step 5), for the officer's picker. */
export interface AwaitingReviewTarget {
  id: string;
  /** The standard name or the report's title. */
  title: string;
  unitName: string;
  field: string;
  /** The batch the target is ranked within (see `canStartReview`). */
  groupId: string | null;
  groupTitle: string | null;
}

/** How lists and the ranking name a target. */
export interface TargetLabel {
  title: string;
  unitName: string;
}

export interface ReviewTargetProvider {
  kind: ReviewTargetKind;
  facts(executor: Executor, id: string): Promise<ReviewTargetFacts | null>;
  /** The labels of many targets in one read (a batch's ranking holds thousands); ids not found are left out. */
  labels(executor: Executor, ids: readonly string[]): Promise<Map<string, TargetLabel>>;
  materials(executor: Executor, id: string): Promise<ReviewMaterials | null>;
  /** The rubric experts score: the call's for an application, the year's evaluation rubric for a report. */
  rubric(executor: Executor, id: string): Promise<Rubric | null>;
  /**
   * Whether a review round may start now (an application must be in expert review), and the batch the target is
   * ranked within: the call for an application, the evaluation year for a report. Absent: always allowed, no batch.
   */
  canStartReview?(executor: Executor, id: string): Promise<Outcome<{ groupId: string; groupTitle: string }>>;
  /**
   * Every target now in the state where a review may start (an application in expert review), whether or not a
   * round is already open: the review machinery, which owns the rounds, leaves those out. Absent: none listed.
   */
  awaiting?(executor: Executor): Promise<AwaitingReviewTarget[]>;
  /** The hand-off: called in the command that completes the panel (all scored, panel opinion written). */
  onReviewCompleted(context: CommandContext, id: string, result: { roundId: string; mean: number }): Promise<void>;
}

const providers = new Map<ReviewTargetKind, ReviewTargetProvider>();

/** Each target kind registers its provider once at start (server/review/register-targets.ts). */
export function registerReviewTarget(provider: ReviewTargetProvider): void {
  providers.set(provider.kind, provider);
}

export function reviewTarget(kind: ReviewTargetKind): ReviewTargetProvider {
  const provider = providers.get(kind);
  if (!provider) throw new Error(`no review target provider registered for ${kind}`);
  return provider;
}
