import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type {
  BaseRevocationCases,
  RevocationCaseDetail,
  RevocationCaseSummary,
  RevocationListQuery,
} from "../../contracts/revocations";
import { type RevocationSourceRef, revocationSourceKinds } from "../../contracts/revocations";
import type { Ability } from "../../policy/access/abilities";
import { banEnd } from "../../policy/calendar/deadlines";
import {
  openRevocationCaseStates,
  type RevocationCaseContext,
  type RevocationCaseState,
  type RevocationSource,
  revocationCaseLifecycle,
  revocationCaseStates,
} from "../../policy/lifecycles/revocation-case.transitions";
import { transitionRule } from "../../policy/lifecycles/transition";
import { revocationGrounds } from "../../policy/reference/revocation-grounds";
import type { Caller } from "../access/caller";
import { abilitiesOn, authorize, type ResolvedScope, resolveScope, unitRows } from "../access/scope";
import type { Executor, Tx } from "../db/client";
import { bases, printedDocuments, revocationCases, units } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { refused } from "../domain/refused";
import { presentEvidenceFiles } from "../yearly/evidence-files.repository";

const columns = {
  revocation: revocationCases,
  baseName: bases.standardName,
  baseStatus: bases.status,
  unitName: units.name,
  unitRecommenderId: units.recommenderId,
};

export interface LoadedRevocation {
  revocation: typeof revocationCases.$inferSelect & { state: RevocationCaseState; source: RevocationSource };
  baseName: string;
  baseStatus: string;
  unitName: string;
  unitRecommenderId: string | null;
}

const isState = (value: string): value is RevocationCaseState =>
  (revocationCaseStates as readonly string[]).includes(value);

function checked<T extends { revocation: typeof revocationCases.$inferSelect }>(row: T) {
  const { state, source } = row.revocation;
  if (!isState(state)) throw new Error(`revocation case ${row.revocation.id} has unknown state ${state}`);
  return { ...row, revocation: { ...row.revocation, state, source: source as RevocationSource } };
}

/** Cases the scope reaches: a host unit its own, a recommender those of its jurisdiction's units, the officer all. */
const rowsOf = (scope: ResolvedScope): SQL => unitRows(scope, revocationCases.unitId);

/** One case through the caller's read scope (null when absent or out of scope: a 404, never a 403). */
export async function loadRevocation(
  executor: Executor | Tx,
  caller: Caller,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LoadedRevocation | null> {
  const scope = await authorize(executor, caller, "revocation.read");
  const query = executor
    .select(columns)
    .from(revocationCases)
    .innerJoin(bases, eq(bases.id, revocationCases.baseId))
    .innerJoin(units, eq(units.id, revocationCases.unitId))
    .where(and(eq(revocationCases.id, id), rowsOf(scope)));
  const [row] = options.lock ? await query.for("update", { of: revocationCases }) : await query;
  return row ? checked(row) : null;
}

export async function requireRevocation(
  executor: Executor | Tx,
  caller: Caller,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LoadedRevocation> {
  const loaded = await loadRevocation(executor, caller, id, options);
  if (!loaded) throw refused.notFound("Revocation case", "取消资格事项");
  return loaded;
}

/** The caller's abilities on one case's base: revocation.* in its row scope, and the department's base.revoke. */
export async function revocationAbilities(
  executor: Executor | Tx,
  caller: Caller,
  row: { unitId: string; recommenderId: string | null },
): Promise<Ability[]> {
  const own = await abilitiesOn(executor, caller, "revocation", row);
  const decide = await abilitiesOn(executor, caller, "base", row, (ability) => ability === "base.revoke");
  return [...own, ...decide];
}

/** The events the caller may fire now (ability and, for the unit's take-back, the case's source). */
export function revocationEventsFor(loaded: LoadedRevocation, abilities: readonly Ability[]) {
  const { state, source } = loaded.revocation;
  return revocationCaseLifecycle.events.filter((event) => {
    const rule = transitionRule(revocationCaseLifecycle, state, event);
    if (!rule || !abilities.includes(rule.ability)) return false;
    return event !== "withdraw" || source === "unit";
  });
}

export function revocationContext(loaded: LoadedRevocation, today: string): RevocationCaseContext {
  return { today, ground: loaded.revocation.ground, source: loaded.revocation.source };
}

const groundOf = (ground: number) => revocationGrounds.find((g) => g.ground === ground) ?? revocationGrounds[8];

function summaryOf(loaded: LoadedRevocation): RevocationCaseSummary {
  const { revocation } = loaded;
  const ground = groundOf(revocation.ground);
  return {
    id: revocation.id,
    baseId: revocation.baseId,
    baseName: loaded.baseName,
    unitName: loaded.unitName,
    ground: revocation.ground,
    article: ground.article,
    groundZh: ground.nameZh,
    groundEn: ground.nameEn,
    source: revocation.source,
    state: revocation.state,
    createdAt: revocation.createdAt.toISOString(),
    revokedOn: revocation.revokedOn,
    documentNumber: revocation.documentNumber,
    banEndsOn: revocation.revokedOn ? banEnd(revocation.revokedOn) : null,
  };
}

export async function listRevocations(
  executor: Executor,
  caller: Caller,
  query: RevocationListQuery,
): Promise<RevocationCaseSummary[]> {
  const scope = await authorize(executor, caller, "revocation.read");
  const rows = await executor
    .select(columns)
    .from(revocationCases)
    .innerJoin(bases, eq(bases.id, revocationCases.baseId))
    .innerJoin(units, eq(units.id, revocationCases.unitId))
    .where(
      and(
        rowsOf(scope),
        query.state === undefined ? undefined : eq(revocationCases.state, query.state),
        query.baseId === undefined ? undefined : eq(revocationCases.baseId, query.baseId),
        query.open === "true" ? inArray(revocationCases.state, [...openRevocationCaseStates]) : undefined,
      ),
    )
    .orderBy(desc(revocationCases.createdAt));
  return rows.map((row) => summaryOf(checked(row)));
}

function sourceView(ref: RevocationSourceRef | null) {
  if (!ref) return null;
  const entry = revocationSourceKinds.find((candidate) => candidate.kind === ref.kind)!;
  return { ...ref, labelZh: entry.labelZh, labelEn: entry.labelEn, link: `${entry.path}${ref.id}` };
}

/** One case as its reader sees it, with what the reader may do now. */
export async function presentRevocation(
  executor: Executor,
  caller: Caller,
  loaded: LoadedRevocation,
): Promise<RevocationCaseDetail> {
  const { revocation } = loaded;
  const abilities = await revocationAbilities(executor, caller, {
    unitId: revocation.unitId,
    recommenderId: loaded.unitRecommenderId,
  });
  const [printed] =
    revocation.state === "revoked"
      ? await executor
          .select({ code: printedDocuments.code })
          .from(printedDocuments)
          .where(and(eq(printedDocuments.kind, "revocation-notice"), eq(printedDocuments.subjectId, revocation.id)))
          .limit(1)
      : [];
  return {
    ...summaryOf(loaded),
    baseStatus: loaded.baseStatus,
    evidence: revocation.evidence,
    sourceRef: sourceView(parseStored("revocation_cases.source_ref", revocation.sourceRef, revocation.id)),
    returnReason: revocation.returnReason,
    dismissedReason: revocation.dismissedReason,
    meetingDate: revocation.meetingDate,
    minuteRef: revocation.minuteRef,
    prefix: revocation.prefix,
    year: revocation.year,
    number: revocation.number,
    decidedBy: revocation.decidedBy,
    decidedAt: revocation.decidedAt?.toISOString() ?? null,
    edition: revocation.edition,
    version: revocation.version,
    abilities,
    availableEvents: revocationEventsFor(loaded, abilities),
    files: await presentEvidenceFiles(executor, "revocation-case", revocation.id),
    noticeAvailable: revocation.state === "revoked" && (printed !== undefined || revocation.documentNumber !== null),
  };
}

/**
 * A base's cases (404 for a base out of the caller's read scope), what the reader may start on it, and the ban end
 * when it was revoked (Art. 20).
 */
export async function baseRevocations(
  executor: Executor,
  caller: Caller,
  baseId: string,
): Promise<BaseRevocationCases> {
  const scope = await authorize(executor, caller, "revocation.read");
  const [base] = await executor
    .select({ id: bases.id, unitId: bases.unitId, status: bases.status, recommenderId: units.recommenderId })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(and(eq(bases.id, baseId), unitRows(scope, bases.unitId)));
  if (!base) throw refused.notFound("Base", "基地");
  const rows = await executor
    .select(columns)
    .from(revocationCases)
    .innerJoin(bases, eq(bases.id, revocationCases.baseId))
    .innerJoin(units, eq(units.id, revocationCases.unitId))
    .where(eq(revocationCases.baseId, baseId))
    .orderBy(desc(revocationCases.createdAt));
  const items = await Promise.all(rows.map((row) => presentRevocation(executor, caller, checked(row))));
  const open = items.some((item) => (openRevocationCaseStates as readonly string[]).includes(item.state));
  const live = base.status === "active" || base.status === "rectifying" || base.status === "revocation-proposed";
  const abilities = await revocationAbilities(executor, caller, {
    unitId: base.unitId,
    recommenderId: base.recommenderId,
  });
  const revoked = items.find((item) => item.state === "revoked");
  return {
    items,
    canOpen: live && abilities.includes("base.revoke") && !items.some((item) => item.state === "proposed"),
    canRequestWithdrawal:
      !open && (base.status === "active" || base.status === "rectifying") && abilities.includes("revocation.request"),
    banEndsOn: revoked?.banEndsOn ?? null,
  };
}

/** Whether the caller may open a case on the base (the department, Art. 20). */
export async function canDecide(executor: Executor, caller: Caller): Promise<boolean> {
  return (await resolveScope(executor, caller, "base.revoke")) !== null;
}

/**
 * Who adds evidence files to a case (Art. 20): the department (while the case is open), the host unit to its own
 * request before the recommender approves it.
 */
export async function revocationEvidenceWriter(
  executor: Executor | Tx,
  caller: Caller,
  loaded: LoadedRevocation,
): Promise<boolean> {
  const abilities = await revocationAbilities(executor, caller, {
    unitId: loaded.revocation.unitId,
    recommenderId: loaded.unitRecommenderId,
  });
  if (abilities.includes("base.revoke")) return true; // the case's state then says whether files may change
  const { state, source } = loaded.revocation;
  return source === "unit" && state !== "proposed" && abilities.includes("revocation.request");
}
