import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { WorkPlanContent, workPlanSchema } from "../../contracts/annual-report";
import { missingPlanSections } from "../../policy/annual-report/completeness";
import { evaluatedBaseStates } from "../../policy/annual-report/round";
import type { Caller } from "../access/caller";
import { abilitiesOn, authorize } from "../access/scope";
import { execute, type Invocation } from "../commands/command";
import type { Executor, Tx } from "../db/client";
import { workPlans } from "../db/schema";
import { parseStored } from "../db/stored-json";
import { refused } from "../domain/refused";
import { type LoadedBase, loadBase } from "../registry/bases.repository";
import { recordBaseEvent } from "./base-timeline";

type PlanRow = typeof workPlans.$inferSelect;
const notFound = () => refused.notFound("Base", "基地");

/** The base through the caller's read scope (404 otherwise) and whether the caller files its plans. */
async function baseFor(executor: Executor, caller: Caller, baseId: string) {
  const loaded = await loadBase(executor, await authorize(executor, caller, "base.read"), baseId);
  if (!loaded) throw notFound();
  const owner = { unitId: loaded.base.unitId, recommenderId: loaded.unitRecommenderId };
  const files = (await abilitiesOn(executor, caller, "annual-report", owner)).includes("annual-report.submit");
  return { loaded, files };
}

async function planRow(executor: Executor | Tx, baseId: string, year: number, lock = false): Promise<PlanRow | null> {
  const query = executor
    .select()
    .from(workPlans)
    .where(and(eq(workPlans.baseId, baseId), eq(workPlans.year, year)));
  const [row] = lock ? await query.for("update") : await query;
  return row ? { ...row, content: parseStored("work_plans.content", row.content, row.id) } : null;
}

function present(baseId: string, year: number, row: PlanRow | null, files: boolean): z.infer<typeof workPlanSchema> {
  const content = row?.content ?? {};
  return {
    baseId,
    year,
    content,
    filedAt: row?.filedAt?.toISOString() ?? null,
    version: row?.version ?? 0,
    editable: files && !row?.filedAt,
    missing: missingPlanSections(content),
  };
}

export async function readWorkPlan(executor: Executor, caller: Caller, baseId: string, year: number) {
  const { files } = await baseFor(executor, caller, baseId);
  return present(baseId, year, await planRow(executor, baseId, year), files);
}

/** Checks shared by saving and filing: the caller files the base's plans, the plan is not filed, the version holds. */
function guard(loaded: LoadedBase, files: boolean, row: PlanRow | null, version: number | undefined) {
  if (!files) throw refused.forbidden("annual-report.submit");
  if (row?.filedAt) {
    throw refused.conflict({
      code: "plan-filed",
      article: "18.5",
      messageZh: "年度工作计划已报备；调整建设工作方案属于重大事项变化，请按变化报告程序报送。",
      messageEn: "The plan is filed; changing it is a major change to report (Art. 18.5).",
    });
  }
  if (version !== undefined && version !== (row?.version ?? 0)) {
    throw refused.conflict({
      code: "stale-version",
      path: "version",
      messageZh: "该计划已被他人修改，请刷新后再保存。",
      messageEn: "The plan was changed by someone else; reload it before saving.",
    });
  }
  if (!(evaluatedBaseStates as readonly string[]).includes(loaded.base.status)) {
    throw refused.conflict({
      code: "base-not-in-series",
      article: "18",
      messageZh: "该基地已不在省级国合基地序列中。",
      messageEn: "The base is no longer in the provincial series.",
    });
  }
}

/** Saves the host unit's draft of a year's work plan (Art. 18.1), under the optimistic lock (0: none yet). */
export async function saveWorkPlan(
  invocation: Invocation,
  target: { baseId: string; year: number; content: WorkPlanContent; version: number },
): Promise<{ version: number }> {
  const { deps, actor, caller } = invocation;
  return execute(deps, actor, "work-plan.save", { type: "base", id: target.baseId }, async (context) => {
    const { loaded, files } = await baseFor(context.tx, caller, target.baseId);
    const row = await planRow(context.tx, target.baseId, target.year, true);
    guard(loaded, files, row, target.version);
    const now = context.clock.now();
    const version = target.version + 1;
    if (row) {
      await context.tx
        .update(workPlans)
        .set({ content: target.content, version, updatedAt: now })
        .where(eq(workPlans.id, row.id));
    } else {
      await context.tx.insert(workPlans).values({
        id: randomUUID(),
        baseId: target.baseId,
        year: target.year,
        content: target.content,
        version,
        updatedAt: now,
      });
    }
    await context.audit({ changes: { year: target.year, version } });
    return { version };
  });
}

/** Files the year's plan with the department (Art. 18.1): complete, then read-only; the base's timeline notes it. */
export async function fileWorkPlan(invocation: Invocation, target: { baseId: string; year: number }): Promise<void> {
  const { deps, actor, caller } = invocation;
  await execute(deps, actor, "work-plan.file", { type: "base", id: target.baseId }, async (context) => {
    const { loaded, files } = await baseFor(context.tx, caller, target.baseId);
    const row = await planRow(context.tx, target.baseId, target.year, true);
    guard(loaded, files, row, undefined);
    const missing = missingPlanSections(row?.content ?? {});
    if (!row || missing.length > 0) {
      throw refused.rule({
        code: "plan-incomplete",
        article: "18.1",
        messageZh: "年度工作计划尚未填写完整，不能报备。",
        messageEn: "The work plan is incomplete.",
        errors: missing,
      });
    }
    await context.tx
      .update(workPlans)
      .set({ filedAt: context.clock.now(), version: row.version + 1 })
      .where(eq(workPlans.id, row.id));
    await recordBaseEvent(context, target.baseId, "plan-filed", { year: target.year });
    await context.audit({ changes: { year: target.year } });
  });
}
