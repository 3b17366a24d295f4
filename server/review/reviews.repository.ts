import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Assignment, type AssignmentListQuery, effectiveSettingsSchema, type Round } from "../../contracts/review";
import type { Ability } from "../../policy/access/abilities";
import { availableEvents } from "../../policy/lifecycles/transition";
import { type AssignmentState, assignmentLifecycle } from "../../policy/review/assignment.transitions";
import type { ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { type draws, experts, people, reviewAssignments, reviewRounds } from "../db/schema";
import { parseAssignmentRow, parseRoundRow } from "../db/stored-json";
import { assignmentRows, roundRows } from "./assigned";
import { drawSituation } from "./draw-situation";
import { aggregationSettingsOf, drawRulesOf } from "./review-settings";
import { type ReviewTargetFacts, reviewTarget, type TargetLabel } from "./targets";

type RoundRow = typeof reviewRounds.$inferSelect;
type AssignmentRow = typeof reviewAssignments.$inferSelect;

/** Title and host unit of a round's target, from its provider (the review never reads the target's tables). */
export async function targetLabel(executor: Executor, round: Pick<RoundRow, "targetKind" | "targetId">) {
  return labelOf(round, await reviewTarget(round.targetKind).facts(executor, round.targetId));
}

/** The labels of many rounds' targets, one read per target kind; a target gone is labelled by its id. */
export async function targetLabels(
  executor: Executor,
  rounds: ReadonlyArray<Pick<RoundRow, "targetKind" | "targetId">>,
): Promise<Map<string, TargetLabel>> {
  const labels = new Map<string, TargetLabel>();
  for (const kind of new Set(rounds.map((round) => round.targetKind))) {
    const ids = [...new Set(rounds.filter((round) => round.targetKind === kind).map((round) => round.targetId))];
    for (const [id, label] of await reviewTarget(kind).labels(executor, ids)) labels.set(id, label);
  }
  for (const round of rounds) if (!labels.has(round.targetId)) labels.set(round.targetId, labelOf(round, null));
  return labels;
}

function labelOf(round: Pick<RoundRow, "targetId">, facts: ReviewTargetFacts | null) {
  return { title: facts?.title ?? round.targetId, unitName: facts?.unitName ?? "" };
}

export async function listRounds(
  executor: Executor,
  scope: ResolvedScope,
  filter: { status?: RoundRow["status"] | undefined; groupId?: string | undefined; page: number; pageSize: number },
) {
  const conditions: SQL[] = [roundRows(scope)];
  if (filter.status) conditions.push(eq(reviewRounds.status, filter.status));
  if (filter.groupId) conditions.push(eq(reviewRounds.groupId, filter.groupId));
  const where = and(...conditions);
  const rows = await executor
    .select()
    .from(reviewRounds)
    .where(where)
    .orderBy(desc(reviewRounds.createdAt), reviewRounds.id)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [count] = await executor.select({ n: sql<number>`count(*)::int` }).from(reviewRounds).where(where);
  // The list shows each round's settings, not its rubric.
  return { rows: rows.map((row) => parseRoundRow(row, ["settings"])), total: Number(count?.n ?? 0) };
}

/** Assignments of a round that the caller reaches: all of them for an officer, their own for an expert. */
export async function roundAssignments(executor: Executor, scope: ResolvedScope, roundId: string) {
  const rows = await executor
    .select({ assignment: reviewAssignments, name: people.name })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .innerJoin(people, eq(people.id, experts.personId))
    .where(and(eq(reviewAssignments.roundId, roundId), assignmentRows(scope)))
    .orderBy(reviewAssignments.createdAt, reviewAssignments.id);
  return rows.map((row) => ({ ...row, assignment: parseAssignmentRow(row.assignment) }));
}

/** The caller's own assignments across rounds (expert portal), or the one asked, with each round's rubric. */
export async function myAssignments(
  executor: Executor,
  scope: ResolvedScope,
  assignmentId?: string,
  filter: AssignmentListQuery = {},
) {
  const rows = await executor
    .select({ assignment: reviewAssignments, round: reviewRounds, name: people.name })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .innerJoin(people, eq(people.id, experts.personId))
    .where(
      and(
        assignmentRows(scope),
        assignmentId === undefined ? undefined : eq(reviewAssignments.id, assignmentId),
        filter.status === undefined ? undefined : eq(reviewAssignments.status, filter.status),
        filter.open === "true" ? eq(reviewRounds.status, "in-review") : undefined,
      ),
    )
    .orderBy(desc(reviewAssignments.createdAt));
  return rows.map((row) => ({
    ...row,
    assignment: parseAssignmentRow(row.assignment),
    round: parseRoundRow(row.round, ["rubric"]),
  }));
}

export function presentAssignment(
  row: { assignment: AssignmentRow; name: string },
  abilities: readonly Ability[],
): Assignment {
  const a = row.assignment;
  const state = a.status as AssignmentState;
  return {
    id: a.id,
    roundId: a.roundId,
    drawId: a.drawId,
    expertId: a.expertId,
    expertName: row.name,
    role: a.role,
    status: a.status,
    statusLabelZh: assignmentLifecycle.stateLabels[state]?.zh ?? a.status,
    declaredAt: a.declaredAt?.toISOString() ?? null,
    scores: a.scores,
    comments: a.comments,
    opinion: a.opinion,
    recommendation: (a.recommendation as Assignment["recommendation"]) ?? null,
    total: a.total === null ? null : a.total / 100,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    reopenReason: a.reopenReason,
    replacesId: a.replacesId,
    events: assignmentLifecycle.states.includes(state) ? availableEvents(assignmentLifecycle, state, abilities) : [],
  };
}

export async function presentRound(
  executor: Executor,
  scope: ResolvedScope,
  round: RoundRow,
  callerAbilities: readonly Ability[],
): Promise<Round> {
  // The target's facts are read once: its label, and the field the draw falls back to.
  const facts = await reviewTarget(round.targetKind).facts(executor, round.targetId);
  const assignments = await roundAssignments(executor, scope, round.id);
  const roundAbilities: Ability[] = [];
  if (scope.scope === "all") {
    for (const ability of ["draw.run", "draw.read", "review.reopen"] as const) {
      if (callerAbilities.includes(ability)) roundAbilities.push(ability);
    }
    // A draw is offered only when one would run: none yet (or only failed attempts), or a top-up is due.
    if (roundAbilities.includes("draw.run") && (await drawSituation(executor, round)).next.kind === "none") {
      roundAbilities.splice(roundAbilities.indexOf("draw.run"), 1);
    }
  }
  return {
    ...summariseRound(round, labelOf(round, facts)),
    effectiveSettings: scope.scope === "all" ? await effectiveSettingsOf(executor, round, facts) : null,
    rubric: round.rubric,
    assignments: assignments.map((row) => presentAssignment(row, callerAbilities)),
    abilities: roundAbilities,
  };
}

/** The round's settings as its draws and aggregation apply them (review-settings.ts), excluded experts named. */
async function effectiveSettingsOf(
  executor: Executor,
  round: RoundRow,
  facts: ReviewTargetFacts | null,
): Promise<Round["effectiveSettings"]> {
  const settings = round.settings;
  // The schema keeps what a round shows: the draw mode and the reference year are the draw's own.
  const rules = drawRulesOf(settings, undefined, { field: facts?.field ?? "" }, 0);
  const names = new Map<string, string>();
  if (rules.pinnedExclusions.length) {
    const found = await executor
      .select({ id: experts.id, name: people.name })
      .from(experts)
      .innerJoin(people, eq(people.id, experts.personId))
      .where(
        inArray(
          experts.id,
          rules.pinnedExclusions.map((exclusion) => exclusion.expertId),
        ),
      );
    for (const row of found) names.set(row.id, row.name);
  }
  return effectiveSettingsSchema.parse({
    draw: {
      ...rules,
      fields: rules.fields.filter(Boolean),
      pinnedExclusions: rules.pinnedExclusions.map((exclusion) => ({
        ...exclusion,
        name: names.get(exclusion.expertId) ?? exclusion.expertId,
      })),
    },
    aggregation: aggregationSettingsOf(settings),
  });
}

export function summariseRound(round: RoundRow, label: { title: string; unitName: string }) {
  return {
    id: round.id,
    targetKind: round.targetKind,
    targetId: round.targetId,
    targetTitle: label.title,
    unitName: label.unitName,
    groupId: round.groupId,
    groupTitle: round.groupTitle,
    status: round.status,
    settings: round.settings,
    panelOpinion: round.panelOpinion,
    panelOpinionAt: round.panelOpinionAt?.toISOString() ?? null,
    createdAt: round.createdAt.toISOString(),
  };
}

/** Draw attempts (read through draws.repository.ts, records parsed) for the officer's screen: names resolved. */
export async function presentDraws(executor: Executor, rows: Array<typeof draws.$inferSelect>) {
  const ids = new Set<string>();
  for (const { record } of rows) {
    for (const id of [...record.outcome.panel, ...record.outcome.backups]) ids.add(id);
    for (const exclusion of record.outcome.exclusions) ids.add(exclusion.expertId);
  }
  const names = new Map<string, string>();
  if (ids.size) {
    const found = await executor
      .select({ id: experts.id, name: people.name })
      .from(experts)
      .innerJoin(people, eq(people.id, experts.personId))
      .where(inArray(experts.id, [...ids]));
    for (const row of found) names.set(row.id, row.name);
  }
  const named = (expertId: string) => ({ expertId, name: names.get(expertId) ?? expertId });
  return rows.map((row) => {
    const { record } = row;
    return {
      id: row.id,
      roundId: row.roundId,
      attempt: row.attempt,
      status: row.status,
      seed: record.seed,
      panel: record.outcome.panel.map(named),
      backups: record.outcome.backups.map(named),
      replacements: record.replacements.map(({ outExpertId, inExpertId, reason, at }) => ({
        outExpertId,
        inExpertId,
        reason,
        at,
      })),
      exclusions: record.outcome.exclusions.map((e) => ({
        ...named(e.expertId),
        rule: e.rule,
        reasonZh: e.reasonZh,
        reasonEn: e.reasonEn,
      })),
      counts: record.outcome.counts,
      refusal: record.outcome.refusal
        ? {
            code: record.outcome.refusal.code,
            messageZh: record.outcome.refusal.messageZh,
            messageEn: record.outcome.refusal.messageEn,
          }
        : null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
