import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  isNotNull,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { applicationSortKeys, SortOrder } from "../../contracts/lists";
import type { ApplicationSummary } from "../../contracts/recognition";
import type { Ability } from "../../policy/access/abilities";
import { availableApplicationEvents, editableApplicationStates } from "../../policy/lifecycles/application.decide";
import {
  type ApplicationEvent,
  type ApplicationState,
  applicationLifecycle,
} from "../../policy/lifecycles/application.transitions";
import { standardName } from "../../policy/names";
import { type BaseType, baseTypeCodes } from "../../policy/reference/base-types";
import { type Region, regionCodes } from "../../policy/reference/regions";
import type { Caller } from "../access/caller";
import { type ResolvedScope, recommenderRows, scopeKey, unitRows } from "../access/scope";
import type { Executor } from "../db/client";
import { containsPattern } from "../db/like-pattern";
import { inBatches, inPrefecture, orderBy } from "../db/list-order";
import { cachedCount, cachedQuery, cachedRead, readKey } from "../db/read-cache";
import { applications, calls, recommendationLetters, recommenders, units } from "../db/schema";
import { type ApplicationJsonColumn, parseApplicationRow, parseCallRow } from "../db/stored-json";
import { actorOn, baseFacts } from "./application-facts";

export type ApplicationRow = typeof applications.$inferSelect;
type ApplicationSortKey = (typeof applicationSortKeys)[number];

/**
 * The one row filter of applications: an officer sees all; a recommender those its sub-tree holds now (so a
 * district no longer sees what it passed up); an applicant its own unit's. Mirrors `covers` in access/scope.ts.
 * Art. 14.1, 17: a draft is the unit's own until it is submitted — the recommender and the department see only
 * what was submitted at least once (a never-submitted draft, withdrawn or not, stays with its unit).
 */
export function applicationRows(scope: ResolvedScope): SQL {
  if (scope.scope !== "jurisdiction" && scope.scope !== "all") return unitRows(scope, applications.unitId);
  const submitted =
    scope.scope === "all"
      ? isNotNull(applications.submittedAt)
      : and(recommenderRows(scope, applications.recommenderId), isNotNull(applications.submittedAt))!;
  // A unit that recommends itself (a ministry university, Art. 17) still sees its own drafts.
  const unitId = scope.caller.unitId;
  return unitId ? or(submitted, eq(applications.unitId, unitId))! : submitted;
}

const joined = {
  application: applications,
  call: calls,
  callTitleZh: calls.titleZh,
  unitName: units.name,
  recommenderName: recommenders.nameZh,
  holderParentId: recommenders.parentId,
};

export type JoinedApplication = {
  application: ApplicationRow;
  call: typeof calls.$inferSelect;
  callTitleZh: string;
  unitName: string;
  recommenderName: string;
  holderParentId: string | null;
  /** The unit's row, when the loader has it (an event's locked read): presenting it then reads no unit again. */
  unit?: typeof units.$inferSelect;
};

type CallRow = typeof calls.$inferSelect;

/**
 * Joined rows read for use: each application's JSON columns that the caller uses parsed, and each call parsed once
 * however many of its applications the rows hold.
 */
function parseJoined(
  rows: ReadonlyArray<Omit<JoinedApplication, "unit">>,
  columns: readonly ApplicationJsonColumn[],
  parsedCalls: readonly CallRow[] = [],
): JoinedApplication[] {
  const callsById = new Map(parsedCalls.map((call) => [call.id, call]));
  return rows.map((row) => {
    const call = callsById.get(row.call.id) ?? parseCallRow(row.call);
    callsById.set(call.id, call);
    return { ...row, call, application: parseApplicationRow(row.application, columns) };
  });
}

function joinedQuery(executor: Executor) {
  return executor
    .select(joined)
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(recommenders, eq(recommenders.id, applications.recommenderId));
}

export interface ApplicationFilter {
  callId?: string | undefined;
  state?: ApplicationState | undefined;
  q?: string | undefined;
  /** The host unit's 市州 (GB/T 2260 prefecture code). */
  division?: string | undefined;
  type?: string | undefined;
  field?: string | undefined;
  /** Only those held by this recommender now. */
  heldBy?: string | undefined;
  /** missing: recommended, awaiting formal review, not listed in its recommender's latest stamped letter. */
  letter?: "missing" | undefined;
  sort?: ApplicationSortKey | undefined;
  order?: SortOrder | undefined;
}

/**
 * The host units whose rows match `where` (a subquery on units): the list's conditions on a unit's columns are
 * subqueries, never a join, so the window and the total read applications alone and an index serves the default order
 * at any offset (page 1,250 of 50k: 3 ms, where joining units cost 57 ms).
 */
const unitWhere = (where: SQL | undefined) =>
  sql`${applications.unitId} in (select ${units.id} from ${units} where ${where})`;

/** The host unit's name of an application's row (a correlated subquery: see `unitWhere`). */
const unitName = sql`(select ${units.name} from ${units} where ${units.id} = ${applications.unitId})`;

/** The where-clause of the list, its export and the 工作台 counts: the caller's row scope and the filters asked. */
export function applicationListWhere(scope: ResolvedScope, filter: ApplicationFilter): SQL {
  const conditions: SQL[] = [applicationRows(scope)];
  if (filter.callId) conditions.push(eq(applications.callId, filter.callId));
  if (filter.state) conditions.push(eq(applications.state, filter.state));
  if (filter.heldBy) conditions.push(eq(applications.recommenderId, filter.heldBy));
  if (filter.letter === "missing") conditions.push(letterMissing());
  if (filter.division) conditions.push(unitWhere(inPrefecture(units.divisionCode, filter.division)));
  if (filter.type) conditions.push(eq(applications.type, filter.type));
  if (filter.field) conditions.push(eq(applications.field, filter.field));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(unitWhere(ilike(units.name, pattern)), ilike(applications.standardName, pattern))!);
  }
  return and(...conditions)!;
}

/** Recommended and not yet through formal review: the recommender's letter is still to reach the department. */
export const awaitingLetterStates = [
  "recommended",
  "correction-requested",
] as const satisfies readonly ApplicationState[];

/**
 * SPEC §5.1 step 3, Art. 14.2: an application its recommender has recommended, while the department's formal review
 * (which checks the letter) is still ahead, and which the latest stamped letter of its call and recommender does not
 * list — no letter uploaded yet, or one uploaded before this application was recommended.
 */
function letterMissing(): SQL {
  const latestLists = sql`(select ${recommendationLetters.applicationIds} @> jsonb_build_array(${applications.id})
    from ${recommendationLetters}
    where ${recommendationLetters.callId} = ${applications.callId}
      and ${recommendationLetters.recommenderId} = ${applications.recommenderId}
    order by ${recommendationLetters.createdAt} desc, ${recommendationLetters.id} desc
    limit 1)`;
  return and(inArray(applications.state, [...awaitingLetterStates]), sql`coalesce(${latestLists}, false) = false`)!;
}

const applicationSorts = {
  updatedAt: applications.updatedAt,
  submittedAt: applications.submittedAt,
  unitName,
  state: applications.state,
  standardName: applications.standardName,
  priority: applications.priority,
} satisfies Record<ApplicationSortKey, AnyColumn | SQL>;

/** The list's order: the key asked, else the recommender's priority then the latest change; ids break ties. */
function applicationOrder(filter: ApplicationFilter): SQL[] {
  if (!filter.sort) return [asc(applications.priority), desc(applications.updatedAt), asc(applications.id)];
  return [...orderBy(applicationSorts[filter.sort], filter.order), asc(applications.id)];
}

/** An application as a list shows it: every column but the form and eligibility JSON (the director's name is one). */
const { form: _form, eligibility: _eligibility, ...listedColumns } = getTableColumns(applications);
export type ListedApplicationRow = Omit<ApplicationRow, "form" | "eligibility">;
export type ListedApplication = Omit<JoinedApplication, "application" | "unit"> & {
  application: ListedApplicationRow;
};

function listedQuery(executor: Executor) {
  return executor
    .select({
      application: listedColumns,
      callTitleZh: calls.titleZh,
      unitName: units.name,
      recommenderName: recommenders.nameZh,
      holderParentId: recommenders.parentId,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(recommenders, eq(recommenders.id, applications.recommenderId));
}

/**
 * The calls of a list's rows, each read and parsed once: a page shares a handful of calls, and
 * joining the call's row to every application sent its settings again with each of them. Pages in a row reuse them
 * (db/read-cache.ts: until a transaction on this node ends, at most 5 s); the parsed calls are shared, never changed.
 */
async function withCalls<Row extends { application: { callId: string } }>(
  executor: Executor,
  rows: Row[],
): Promise<Array<Row & { call: CallRow }>> {
  const ids = [...new Set(rows.map((row) => row.application.callId))].sort();
  const byId = ids.length
    ? await cachedRead(executor, `calls\u0000${ids.join(",")}`, async () => {
        const found = await executor.select().from(calls).where(inArray(calls.id, ids));
        return new Map(found.map((call) => [call.id, parseCallRow(call)]));
      })
    : new Map<string, CallRow>();
  return rows.map((row) => ({ ...row, call: byId.get(row.application.callId)! }));
}

/**
 * One window of the list: the ids are chosen on the narrow columns first (an index serves the default order), and only
 * those rows are joined and their JSON read — reading the director's name of every matching row before the limit cost
 * a second at 50k applications.
 */
function listWindow(executor: Executor, where: SQL, order: SQL[], limit: number, offset: number) {
  const window = windowOf(executor, where, order, limit, offset);
  return listedQuery(executor)
    .innerJoin(window, eq(window.id, applications.id))
    .orderBy(...order);
}

function windowOf(executor: Executor, where: SQL, order: SQL[], limit: number, offset: number) {
  return executor
    .select({ id: applications.id })
    .from(applications)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .as("list_window");
}

/** The columns the list's Excel export writes (server/lists/list-exports.ts), and no more: 10k rows are parsed. */
const exportedColumns = {
  standardName: applications.standardName,
  type: applications.type,
  field: applications.field,
  state: applications.state,
  priority: applications.priority,
  directorName: applications.directorName,
  submittedAt: applications.submittedAt,
  updatedAt: applications.updatedAt,
  unitName: units.name,
  unitDivision: units.divisionCode,
  callTitleZh: calls.titleZh,
  recommenderName: recommenders.nameZh,
};

function exportWindow(executor: Executor, where: SQL, order: SQL[], limit: number, offset: number) {
  const window = windowOf(executor, where, order, limit, offset);
  return executor
    .select(exportedColumns)
    .from(applications)
    .innerJoin(window, eq(window.id, applications.id))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(recommenders, eq(recommenders.id, applications.recommenderId))
    .orderBy(...order);
}

/** An application as the list's Excel export writes it. */
export type ExportedApplication = Awaited<ReturnType<typeof exportWindow>>[number];

/**
 * One page of the list (lean: no form or eligibility JSON is read) and the total, both reused until a commit
 * (db/read-cache.ts): the same first page is what most users ask for.
 */
export async function listApplications(
  executor: Executor,
  scope: ResolvedScope,
  filter: ApplicationFilter & { page: number; pageSize: number },
): Promise<{ rows: ListedApplication[]; total: number }> {
  const { page, pageSize, sort: _sort, order: _order, ...counted } = filter;
  const scoped = scopeKey(scope);
  const rows = await cachedQuery(
    executor,
    readKey("application-page", scoped, filter),
    () =>
      listWindow(
        executor,
        applicationListWhere(scope, filter),
        applicationOrder(filter),
        pageSize,
        (page - 1) * pageSize,
      ),
    (found) => withCalls(executor, found),
  );
  const total = await cachedCount(executor, readKey("application-count", scoped, counted), () =>
    executor.select({ n: sql<number>`count(*)::int` }).from(applications).where(applicationListWhere(scope, counted)),
  );
  return { rows, total };
}

/** Every row the filters match, in the list's order, a batch at a time (the Excel export streams them). */
export function allApplications(executor: Executor, scope: ResolvedScope, filter: ApplicationFilter) {
  const where = applicationListWhere(scope, filter);
  return inBatches((limit, offset) => exportWindow(executor, where, applicationOrder(filter), limit, offset));
}

/** One application through the caller's scope; another jurisdiction's is simply not found. */
export async function loadApplication(
  executor: Executor,
  scope: ResolvedScope,
  id: string,
): Promise<JoinedApplication | null> {
  const rows = await joinedQuery(executor).where(and(eq(applications.id, id), applicationRows(scope)));
  return parseJoined(rows, ["form", "eligibility"])[0] ?? null;
}

/**
 * Applications of a call recommended by one recommender (held there, past the recommender's step); `call`, when the
 * caller read it already (parsed), is used as is.
 */
export async function recommendedBy(executor: Executor, callId: string, recommenderId: string, call?: CallRow) {
  const rows = await joinedQuery(executor)
    .where(
      and(
        eq(applications.callId, callId),
        eq(applications.recommenderId, recommenderId),
        sql`${applications.state} not in ('draft', 'submitted', 'returned', 'declined', 'withdrawn')`,
      ),
    )
    .orderBy(asc(applications.priority), asc(applications.submittedAt), asc(applications.id));
  return parseJoined(rows, ["form"], call ? [call] : []);
}

/** States in which the applicant edits the form and its files (policy/lifecycles/application.decide.ts). */
export const editableStates = editableApplicationStates;

/**
 * The caller's abilities on the record and the events it may fire, decided by policy from the record's facts, so
 * the UI shows exactly the allowed actions and derives nothing.
 */
export async function actionsOn(
  executor: Executor,
  caller: Caller,
  row: ListedApplication,
  cache: Map<Ability, ResolvedScope | null>,
  now: Date,
): Promise<{ abilities: Ability[]; events: ApplicationEvent[] }> {
  const actor = await actorOn(executor, caller, row.application, cache);
  const facts = baseFacts(
    {
      application: row.application,
      call: row.call,
      holder: { id: row.application.recommenderId, parentId: row.holderParentId },
    },
    now,
  );
  return { abilities: [...actor.abilities], events: availableApplicationEvents(facts, actor) };
}

const namePending = {
  path: "application.field",
  messageZh: "选择基地类型并填写领域后生成标准名称（第二十九、三十条）。",
  messageEn: "Choose the base type and field to generate the standard name (Art. 29–30).",
};

/** The standard name (Art. 29–30) from policy/names.ts, or why it cannot be rendered yet. */
export function nameOf(app: Pick<ApplicationRow, "type" | "field" | "isKey" | "region">): {
  name: string | null;
  problem: { path: string; messageZh: string; messageEn: string } | null;
} {
  if (!app.type || !baseTypeCodes.includes(app.type as BaseType) || !app.field)
    return { name: null, problem: namePending };
  const outcome = standardName({
    type: app.type as BaseType,
    field: app.field,
    isKey: app.isKey,
    ...(app.region && regionCodes.includes(app.region as Region) ? { region: app.region as Region } : {}),
  });
  if (outcome.ok) return { name: outcome.value, problem: null };
  const { path, messageZh, messageEn } = outcome.refusal;
  return { name: null, problem: { path: `application.${path ?? "field"}`, messageZh, messageEn } };
}

export function presentSummary(
  row: ListedApplication,
  actions: { abilities: Ability[]; events: ApplicationEvent[] },
): ApplicationSummary {
  let presented = presentedRows.get(row);
  if (!presented) {
    presented = presentRow(row);
    presentedRows.set(row, presented);
  }
  return { ...presented, abilities: actions.abilities, availableEvents: actions.events };
}

/** A row's summary before the caller's actions, once per row: a reused page (db/read-cache.ts) shares its rows. */
const presentedRows = new WeakMap<ListedApplication, Omit<ApplicationSummary, "abilities" | "availableEvents">>();

function presentRow(row: ListedApplication): Omit<ApplicationSummary, "abilities" | "availableEvents"> {
  const app = row.application;
  const state = app.state as ApplicationState;
  const label = applicationLifecycle.stateLabels[state];
  return {
    id: app.id,
    callId: app.callId,
    callTitleZh: row.callTitleZh,
    unitId: app.unitId,
    unitName: row.unitName,
    recommenderId: app.recommenderId,
    recommenderName: row.recommenderName,
    state,
    stateLabelZh: label.zh,
    stateLabelEn: label.en,
    type: app.type,
    field: app.field,
    isKey: app.isKey,
    isOffshore: app.isOffshore,
    region: app.region,
    standardName: app.standardName,
    standardNameProblem: nameOf(app).problem,
    directorName: app.directorName,
    priority: app.priority,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    lastReason: app.lastReason,
    version: app.version,
    updatedAt: app.updatedAt.toISOString(),
  };
}
