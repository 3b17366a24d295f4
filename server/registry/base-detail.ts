import { and, desc, eq } from "drizzle-orm";
import { type BaseEventKind, baseEventKinds } from "../../contracts/base-timeline";
import type { BaseDetail, BaseTimelineEntry } from "../../contracts/bases";
import type { Ability } from "../../policy/access/abilities";
import { type BaseState, baseLifecycle } from "../../policy/lifecycles/base.transitions";
import { evaluationLifecycle } from "../../policy/lifecycles/evaluation.transitions";
import { baseEditionOf, baseOriginOf } from "../../policy/reference/base-origins";
import type { Caller } from "../access/caller";
import { abilitiesOn, resolveScope } from "../access/scope";
import type { Executor } from "../db/client";
import { annualReports } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { countryNameOf } from "../reference/countries";
import { baseTimeline } from "../yearly/base-timeline";
import { reportRows } from "../yearly/reports.repository";
import { type BaseRow, type LoadedBase, presentBaseSummary } from "./bases.repository";

function labelled(entry: Omit<BaseTimelineEntry, "labelZh" | "labelEn">): BaseTimelineEntry {
  const kind = baseEventKinds.find((candidate) => candidate.kind === entry.kind);
  return { ...entry, labelZh: kind?.labelZh ?? entry.kind, labelEn: kind?.labelEn ?? entry.kind };
}

/**
 * A base's timeline (Art. 16.3 跟踪监测): first its recognition on the platform or its import, which the base row
 * itself records (base_events does not store it), then every stored event in date order.
 */
export async function timelineOf(executor: Executor, base: BaseRow): Promise<BaseTimelineEntry[]> {
  const kind: BaseEventKind = baseOriginOf(base.origin).recognizedHere ? "recognized" : "imported";
  const first = labelled({
    id: `${base.id}:${kind}`,
    kind,
    on: base.recognizedOn,
    actorName: null,
    data: { documentNumber: base.documentNumber },
    at: base.createdAt.toISOString(),
  });
  const stored = await baseTimeline(executor, base.id);
  return [
    first,
    ...stored.map((event) =>
      labelled({
        id: event.id,
        kind: event.kind,
        on: event.on,
        actorName: event.actorName,
        data: event.data,
        at: event.at.toISOString(),
      }),
    ),
  ];
}

/** The base's annual reports the caller may read (`annual-report.read` on each row), newest year first. */
async function readableReports(executor: Executor, caller: Caller, baseId: string) {
  const scope = await resolveScope(executor, caller, "annual-report.read");
  if (!scope) return [];
  const rows = await executor
    .select({ id: annualReports.id, year: annualReports.year, state: annualReports.state })
    .from(annualReports)
    .where(and(eq(annualReports.baseId, baseId), reportRows(scope)))
    .orderBy(desc(annualReports.year));
  return rows.map((row) => {
    const label = evaluationLifecycle.stateLabels[row.state] ?? { zh: row.state, en: row.state };
    return { id: row.id, year: row.year, state: row.state, stateZh: label.zh, stateEn: label.en };
  });
}

/** Revocation and exit are offered only where the base's transition table has a move needing them (Art. 20, 21). */
function baseStateAllows(status: string) {
  const moves = Object.values(baseLifecycle.table[status as BaseState] ?? {});
  return (ability: Ability) =>
    ability === "base.revoke" || ability === "base.exit" ? moves.some((move) => move.ability === ability) : true;
}

/** One base as its page shows it: facts with labels, countries by name, timeline, reports and the caller's abilities. */
export async function presentBaseDetail(executor: Executor, caller: Caller, loaded: LoadedBase): Promise<BaseDetail> {
  const { base } = loaded;
  const countries = parseStored("bases.countries", base.countries, base.id);
  const codes = [...new Set([...countries.key, ...countries.main, ...countries.radiating])];
  const origin = baseOriginOf(base.origin);
  const edition = baseEditionOf(base.edition);
  const row = { unitId: base.unitId, recommenderId: loaded.unitRecommenderId };
  return {
    ...presentBaseSummary(loaded),
    recommenderName: loaded.recommenderName,
    directorName: base.directorName,
    isOffshore: base.isOffshore,
    countries,
    countryNames: Object.fromEntries(
      codes.map((code) => {
        const { nameZh, nameEn } = countryNameOf(code);
        return [code, { nameZh, nameEn }];
      }),
    ),
    origin: base.origin,
    originZh: origin.nameZh,
    originEn: origin.nameEn,
    edition: base.edition,
    editionZh: edition.nameZh,
    editionEn: edition.nameEn,
    statusChangedOn: base.statusChangedOn,
    timeline: await timelineOf(executor, base),
    annualReports: await readableReports(executor, caller, base.id),
    abilities: await abilitiesOn(executor, caller, "base", row, baseStateAllows(base.status)),
  };
}
