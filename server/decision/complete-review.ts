import { applyApplicationEvent } from "../recognition/apply-application-event";
import { applicationLabel, type DecisionCall, executeOnApplication } from "./decision-command";
import { notifyStakeholders } from "./notify";
import { reviewResultOf } from "./review-result";

/**
 * The expert review's hand-off (ADR 0003): the officer fires `complete-review` once the application's review
 * round is completed; the lifecycle's guard (`reviewComplete`) refuses it before (Art. 14.2).
 */
export async function completeReview(call: DecisionCall, input: { applicationId: string }) {
  return executeOnApplication(call, "application.complete-review", input.applicationId, async (context) => {
    const result = await reviewResultOf(context.tx, input.applicationId);
    const { after } = await applyApplicationEvent(context, call.caller, {
      applicationId: input.applicationId,
      event: "complete-review",
      guardContext: { reviewComplete: result.complete },
      data: { roundId: result.roundId, mean: result.mean, submitted: result.submitted },
    });
    const name = await applicationLabel(context, input.applicationId);
    await notifyStakeholders(context, input.applicationId, {
      titleZh: `专家评审已完成：${name}`,
      titleEn: `Expert review complete: ${name}`,
    });
    return after;
  });
}
