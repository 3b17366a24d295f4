import { eq, inArray } from "drizzle-orm";
import { auditOutcomeWords, auditRequestVerbs, auditResourceNames, auditVerbs } from "../../contracts/audit-actions";
import type { Executor } from "../db/client";
import {
  accounts,
  alliances,
  annualReports,
  applications,
  bases,
  calls,
  changeReports,
  evaluationRounds,
  publicNotices,
  recommenders,
  rectificationCases,
  reviewRounds,
  revocationCases,
  roleGrants,
  units,
} from "../db/schema";

type Words = { zh: string; en: string };
type Names = Map<string, Words>;

/** What an audit row carries that its sentence needs. */
export interface AuditRowForSentence {
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: "success" | "refused" | "failed";
}

const same = (name: string): Words => ({ zh: name, en: name });
const byId = (rows: { id: string; name: string }[]): Names => new Map(rows.map((row) => [row.id, same(row.name)]));

/** The name of each kind of target, looked up for many ids at once (the record as a person knows it). */
const resolvers: Record<string, (db: Executor, ids: string[]) => Promise<Names>> = {
  account: async (db, ids) =>
    byId(
      await db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, ids)),
    ),
  unit: async (db, ids) =>
    byId(await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))),
  // An application is known by its unit: "通过了 宜昌三峡新材料股份有限公司 的形式审查".
  application: async (db, ids) =>
    byId(
      await db
        .select({ id: applications.id, name: units.name })
        .from(applications)
        .innerJoin(units, eq(units.id, applications.unitId))
        .where(inArray(applications.id, ids)),
    ),
  base: async (db, ids) =>
    byId(await db.select({ id: bases.id, name: bases.standardName }).from(bases).where(inArray(bases.id, ids))),
  call: async (db, ids) => {
    const rows = await db
      .select({ id: calls.id, zh: calls.titleZh, en: calls.titleEn })
      .from(calls)
      .where(inArray(calls.id, ids));
    return new Map(rows.map((row) => [row.id, { zh: row.zh, en: row.en || row.zh }]));
  },
  alliance: async (db, ids) =>
    byId(await db.select({ id: alliances.id, name: alliances.name }).from(alliances).where(inArray(alliances.id, ids))),
  recommender: async (db, ids) => {
    const rows = await db
      .select({ id: recommenders.id, zh: recommenders.nameZh, en: recommenders.nameEn })
      .from(recommenders)
      .where(inArray(recommenders.id, ids));
    return new Map(rows.map((row) => [row.id, { zh: row.zh, en: row.en }]));
  },
  "role-grant": async (db, ids) =>
    byId(
      await db
        .select({ id: roleGrants.id, name: accounts.displayName })
        .from(roleGrants)
        .innerJoin(accounts, eq(accounts.id, roleGrants.accountId))
        .where(inArray(roleGrants.id, ids)),
    ),
  "annual-report": async (db, ids) =>
    byId(
      await db
        .select({ id: annualReports.id, name: bases.standardName })
        .from(annualReports)
        .innerJoin(bases, eq(bases.id, annualReports.baseId))
        .where(inArray(annualReports.id, ids)),
    ),
  "change-report": async (db, ids) =>
    byId(
      await db
        .select({ id: changeReports.id, name: bases.standardName })
        .from(changeReports)
        .innerJoin(bases, eq(bases.id, changeReports.baseId))
        .where(inArray(changeReports.id, ids)),
    ),
  "revocation-case": async (db, ids) =>
    byId(
      await db
        .select({ id: revocationCases.id, name: bases.standardName })
        .from(revocationCases)
        .innerJoin(bases, eq(bases.id, revocationCases.baseId))
        .where(inArray(revocationCases.id, ids)),
    ),
  rectification: async (db, ids) =>
    byId(
      await db
        .select({ id: rectificationCases.id, name: bases.standardName })
        .from(rectificationCases)
        .innerJoin(bases, eq(bases.id, rectificationCases.baseId))
        .where(inArray(rectificationCases.id, ids)),
    ),
  "evaluation-round": async (db, ids) =>
    byId(
      await db
        .select({ id: evaluationRounds.id, name: evaluationRounds.title })
        .from(evaluationRounds)
        .where(inArray(evaluationRounds.id, ids)),
    ),
  "public-notice": async (db, ids) =>
    byId(
      await db
        .select({ id: publicNotices.id, name: publicNotices.title })
        .from(publicNotices)
        .where(inArray(publicNotices.id, ids)),
    ),
  // A review round of an application is known by the applying unit.
  "review-round": async (db, ids) =>
    byId(
      await db
        .select({ id: reviewRounds.id, name: units.name })
        .from(reviewRounds)
        .innerJoin(applications, eq(applications.id, reviewRounds.targetId))
        .innerJoin(units, eq(units.id, applications.unitId))
        .where(inArray(reviewRounds.id, ids)),
    ),
};

/** The names of the entries' targets, by "type id". */
async function targetNames(db: Executor, rows: readonly AuditRowForSentence[]): Promise<Map<string, Words>> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.targetType || !row.targetId || !resolvers[row.targetType]) continue;
    const ids = idsByType.get(row.targetType) ?? new Set<string>();
    ids.add(row.targetId);
    idsByType.set(row.targetType, ids);
  }
  const names = new Map<string, Words>();
  for (const [type, ids] of idsByType) {
    const found = await resolvers[type]!(db, [...ids]);
    for (const [id, name] of found) names.set(`${type} ${id}`, name);
  }
  return names;
}

const fallbackVerb: Words = { zh: "处理了{kind} {object}", en: "acted on the {kind} {object}" };
const fallbackKind: Words = { zh: "记录", en: "record" };

/** Who acted, in words: the name, 系统 for scheduled work, 匿名访客 for no session. */
export function actorWords(name: string | null): Words {
  if (name === null) return { zh: "匿名访客", en: "An anonymous visitor" };
  if (name === "system") return { zh: "系统", en: "The system" };
  return same(name);
}

/** One entry as a sentence in both languages: actor, verb of the action, the object by its name. */
export function auditSentence(row: AuditRowForSentence, name: Words | undefined): Words {
  const actor = actorWords(row.actorName);
  const suffix = row.outcome === "success" ? { zh: "", en: "" } : auditOutcomeWords[row.outcome];
  const request = /^(GET|POST|PUT|PATCH|DELETE) \/api\/([^/?]+)/.exec(row.action);
  if (request) {
    const verb = auditRequestVerbs[request[1]!]!;
    const what = auditResourceNames[request[2]!] ?? { zh: "数据", en: "data" };
    return {
      zh: `${actor.zh} 请求${verb.zh}${what.zh}${suffix.zh}`,
      en: `${actor.en} asked to ${verb.en} ${what.en}${suffix.en}`,
    };
  }
  const [resource = "", ...rest] = row.action.split(".");
  const verbKey = rest.join(".");
  const verb = auditVerbs[row.action] ?? auditVerbs[verbKey] ?? auditVerbs[rest[rest.length - 1] ?? ""] ?? fallbackVerb;
  const kind = auditResourceNames[row.targetType ?? ""] ?? auditResourceNames[resource] ?? fallbackKind;
  const fill = (template: string, language: "zh" | "en") => {
    const object = name ? name[language] : template.includes("{kind}") ? "" : kind[language];
    return template
      .replace("{kind}", kind[language])
      .replace("{object}", object)
      .replace(/\s{2,}/g, " ")
      .trim();
  };
  return {
    zh: `${actor.zh} ${fill(verb.zh, "zh")}${suffix.zh}`,
    en: `${actor.en} ${fill(verb.en, "en")}${suffix.en}`,
  };
}

/** The entries' sentences, in order, with every target's name looked up once. */
export async function auditSentences(db: Executor, rows: readonly AuditRowForSentence[]): Promise<Words[]> {
  const names = await targetNames(db, rows);
  return rows.map((row) => auditSentence(row, names.get(`${row.targetType} ${row.targetId}`)));
}
