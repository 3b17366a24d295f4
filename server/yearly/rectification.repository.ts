import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { RectificationDetail, RectificationListQuery, RectificationSummary } from "../../contracts/rectification";
import type { Ability } from "../../policy/access/abilities";
import { daysBetween } from "../../policy/calendar/dates";
import {
  availableRectificationEvents,
  isRectificationState,
  type RectificationState,
} from "../../policy/lifecycles/rectification.transitions";
import type { Caller } from "../access/caller";
import { abilitiesOn, authorize, type ResolvedScope, unitRows } from "../access/scope";
import { chinaDate } from "../clock";
import type { Executor, Tx } from "../db/client";
import { bases, rectificationCases, units } from "../db/schema";
import { refused } from "../domain/refused";
import { presentEvidenceFiles } from "./evidence-files.repository";

/** Cases the scope reaches: a host unit its own, a recommender those of the units it recommends, the officer all. */
export function rectificationRows(scope: ResolvedScope): SQL {
  return unitRows(scope, rectificationCases.unitId);
}

const columns = {
  rectification: rectificationCases,
  baseName: bases.standardName,
  baseStatus: bases.status,
  unitName: units.name,
  unitRecommenderId: units.recommenderId,
};

export interface LoadedRectification {
  rectification: typeof rectificationCases.$inferSelect & { state: RectificationState };
  baseName: string;
  baseStatus: string;
  unitName: string;
  unitRecommenderId: string | null;
}

function checked<T extends { rectification: typeof rectificationCases.$inferSelect }>(row: T) {
  const { state } = row.rectification;
  if (!isRectificationState(state)) throw new Error(`rectification ${row.rectification.id} has unknown state ${state}`);
  return { ...row, rectification: { ...row.rectification, state } };
}

/**
 * One case through the caller's read scope (null when it does not exist or is out of scope: a 404, never a 403).
 * With `lock`, the case row is locked for the command's transaction.
 */
export async function loadRectification(
  executor: Executor | Tx,
  caller: Caller,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LoadedRectification | null> {
  const scope = await authorize(executor, caller, "rectification.read");
  const query = executor
    .select(columns)
    .from(rectificationCases)
    .innerJoin(bases, eq(bases.id, rectificationCases.baseId))
    .innerJoin(units, eq(units.id, rectificationCases.unitId))
    .where(and(eq(rectificationCases.id, id), rectificationRows(scope)));
  const [row] = options.lock ? await query.for("update", { of: rectificationCases }) : await query;
  return row ? checked(row) : null;
}

export async function requireRectification(
  executor: Executor | Tx,
  caller: Caller,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LoadedRectification> {
  const loaded = await loadRectification(executor, caller, id, options);
  if (!loaded) throw refused.notFound("Rectification case", "整改事项");
  return loaded;
}

function summaryOf(loaded: LoadedRectification, today: string): RectificationSummary {
  const { rectification } = loaded;
  return {
    id: rectification.id,
    baseId: rectification.baseId,
    baseName: loaded.baseName,
    unitName: loaded.unitName,
    year: rectification.year,
    openedOn: rectification.openedOn,
    dueOn: rectification.dueOn,
    daysLeft: daysBetween(today, rectification.dueOn),
    state: rectification.state,
    updatedAt: rectification.updatedAt.toISOString(),
  };
}

export async function listRectifications(
  executor: Executor,
  caller: Caller,
  query: RectificationListQuery,
  now: Date,
): Promise<RectificationSummary[]> {
  const scope = await authorize(executor, caller, "rectification.read");
  const rows = await executor
    .select(columns)
    .from(rectificationCases)
    .innerJoin(bases, eq(bases.id, rectificationCases.baseId))
    .innerJoin(units, eq(units.id, rectificationCases.unitId))
    .where(
      and(
        rectificationRows(scope),
        query.state === undefined ? undefined : eq(rectificationCases.state, query.state),
        query.year === undefined ? undefined : eq(rectificationCases.year, query.year),
        query.baseId === undefined ? undefined : eq(rectificationCases.baseId, query.baseId),
      ),
    )
    .orderBy(asc(rectificationCases.dueOn), desc(rectificationCases.year), asc(bases.standardName));
  const today = chinaDate(now);
  return rows.map((row) => summaryOf(checked(row), today));
}

/** The caller's abilities on one case (row scope applied): what the server checks and the page offers. */
export async function rectificationAbilities(
  executor: Executor | Tx,
  caller: Caller,
  loaded: LoadedRectification,
): Promise<Ability[]> {
  return abilitiesOn(executor, caller, "rectification", {
    unitId: loaded.rectification.unitId,
    recommenderId: loaded.unitRecommenderId,
  });
}

/** The guards' facts for a case on a day. */
export function rectificationContext(loaded: LoadedRectification, today: string, reason?: string) {
  const { rectification } = loaded;
  return {
    plan: rectification.plan,
    finalReport: rectification.finalReport,
    today,
    dueOn: rectification.dueOn,
    ...(reason === undefined ? {} : { reason }),
  };
}

/** One case as its reader sees it, with what the reader may do now. */
export async function presentRectification(
  executor: Executor,
  caller: Caller,
  loaded: LoadedRectification,
  now: Date,
): Promise<RectificationDetail> {
  const { rectification } = loaded;
  const today = chinaDate(now);
  const abilities = await rectificationAbilities(executor, caller, loaded);
  const submits = abilities.includes("rectification.submit");
  return {
    ...summaryOf(loaded, today),
    roundId: rectification.roundId,
    baseStatus: loaded.baseStatus,
    plan: rectification.plan,
    finalReport: rectification.finalReport,
    decisionReason: rectification.decisionReason,
    decidedOn: rectification.decidedOn,
    decidedBy: rectification.decidedBy,
    version: rectification.version,
    planEditable: submits && rectification.state === "open",
    reportEditable: submits && rectification.state === "plan-filed",
    abilities,
    availableEvents: availableRectificationEvents(rectification.state, rectificationContext(loaded, today), abilities),
    files: await presentEvidenceFiles(executor, "rectification", rectification.id),
  };
}
