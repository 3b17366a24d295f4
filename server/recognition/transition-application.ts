import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { ApplicationForm } from "../../contracts/recognition";
import { type eventRequest, formalReviewItems } from "../../contracts/recognition";
import type { ApplicationEvent } from "../../policy/lifecycles/application.transitions";
import type { Caller } from "../access/caller";
import { authorize, covers } from "../access/scope";
import { type Actor, type CommandDeps, execute } from "../commands/command";
import { applications, calls } from "../db/schema";
import { ApiError, apiError, errors } from "../http/errors";
import { recommendedBy } from "./applications.repository";
import { applyApplicationEvent } from "./apply-application-event";
import { materialsChecklist, submitBlockers, uploadedSlotsOf } from "./eligibility-facts";
import { notifyApplicationTransition } from "./notify-application";
import { callAccepting, callNotAccepting, recompute } from "./save-application";

type EventRequest = z.infer<typeof eventRequest>;
type CallRow = typeof calls.$inferSelect;

/** The call's quota for one recommender: its own, else the call's default; null = no limit. */
export function quotaOf(call: CallRow, recommenderId: string): number | null {
  const own = (call.quotas as Record<string, number>)[recommenderId];
  return own ?? call.defaultQuota ?? null;
}

const submitEvents: ReadonlySet<ApplicationEvent> = new Set(["submit", "resubmit-correction"]);

/**
 * Fires one recognition event of SPEC §5.1 steps 2–4 through applyApplicationEvent (the one writer of the state):
 * gathers what its guard needs (eligibility and materials for a submission, the quota for a recommendation, the
 * checklist for formal review), names every blocker in a refusal, and notifies the accounts concerned.
 */
export async function fireApplicationEvent(
  deps: CommandDeps,
  actor: Actor,
  caller: Caller,
  id: string,
  request: EventRequest,
): Promise<void> {
  const event = request.event;
  await execute(deps, actor, `application.${event}`, { type: "application", id }, async (context) => {
    const { tx } = context;
    const [row] = await tx.select().from(applications).where(eq(applications.id, id));
    if (!row || !covers(await authorize(tx, caller, "application.read"), row)) {
      throw errors.notFound("Application", "申报");
    }
    const [call] = await tx.select().from(calls).where(eq(calls.id, row.callId));
    if (!call) throw errors.notFound("Call", "批次");
    const set: Partial<typeof applications.$inferInsert> = {};
    let blockers: ReturnType<typeof submitBlockers> = [];
    let guardContext = {};
    let data: unknown = null;

    if (submitEvents.has(event)) {
      const derived = await recompute(tx, row, row.form as ApplicationForm);
      const materials = materialsChecklist(call, await uploadedSlotsOf(tx, id));
      blockers = submitBlockers(derived.eligibility, materials);
      const eligibility = derived.eligibility;
      guardContext = {
        eligibilityBlocking:
          eligibility.summary === null || eligibility.summary.blocking || eligibility.inputErrors.length > 0,
        eligibilityIncomplete:
          eligibility.summary?.incomplete !== false || materials.some((m) => m.required && !m.present),
      };
      Object.assign(set, { eligibility: derived.eligibility, standardName: derived.standardName });
      if (event === "submit") set.submittedAt = context.clock.now();
    }
    if (event === "submit" && row.state === "draft" && !callAccepting(call, context.clock.now())) {
      throw callNotAccepting();
    }
    if (event === "recommend" && row.state === "submitted") {
      const quota = quotaOf(call, row.recommenderId);
      const already = await recommendedBy(tx, call.id, row.recommenderId);
      if (quota !== null && already.length >= quota) {
        throw apiError(
          422,
          "quota-exceeded",
          `已达到本批次推荐限额（${quota}项），不能继续推荐。`,
          `The call's quota for this recommender (${quota}) is reached.`,
        );
      }
      set.priority = already.length + 1;
    }
    if (event === "pass-formal-review" || event === "request-correction") {
      const checklist = request.checklist ?? {};
      data = { checklist };
      const unchecked = formalReviewItems.filter((item) => checklist[item.key] !== true);
      if (event === "pass-formal-review" && unchecked.length > 0) {
        throw new ApiError(422, {
          code: "checklist-incomplete",
          article: "14.2",
          messageZh: "形式审查清单尚有未通过的项目，不能通过形式审查。",
          messageEn: "Items of the formal-review checklist are not met.",
          errors: unchecked.map((item) => ({
            path: `checklist.${item.key}`,
            messageZh: `未通过：${item.labelZh}`,
            messageEn: `Not met: ${item.labelEn}`,
          })),
        });
      }
    }
    if (["pass-up", "return", "decline", "withdraw", "reject"].includes(event)) set.priority = null;

    try {
      const { before, after } = await applyApplicationEvent(context, caller, {
        applicationId: id,
        event,
        reason: request.reason?.trim() || null,
        ...(request.version === undefined ? {} : { expectedVersion: request.version }),
        guardContext,
        set,
        data,
      });
      await notifyApplicationTransition(context, { before, after, event, reason: request.reason ?? null });
    } catch (error) {
      if (error instanceof ApiError && ["eligibility-failed", "materials-missing"].includes(error.body.code)) {
        throw new ApiError(error.status, { ...error.body, errors: blockers });
      }
      throw error;
    }
  });
}
