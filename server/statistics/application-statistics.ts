import { and, asc, isNotNull, ne, sql } from "drizzle-orm";
import { applicationStages, type StatisticsChart } from "../../contracts/statistics";
import type { ResolvedScope } from "../access/scope";
import type { Executor } from "../db/client";
import { applications, calls } from "../db/schema";
import { applicationRows } from "../recognition/applications.repository";
import { CountMatrix } from "./matrix";

const stageOf = new Map<string, string>(
  applicationStages.flatMap((stage) => stage.states.map((state) => [state, stage.key] as const)),
);

/**
 * Applications per call and stage, through the applications' own row filter (a recommender counts what its
 * sub-tree holds, as its list shows). Only applications submitted at least once count: a draft never submitted is
 * its unit's alone (Art. 14.1, 17).
 */
export async function applicationStatistics(
  executor: Executor,
  scope: ResolvedScope,
): Promise<{ chart: StatisticsChart; total: number }> {
  const callRows = await executor
    .select({ id: calls.id, titleZh: calls.titleZh, titleEn: calls.titleEn })
    .from(calls)
    .where(ne(calls.status, "draft"))
    .orderBy(asc(calls.opensAt), asc(calls.id));
  const counts = await executor
    .select({ callId: applications.callId, state: applications.state, n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(applicationRows(scope), isNotNull(applications.submittedAt), ne(applications.state, "draft")))
    .groupBy(applications.callId, applications.state);
  const matrix = new CountMatrix(
    applicationStages.map((stage) => ({ key: stage.key, labelZh: stage.nameZh, labelEn: stage.nameEn })),
    callRows.map((call) => ({ key: call.id, labelZh: call.titleZh, labelEn: call.titleEn || call.titleZh })),
  );
  let total = 0;
  for (const row of counts) {
    const stage = stageOf.get(row.state);
    if (!stage) continue;
    matrix.add(
      row.callId,
      stage,
      () => ({ key: row.callId, labelZh: "其他批次", labelEn: "Another call" }),
      Number(row.n),
    );
    total += Number(row.n);
  }
  return {
    chart: matrix.toChart("applications-by-call", {
      note: {
        zh: "统计已提交过的申报；未提交的草稿仅申报单位可见，不计入。",
        en: "Applications submitted at least once; drafts never submitted are their unit's alone and not counted.",
      },
    }),
    total,
  };
}
