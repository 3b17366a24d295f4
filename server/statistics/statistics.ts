import { eq } from "drizzle-orm";
import type { Statistics } from "../../contracts/statistics";
import type { Caller } from "../access/caller";
import { authorize, type ResolvedScope } from "../access/scope";
import { chinaDate } from "../clock";
import type { Executor } from "../db/client";
import { recommenders } from "../db/schema";
import { beltAndRoadOn } from "../reference/countries";
import { applicationStatistics } from "./application-statistics";
import { baseStatistics } from "./base-statistics";
import { deadlineStatistics } from "./deadline-statistics";
import { gradeStatistics } from "./grade-statistics";

async function scopeLabel(executor: Executor, scope: ResolvedScope): Promise<Statistics["scope"]> {
  if (scope.scope === "all") return { kind: "province", labelZh: "全省", labelEn: "The province" };
  const [recommender] = scope.caller.recommenderId
    ? await executor
        .select({ zh: recommenders.nameZh, en: recommenders.nameEn })
        .from(recommenders)
        .where(eq(recommenders.id, scope.caller.recommenderId))
    : [];
  return {
    kind: "jurisdiction",
    labelZh: `${recommender?.zh ?? "本推荐部门"}推荐范围`,
    labelEn: `The jurisdiction of ${recommender?.en || recommender?.zh || "this recommender"}`,
  };
}

/**
 * 统计分析 (issue 13 item 2; SPEC §1: the department's statistics): every chart in the caller's scope — the department
 * the province, a recommender the units of its sub-tree (statistics.read; nobody else). Read-only, nothing audited.
 */
export async function statisticsFor(executor: Executor, caller: Caller, now: Date): Promise<Statistics> {
  const scope = await authorize(executor, caller, "statistics.read");
  const today = chinaDate(now);
  const beltAndRoad = await beltAndRoadOn(executor, today);
  const based = await baseStatistics(executor, scope, beltAndRoad);
  const applied = await applicationStatistics(executor, scope);
  const graded = await gradeStatistics(executor, scope);
  const due = await deadlineStatistics(executor, scope, today);
  return {
    today,
    scope: await scopeLabel(executor, scope),
    totals: {
      currentBases: based.currentBases,
      applications: applied.total,
      partnerCountries: based.partnerCountries,
      beltAndRoadCountries: based.beltAndRoadCountries,
    },
    charts: [...based.charts, applied.chart, graded, due],
  };
}
