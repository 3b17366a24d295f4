import { applyApplicationEvent } from "../recognition/apply-application-event";
import { applicationLabel, type DecisionCall, executeOnApplication } from "./decision-command";
import { notifyStakeholders } from "./notify";
import { reviewResultOf } from "./review-result";

/**
 * 综合评议 (Art. 14.3): the officer's opinion weighing the expert review, the on-site findings and the portfolio
 * (country layout, field, direction, prospects). Stored with the event, with the score it saw.
 */
export async function evaluateApplication(call: DecisionCall, input: { applicationId: string; opinion: string }) {
  return executeOnApplication(call, "application.evaluate", input.applicationId, async (context) => {
    const review = await reviewResultOf(context.tx, input.applicationId);
    const { after } = await applyApplicationEvent(context, call.caller, {
      applicationId: input.applicationId,
      event: "evaluate",
      reason: input.opinion,
      data: { opinion: input.opinion, mean: review.mean, roundId: review.roundId },
    });
    const name = await applicationLabel(context, input.applicationId);
    await notifyStakeholders(context, input.applicationId, {
      titleZh: `综合评议已完成：${name}`,
      titleEn: `Comprehensive evaluation done: ${name}`,
    });
    return after;
  });
}
