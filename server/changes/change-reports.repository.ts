import { and, asc, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { ChangeReportDetail, ChangeReportListQuery, ChangeReportSummary } from "../../contracts/change-reports";
import type { Ability } from "../../policy/access/abilities";
import { changeDeadlineView } from "../../policy/changes/change-dates";
import {
  type ChangeReportEvent,
  type ChangeReportState,
  changeReportLifecycle,
  changeReportStates,
  type MajorChangeKind,
  majorChangeKinds,
} from "../../policy/lifecycles/change-report.transitions";
import { availableEvents } from "../../policy/lifecycles/transition";
import type { Caller } from "../access/caller";
import { abilitiesOn, authorize, type ResolvedScope, unitRows } from "../access/scope";
import { chinaDate } from "../clock";
import type { Executor, Tx } from "../db/client";
import { bases, changeReports, units } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { refused } from "../domain/refused";
import { presentEvidenceFiles } from "../yearly/evidence-files.repository";
import { decideLoadedChange } from "./change-facts";

/** Reports the scope reaches: a host unit its own, a recommender its jurisdiction's units', the department all. */
export function changeReportRows(scope: ResolvedScope): SQL {
  return unitRows(scope, changeReports.unitId);
}

const columns = {
  report: changeReports,
  base: bases,
  unitName: units.name,
  unitRecommenderId: units.recommenderId,
};

export interface LoadedChangeReport {
  report: typeof changeReports.$inferSelect & { state: ChangeReportState; kind: MajorChangeKind };
  base: typeof bases.$inferSelect;
  unitName: string;
  unitRecommenderId: string | null;
}

const isState = (value: string): value is ChangeReportState =>
  (changeReportStates as readonly string[]).includes(value);
const isKind = (value: string): value is MajorChangeKind => majorChangeKinds.some((kind) => kind.code === value);

function checked<T extends { report: typeof changeReports.$inferSelect }>(row: T) {
  const { state, kind } = row.report;
  if (!isState(state) || !isKind(kind))
    throw new Error(`change report ${row.report.id} has state ${state}, kind ${kind}`);
  const proposed = parseStored("change_reports.proposed", row.report.proposed, row.report.id);
  const previous = parseStored("change_reports.previous", row.report.previous, row.report.id);
  return { ...row, report: { ...row.report, state, kind, proposed, previous } };
}

export const kindLabel = (kind: MajorChangeKind) => majorChangeKinds.find((entry) => entry.code === kind)!;

/** One report through the caller's read scope (null when absent or out of scope: a 404, never a 403). */
export async function loadChangeReport(
  executor: Executor | Tx,
  caller: Caller,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LoadedChangeReport | null> {
  const scope = await authorize(executor, caller, "change-report.read");
  const query = executor
    .select(columns)
    .from(changeReports)
    .innerJoin(bases, eq(bases.id, changeReports.baseId))
    .innerJoin(units, eq(units.id, changeReports.unitId))
    .where(and(eq(changeReports.id, id), changeReportRows(scope)));
  // The base is locked with the report: filing writes both, and a second filing on the same base waits.
  const [row] = options.lock ? await query.for("update", { of: [changeReports, bases] }) : await query;
  return row ? checked(row) : null;
}

export async function requireChangeReport(
  executor: Executor | Tx,
  caller: Caller,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LoadedChangeReport> {
  const loaded = await loadChangeReport(executor, caller, id, options);
  if (!loaded) throw refused.notFound("Change report", "重大事项变化报告");
  return loaded;
}

/** The caller's abilities on one report (row scope applied): what the server checks and the page offers. */
export async function changeReportAbilities(
  executor: Executor | Tx,
  caller: Caller,
  loaded: Pick<LoadedChangeReport, "report" | "unitRecommenderId">,
  cache?: Map<Ability, ResolvedScope | null>,
): Promise<Ability[]> {
  return abilitiesOn(
    executor,
    caller,
    "change-report",
    { unitId: loaded.report.unitId, recommenderId: loaded.unitRecommenderId },
    () => true,
    cache,
  );
}

/** The events the caller may fire now (the table's guards without a reason: return stays offered, it asks for one). */
export function changeReportEvents(state: ChangeReportState, abilities: readonly Ability[]): ChangeReportEvent[] {
  return availableEvents(changeReportLifecycle, state, abilities);
}

function summaryOf(loaded: LoadedChangeReport, today: string, abilities: Ability[]): ChangeReportSummary {
  const { report } = loaded;
  const label = kindLabel(report.kind);
  const stateLabel = changeReportLifecycle.stateLabels[report.state];
  const deadline = changeDeadlineView(report.changedOn, report.state, today);
  return {
    id: report.id,
    baseId: report.baseId,
    baseName: loaded.base.standardName,
    unitName: loaded.unitName,
    kind: report.kind,
    kindZh: label.nameZh,
    kindEn: label.nameEn,
    changedOn: report.changedOn,
    dueOn: report.dueOn,
    daysLeft: deadline.daysLeft,
    overdue: deadline.overdue,
    state: report.state,
    stateZh: stateLabel.zh,
    stateEn: stateLabel.en,
    filedOn: report.filedOn,
    filedLate: report.filedLate,
    updatedAt: report.updatedAt.toISOString(),
    abilities,
    availableEvents: changeReportEvents(report.state, abilities),
  };
}

const openStates: ChangeReportState[] = ["draft", "submitted", "returned", "recommender-approved"];

/** The caller's reports, soonest due first; filtered by state, kind, base, or overdue (open and past due). */
export async function listChangeReports(
  executor: Executor,
  caller: Caller,
  query: ChangeReportListQuery,
  now: Date,
): Promise<ChangeReportSummary[]> {
  const scope = await authorize(executor, caller, "change-report.read");
  const today = chinaDate(now);
  const rows = await executor
    .select(columns)
    .from(changeReports)
    .innerJoin(bases, eq(bases.id, changeReports.baseId))
    .innerJoin(units, eq(units.id, changeReports.unitId))
    .where(
      and(
        changeReportRows(scope),
        query.state === undefined ? undefined : eq(changeReports.state, query.state),
        query.kind === undefined ? undefined : eq(changeReports.kind, query.kind),
        query.baseId === undefined ? undefined : eq(changeReports.baseId, query.baseId),
        query.overdue === true
          ? and(inArray(changeReports.state, openStates), lt(changeReports.dueOn, today))
          : undefined,
      ),
    )
    .orderBy(asc(changeReports.dueOn), desc(changeReports.changedOn), asc(changeReports.id));
  const cache = new Map<Ability, ResolvedScope | null>();
  const items: ChangeReportSummary[] = [];
  for (const row of rows) {
    const loaded = checked(row);
    const summary = summaryOf(loaded, today, await changeReportAbilities(executor, caller, loaded, cache));
    if (query.overdue === false && summary.overdue) continue;
    items.push(summary);
  }
  return items;
}

/** One report as its reader sees it: the deadline, what filing would do (or did), its files and next events. */
export async function presentChangeReport(
  executor: Executor,
  caller: Caller,
  loaded: LoadedChangeReport,
  now: Date,
): Promise<ChangeReportDetail> {
  const { report } = loaded;
  const today = chinaDate(now);
  const abilities = await changeReportAbilities(executor, caller, loaded);
  const decided = await decideLoadedChange(executor, loaded);
  const filed = report.state === "filed";
  return {
    ...summaryOf(loaded, today, abilities),
    unitId: report.unitId,
    baseStatus: loaded.base.status,
    description: report.description,
    proposed: report.proposed,
    previous: report.previous ?? null,
    returnReason: report.returnReason,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    approvedAt: report.approvedAt?.toISOString() ?? null,
    edition: report.edition,
    version: report.version,
    editable: abilities.includes("change-report.submit") && (report.state === "draft" || report.state === "returned"),
    effects: {
      previousText: decided.previousText,
      newText: decided.newText,
      newStandardName: filed ? (report.proposed.standardName ?? null) : (decided.next.standardName ?? null),
      checks: decided.checks,
      warnings: decided.warnings,
      // Once filed, the registry holds the change: nothing stops it any more.
      refusals: filed ? [] : decided.refusals,
    },
    files: await presentEvidenceFiles(executor, "change-report", report.id),
  };
}
