import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { onsiteCheckRequest } from "../../contracts/evaluation";
import { onsiteCheckStates } from "../../policy/annual-report/evaluator";
import { authorize } from "../access/scope";
import { chinaDate } from "../clock";
import { execute, type Invocation } from "../commands/command";
import { onsiteChecks } from "../db/schema";
import { refused } from "../domain/refused";
import { recordBaseEvent } from "./base-timeline";
import { readsAsEvaluator } from "./evaluator-tasks.repository";
import { lockReport } from "./report-facts";

/**
 * Records an on-site check (实地核查) of a base during the year's evaluation (Art. 22), by the department or by the
 * evaluator a third-party round is entrusted to (on that round's reports only). Fraud found makes the base
 * 不合格 for the year and proposes revocation (Art. 20.1) when the grades are confirmed.
 */
export async function recordOnsiteCheck(
  invocation: Invocation,
  target: { roundId: string; input: z.infer<typeof onsiteCheckRequest> },
): Promise<{ id: string }> {
  const { deps, actor, caller } = invocation;
  const { roundId, input } = target;
  const id = randomUUID();
  return execute(
    deps,
    actor,
    "evaluation.onsite-check",
    { type: "annual-report", id: input.reportId },
    async (context) => {
      const scope = await authorize(context.tx, caller, "evaluation.onsite-check");
      const loaded = await lockReport(context.tx, input.reportId);
      if (!loaded || loaded.report.roundId !== roundId) throw refused.notFound("Annual report", "年度工作报告");
      // Art. 16.3: the third-party evaluator checks on site the reports of the rounds entrusted to it, no other.
      if (scope.scope === "assigned" && !(await readsAsEvaluator(context.tx, caller, loaded.report))) {
        throw refused.notFound("Annual report", "年度工作报告");
      }
      if (loaded.round.gradedAt || !onsiteCheckStates.has(loaded.report.state)) {
        throw refused.conflict({
          code: "not-under-evaluation",
          article: "22",
          messageZh: "该报告不在考核评审阶段，不能登记实地核查。",
          messageEn: "The report is not under evaluation: no on-site check can be recorded.",
        });
      }
      if (input.checkedOn > chinaDate(context.clock.now())) {
        throw refused.invalidInput("future-date", "核查日期不能晚于今天。", "The check date cannot be in the future.", [
          {
            path: "checkedOn",
            messageZh: "核查日期不能晚于今天。",
            messageEn: "The check date cannot be in the future.",
          },
        ]);
      }
      await context.tx.insert(onsiteChecks).values({
        id,
        reportId: loaded.report.id,
        baseId: loaded.report.baseId,
        checkedOn: input.checkedOn,
        findings: input.findings,
        fraudFound: input.fraudFound,
        recordedBy: actor.accountId,
        recordedByName: actor.name,
        at: context.clock.now(),
      });
      await recordBaseEvent(
        context,
        loaded.report.baseId,
        "onsite-checked",
        {
          year: loaded.report.year,
          reportId: loaded.report.id,
          ...(input.fraudFound ? { reason: "核查发现材料造假（第二十条第一项）", article: "20.1" } : {}),
        },
        input.checkedOn,
      );
      await context.audit({ changes: { checkedOn: input.checkedOn, fraudFound: input.fraudFound } });
      return { id };
    },
  );
}
