import { eq } from "drizzle-orm";
import type { AnnualReportContent } from "../../contracts/annual-report";
import { execute, type Invocation } from "../commands/command";
import { annualReports } from "../db/schema";
import { refused } from "../domain/refused";
import { lockReport, reportActor, reportEditable } from "./report-facts";

/**
 * Saves the host unit's draft of an annual report (autosave): the whole content, under the optimistic lock. Only in
 * the draft and 补正 states, only by the host unit; completeness is checked at submission, not here.
 */
export async function saveReport(
  invocation: Invocation,
  target: { reportId: string; content: AnnualReportContent; version: number },
): Promise<{ version: number }> {
  const { deps, actor, caller } = invocation;
  return execute(deps, actor, "annual-report.save", { type: "annual-report", id: target.reportId }, async (context) => {
    const loaded = await lockReport(context.tx, target.reportId);
    const reportActorNow = loaded ? await reportActor(context.tx, caller, loaded.report) : null;
    if (!loaded || !reportActorNow?.canRead) throw refused.notFound("Annual report", "年度工作报告");
    if (!reportActorNow.abilities.includes("annual-report.submit")) throw refused.forbidden("annual-report.submit");
    if (!reportEditable(loaded.report, reportActorNow, context.clock.now())) {
      const overdue = loaded.report.state === "correction-window";
      throw refused.conflict({
        code: overdue ? "correction-overdue" : "report-not-editable",
        article: "22",
        messageZh: overdue
          ? `补正截止日期（${loaded.report.correctionDueOn ?? "—"}）已过，报告不能再修改。`
          : "年度工作报告已提交审核，当前不能修改。",
        messageEn: overdue
          ? `The correction was due on ${loaded.report.correctionDueOn ?? "—"}; the report can no longer be edited.`
          : "The report is under review and cannot be edited now.",
      });
    }
    if (loaded.report.version !== target.version) {
      throw refused.conflict({
        code: "stale-version",
        path: "version",
        messageZh: "该报告已被他人修改，请刷新后再保存。",
        messageEn: "The report was changed by someone else; reload it before saving.",
      });
    }
    const version = loaded.report.version + 1;
    await context.tx
      .update(annualReports)
      .set({ content: target.content, version, updatedAt: context.clock.now() })
      .where(eq(annualReports.id, loaded.report.id));
    await context.audit({ changes: { version } });
    return { version };
  });
}
