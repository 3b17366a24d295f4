import { and, asc, eq, inArray, isNotNull, like, not, sql } from "drizzle-orm";
import type { BaseCountries } from "../../contracts/registry";
import type { Tx } from "../db/client";
import { applications, bases, calls, fields, recommenders, schemaVersion } from "../db/schema";
import { VolumeError } from "./volume-error";

/** What generated calls' titles end with: how a later run finds them again, and how templates leave them out. */
export const volumeCallMarker = "（容量数据）";

export const counterKeys = { units: "volume-units", people: "volume-people" } as const;

export interface VolumeRecommender {
  id: string;
  code: string;
  divisionCode: string;
}

/** The facts every filler clones from, read once at the start of the run's transaction. */
export interface VolumeContext {
  now: Date;
  /** The calendar year in China (the calls are dated in it). */
  year: number;
  /** Today in China, YYYY-MM-DD. */
  today: string;
  /** Division and district recommenders, each repeated by its share of the province's host units. */
  recommenderSlots: VolumeRecommender[];
  fields: string[];
  /** Demo applications with a full form (director, application section) and a stored eligibility result. */
  applicationTemplateIds: string[];
  callTemplateId: string;
  countries: BaseCountries[];
  /** The next running numbers: every run continues where the last stopped, so names and codes never repeat. */
  counters: { units: number; people: number };
}

/** Wuhan holds most host units; its development zones (sub-recommenders) a good share; each other division some. */
function shareOf(recommender: { code: string; kind: string }): number {
  if (recommender.kind === "sub") return 10;
  return recommender.code === "420100" ? 30 : 4;
}

/** A fixed shuffle, so neighbouring units go to different recommenders and every run spreads the same way. */
function interleave<T>(list: T[]): T[] {
  return list
    .map((item, index) => ({ item, order: (index * 2_654_435_761) % 4_294_967_296 }))
    .sort((a, b) => a.order - b.order)
    .map(({ item }) => item);
}

const notVolumeCall = not(like(calls.titleZh, `%${volumeCallMarker}`));

/** A running number, locked for the run: a second run at the same moment waits, then continues after this one. */
async function counter(tx: Tx, key: string): Promise<number> {
  await tx.insert(schemaVersion).values({ key, value: "0" }).onConflictDoNothing();
  const [row] = await tx.select().from(schemaVersion).where(eq(schemaVersion.key, key)).for("update");
  return Number(row?.value ?? 0);
}

export async function loadVolumeContext(tx: Tx, now: Date): Promise<VolumeContext> {
  const [demo] = await tx.select().from(schemaVersion).where(eq(schemaVersion.key, "demo-loaded"));
  // Volume data is demo data: never poured into a database that holds real records only.
  if (!demo) {
    throw new VolumeError(
      "此数据库没有演示数据：容量数据由演示数据复制而来，只能写入演示数据库（请用空库或演示模式启动过的库）。",
      "This database holds no demo data: volume data is cloned from the demo, so it goes into demo databases only (an empty one, or one the demo mode started).",
    );
  }
  const recommenderRows = await tx
    .select({
      id: recommenders.id,
      code: recommenders.code,
      kind: recommenders.kind,
      divisionCode: recommenders.divisionCode,
    })
    .from(recommenders)
    .where(and(inArray(recommenders.kind, ["division", "sub"]), isNotNull(recommenders.divisionCode)))
    .orderBy(asc(recommenders.code));
  const fieldRows = await tx
    .select({ name: fields.nameZh })
    .from(fields)
    .where(eq(fields.active, true))
    .orderBy(asc(fields.sortOrder));
  const demoCalls = await tx.select({ id: calls.id }).from(calls).where(notVolumeCall);
  const templates = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        // Through the demo's few calls (an index), never a scan of the generated applications' JSON.
        inArray(
          applications.callId,
          demoCalls.map((call) => call.id),
        ),
        isNotNull(applications.eligibility),
        sql`jsonb_typeof(${applications.form}->'director') = 'object'`,
        sql`jsonb_typeof(${applications.form}->'application') = 'object'`,
      ),
    )
    .orderBy(asc(applications.createdAt), asc(applications.id))
    .limit(16);
  const [callTemplate] = await tx
    .select({ id: calls.id })
    .from(calls)
    .where(notVolumeCall)
    .orderBy(sql`jsonb_array_length(${calls.materials}) desc`, asc(calls.createdAt))
    .limit(1);
  const countryRows = await tx
    .selectDistinct({ countries: bases.countries })
    .from(bases)
    .where(like(bases.origin, "provincial-%"));
  if (!recommenderRows.length || !fieldRows.length || !templates.length || !callTemplate) {
    throw new VolumeError(
      "演示数据不完整（缺少推荐部门、领域、申报或认定批次），无法复制出容量数据。",
      "The demo data is incomplete (recommenders, fields, applications or calls are missing): nothing to clone volume data from.",
    );
  }
  const china = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return {
    now,
    year: Number(china.slice(0, 4)),
    today: china.slice(0, 10),
    recommenderSlots: interleave(
      recommenderRows.flatMap((row) =>
        Array.from({ length: shareOf(row) }, () => ({ id: row.id, code: row.code, divisionCode: row.divisionCode! })),
      ),
    ),
    fields: fieldRows.map((row) => row.name),
    applicationTemplateIds: templates.map((row) => row.id),
    callTemplateId: callTemplate.id,
    countries: countryRows.length ? countryRows.map((row) => row.countries) : [{ key: [], main: [], radiating: [] }],
    counters: { units: await counter(tx, counterKeys.units), people: await counter(tx, counterKeys.people) },
  };
}

/** Stores where the running numbers stopped, in the run's transaction. */
export async function saveCounters(tx: Tx, counters: VolumeContext["counters"]): Promise<void> {
  for (const [name, key] of Object.entries(counterKeys)) {
    const value = String(counters[name as keyof typeof counterKeys]);
    await tx
      .insert(schemaVersion)
      .values({ key, value })
      .onConflictDoUpdate({ target: schemaVersion.key, set: { value } });
  }
}
