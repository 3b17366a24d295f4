import { applyApplicationEvent } from "../recognition/apply-application-event";
import { applicationLabel, type DecisionCall, executeOnApplication } from "./decision-command";
import { notifyStakeholders } from "./notify";

/**
 * Rejects a candidate after the expert review, the evaluation, or an upheld objection during the 公示
 * (Art. 14.2–14.3); the reason is required by the lifecycle and sent to the unit and its recommender.
 */
export async function rejectCandidate(call: DecisionCall, input: { applicationId: string; reason: string }) {
  return executeOnApplication(call, "application.reject", input.applicationId, async (context) => {
    const { after } = await applyApplicationEvent(context, call.caller, {
      applicationId: input.applicationId,
      event: "reject",
      reason: input.reason,
    });
    const name = await applicationLabel(context, input.applicationId);
    await notifyStakeholders(context, input.applicationId, {
      titleZh: `未予认定：${name}`,
      titleEn: `Not recognized: ${name}`,
      bodyZh: input.reason,
      bodyEn: input.reason,
    });
    return after;
  });
}
