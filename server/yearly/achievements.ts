import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Achievement, AchievementInput, achievementWithdrawInput } from "../../contracts/achievements";
import {
  type AchievementRefusal,
  decideAchievementPublish,
  decideAchievementWithdraw,
} from "../../policy/annual-report/achievements";
import { authorize } from "../access/scope";
import { execute, type Invocation } from "../commands/command";
import { achievements, bases } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import { unitAccounts } from "../outbox/recipients";
import { countryList } from "../reference/countries";
import { loadAchievement } from "./achievements.repository";
import { recordBaseEvent } from "./base-timeline";
import { lockReport } from "./report-facts";

const refusedBy = ({ kind, ...refusal }: AchievementRefusal) => new Refused(kind, refusal);

const unknownCountry = () => {
  const messageZh = "请选择列表中的合作国家（地区）。";
  const messageEn = "Choose a partner country or region from the list.";
  return refused.invalidInput("unknown-country", messageZh, messageEn, [{ path: "country", messageZh, messageEn }]);
};

/**
 * Publishes a major joint R&D achievement selected from a base's annual report (Art. 16.4): the department only,
 * from a report it holds (policy/annual-report/achievements.ts). The row, the base's timeline entry, the audit
 * entry and the host unit's notice are written together.
 */
export async function publishAchievement(invocation: Invocation, input: AchievementInput): Promise<Achievement> {
  const { deps, actor, caller } = invocation;
  const id = randomUUID();
  return execute(deps, actor, "achievement.publish", { type: "achievement", id }, async (context) => {
    const scope = await authorize(context.tx, caller, "evaluation.manage");
    const loaded = await lockReport(context.tx, input.reportId);
    if (!loaded) throw refused.notFound("Annual report", "年度工作报告");
    if (input.country && !countryList.some((country) => country.code === input.country)) throw unknownCountry();
    const [duplicate] = await context.tx
      .select({ id: achievements.id })
      .from(achievements)
      .where(
        and(
          eq(achievements.reportId, loaded.report.id),
          eq(achievements.title, input.title),
          isNull(achievements.withdrawnAt),
        ),
      );
    const refusal = decideAchievementPublish({
      department: scope.scope === "all",
      reportState: loaded.report.state,
      duplicateTitle: duplicate !== undefined,
    });
    if (refusal) throw refusedBy(refusal);
    const { report } = loaded;
    const row = {
      id,
      roundId: report.roundId,
      reportId: report.id,
      baseId: report.baseId,
      year: report.year,
      title: input.title,
      summary: input.summary,
      partner: input.partner || null,
      country: input.country || null,
      publishedBy: actor.accountId ?? "system",
      publishedAt: context.clock.now(),
    };
    await context.tx.insert(achievements).values(row);
    await recordBaseEvent(context, report.baseId, "achievement-published", { year: report.year, reportId: report.id });
    await context.audit({
      changes: {
        reportId: report.id,
        baseId: report.baseId,
        year: report.year,
        title: row.title,
        partner: row.partner,
        country: row.country,
      },
    });
    const [base] = await context.tx.select({ unitId: bases.unitId }).from(bases).where(eq(bases.id, report.baseId));
    const accountIds = base ? await unitAccounts(context, base.unitId) : [];
    if (accountIds.length > 0) {
      await context.enqueue({
        kind: "notify",
        accountIds,
        titleZh: `${loaded.baseName}的“${row.title}”入选${report.year}年度重大联合研发成果并公开发布`,
        titleEn: `${loaded.baseName}: "${row.title}" published as a major joint R&D achievement of ${report.year}`,
        link: "/achievements",
      });
    }
    return loadAchievement(context.tx, id, true);
  });
}

/**
 * Withdraws a published achievement from the public site: the row stays (with who withdrew it and when) and the
 * audit keeps the reason; the public list no longer shows it.
 */
export async function withdrawAchievement(
  invocation: Invocation,
  target: { id: string; input: z.infer<typeof achievementWithdrawInput> },
): Promise<Achievement> {
  const { deps, actor, caller } = invocation;
  return execute(deps, actor, "achievement.withdraw", { type: "achievement", id: target.id }, async (context) => {
    const scope = await authorize(context.tx, caller, "evaluation.manage");
    const [row] = await context.tx.select().from(achievements).where(eq(achievements.id, target.id)).for("update");
    if (!row) throw refused.notFound("Achievement", "重大联合研发成果");
    const refusal = decideAchievementWithdraw({
      department: scope.scope === "all",
      withdrawn: row.withdrawnAt !== null,
    });
    if (refusal) throw refusedBy(refusal);
    if (row.version !== target.input.version) throw refused.staleVersion();
    await context.tx
      .update(achievements)
      .set({ withdrawnBy: actor.accountId ?? "system", withdrawnAt: context.clock.now(), version: row.version + 1 })
      .where(eq(achievements.id, row.id));
    await recordBaseEvent(context, row.baseId, "achievement-withdrawn", {
      year: row.year,
      reportId: row.reportId,
      reason: target.input.reason,
    });
    await context.audit({ changes: { title: row.title, withdrawn: true }, reason: target.input.reason });
    return loadAchievement(context.tx, row.id, true);
  });
}
