import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  Achievement,
  AchievementCandidates,
  PublicAchievement,
  PublicAchievementList,
} from "../../contracts/achievements";
import {
  type AchievementRefusal,
  decideAchievementPublish,
  decideAchievementWithdraw,
} from "../../policy/annual-report/achievements";
import type { Caller } from "../access/caller";
import { authorize, resolveScope } from "../access/scope";
import { chinaDate } from "../clock";
import type { Executor } from "../db/client";
import { accounts, achievements, bases, units } from "../db/schema";
import { refused } from "../domain/refused";
import { countryNameOf } from "../reference/countries";
import { readReport, reportActor } from "./report-facts";

const publisher = alias(accounts, "publisher");
const withdrawer = alias(accounts, "withdrawer");

const columns = {
  achievement: achievements,
  baseName: bases.standardName,
  unitName: units.name,
  publishedByName: publisher.displayName,
  withdrawnByName: withdrawer.displayName,
};

type Row = {
  achievement: typeof achievements.$inferSelect;
  baseName: string;
  unitName: string;
  publishedByName: string | null;
  withdrawnByName: string | null;
};

/** The department acts on achievements: evaluation.manage over every row (Art. 16.4). */
export async function isDepartment(executor: Executor, caller: Caller): Promise<boolean> {
  return (await resolveScope(executor, caller, "evaluation.manage"))?.scope === "all";
}

function selectAchievements(executor: Executor, where: SQL | undefined) {
  return executor
    .select(columns)
    .from(achievements)
    .innerJoin(bases, eq(bases.id, achievements.baseId))
    .innerJoin(units, eq(units.id, bases.unitId))
    .leftJoin(publisher, eq(publisher.id, achievements.publishedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, achievements.withdrawnBy))
    .where(where)
    .orderBy(desc(achievements.year), desc(achievements.publishedAt));
}

function present(row: Row, department: boolean): Achievement {
  const { achievement } = row;
  const country = achievement.country ? countryNameOf(achievement.country) : null;
  const withdrawRefusal = decideAchievementWithdraw({ department, withdrawn: achievement.withdrawnAt !== null });
  return {
    id: achievement.id,
    reportId: achievement.reportId,
    baseId: achievement.baseId,
    baseName: row.baseName,
    unitName: row.unitName,
    year: achievement.year,
    title: achievement.title,
    summary: achievement.summary,
    partner: achievement.partner,
    country: achievement.country,
    countryNameZh: country?.nameZh ?? null,
    countryNameEn: country?.nameEn ?? null,
    publishedByName: row.publishedByName,
    publishedAt: achievement.publishedAt.toISOString(),
    withdrawnByName: row.withdrawnByName,
    withdrawnAt: achievement.withdrawnAt?.toISOString() ?? null,
    version: achievement.version,
    availableActions: withdrawRefusal ? [] : ["withdraw"],
  };
}

/** The department's list of published (and withdrawn) achievements, of one year or all, newest first. */
export async function listAchievements(
  executor: Executor,
  caller: Caller,
  query: { year?: number | undefined },
): Promise<{ items: Achievement[] }> {
  const scope = await authorize(executor, caller, "evaluation.manage");
  const department = scope.scope === "all";
  if (!department) return { items: [] };
  const rows = await selectAchievements(
    executor,
    query.year === undefined ? undefined : eq(achievements.year, query.year),
  );
  return { items: rows.map((row) => present(row, department)) };
}

/** One achievement as the department sees it, after a change (read in the command's transaction). */
export async function loadAchievement(executor: Executor, id: string, department: boolean): Promise<Achievement> {
  const [row] = await selectAchievements(executor, eq(achievements.id, id));
  if (!row) throw refused.notFound("Achievement", "重大联合研发成果");
  return present(row, department);
}

/** Live achievements of one report, by title: what a candidate project is already published as. */
export async function liveTitlesOf(executor: Executor, reportId: string): Promise<Map<string, string>> {
  const rows = await executor
    .select({ id: achievements.id, title: achievements.title })
    .from(achievements)
    .where(and(eq(achievements.reportId, reportId), isNull(achievements.withdrawnAt)));
  return new Map(rows.map((row) => [row.title, row.id]));
}

const refusalText = (refusal: AchievementRefusal) => ({
  messageZh: refusal.messageZh,
  messageEn: refusal.messageEn,
  ...(refusal.article ? { article: refusal.article } : {}),
});

/**
 * A report's joint R&D projects as candidates for publication, for anyone who reads the report; `publish` is
 * offered only to the department on a report it holds (the same decision the command takes).
 */
export async function achievementCandidates(
  executor: Executor,
  caller: Caller,
  reportId: string,
): Promise<AchievementCandidates> {
  const loaded = await readReport(executor, reportId);
  if (!loaded) throw refused.notFound("Annual report", "年度工作报告");
  const actor = await reportActor(executor, caller, loaded.report);
  if (!actor.canRead) throw refused.notFound("Annual report", "年度工作报告");
  const department = await isDepartment(executor, caller);
  const refusal = decideAchievementPublish({
    department,
    reportState: loaded.report.state,
    duplicateTitle: false,
  });
  const published = await liveTitlesOf(executor, reportId);
  return {
    reportId,
    year: loaded.report.year,
    baseName: loaded.baseName,
    unitName: loaded.unitName,
    availableActions: refusal ? [] : ["publish"],
    publishRefusal: department && refusal ? refusalText(refusal) : null,
    projects: (loaded.report.content.projects ?? []).map((project, index) => {
      const country = countryNameOf(project.country);
      return {
        index,
        title: project.title,
        partner: project.partner,
        country: project.country,
        countryNameZh: country.nameZh,
        countryNameEn: country.nameEn,
        lead: project.lead,
        publishedId: published.get(project.title.trim()) ?? null,
      };
    }),
  };
}

/** The public list (Art. 16.4): live achievements only, by year, with names and nothing internal. */
export async function listPublicAchievements(
  executor: Executor,
  query: { year?: number | undefined },
): Promise<PublicAchievementList> {
  const live = isNull(achievements.withdrawnAt);
  const yearRows = await executor
    .selectDistinct({ year: achievements.year })
    .from(achievements)
    .where(live)
    .orderBy(desc(achievements.year));
  const rows = await executor
    .select({
      id: achievements.id,
      year: achievements.year,
      title: achievements.title,
      summary: achievements.summary,
      partner: achievements.partner,
      country: achievements.country,
      baseName: bases.standardName,
      unitName: units.name,
      publishedAt: achievements.publishedAt,
    })
    .from(achievements)
    .innerJoin(bases, eq(bases.id, achievements.baseId))
    .innerJoin(units, eq(units.id, bases.unitId))
    .where(and(live, query.year === undefined ? undefined : eq(achievements.year, query.year)))
    .orderBy(desc(achievements.year), desc(achievements.publishedAt));
  const items: PublicAchievement[] = rows.map((row) => {
    const country = row.country ? countryNameOf(row.country) : null;
    return {
      id: row.id,
      year: row.year,
      title: row.title,
      summary: row.summary,
      partner: row.partner,
      countryNameZh: country?.nameZh ?? null,
      countryNameEn: country?.nameEn ?? null,
      baseName: row.baseName,
      unitName: row.unitName,
      publishedOn: chinaDate(row.publishedAt),
    };
  });
  return { years: yearRows.map((row) => row.year), items };
}
