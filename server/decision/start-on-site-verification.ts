import { applyApplicationEvent } from "../recognition/apply-application-event";
import { applicationLabel, type DecisionCall, executeOnApplication } from "./decision-command";
import { notifyStakeholders } from "./notify";

/** Art. 14.2 "可组织专家对申报单位进行实地核查": the officer decides a reviewed application is verified on site. */
export async function startOnSiteVerification(call: DecisionCall, input: { applicationId: string; reason?: string }) {
  return executeOnApplication(call, "application.start-on-site-verification", input.applicationId, async (context) => {
    const { after } = await applyApplicationEvent(context, call.caller, {
      applicationId: input.applicationId,
      event: "start-on-site-verification",
      reason: input.reason ?? null,
    });
    const name = await applicationLabel(context, input.applicationId);
    await notifyStakeholders(context, input.applicationId, {
      titleZh: `将组织实地核查：${name}`,
      titleEn: `On-site verification to be organised: ${name}`,
      bodyZh: "省科技厅将组织专家实地核查，请做好准备。",
      bodyEn: "The department will send a team to verify on site.",
    });
    return after;
  });
}
