import type { Refusal } from "../refusal";
import type { ApplicationState } from "./application.transitions";

/**
 * States after which an application no longer stands in its call: withdrawn, declined by the recommender, rejected
 * by the department. Any other state — a draft included — is the unit's one application in the call (Art. 14.1).
 */
export const endedApplicationStates = [
  "withdrawn",
  "declined",
  "rejected",
] as const satisfies readonly ApplicationState[];

/** Whether an application still stands in its call (in progress, or recognized). */
export function isStanding(state: string): boolean {
  return !(endedApplicationStates as readonly string[]).includes(state);
}

/**
 * Art. 14.1: a unit files one application per call; opening 申报 again continues the one it has. Returns the refusal
 * naming the standing application, or null when the unit may start one.
 */
export function secondApplicationRefusal(
  own: ReadonlyArray<{ id: string; state: string }>,
): (Refusal & { existingId: string }) | null {
  const standing = own.find((application) => isStanding(application.state));
  if (!standing) return null;
  return {
    code: "application-exists",
    article: "14.1",
    path: "callId",
    existingId: standing.id,
    messageZh: "本单位在该批次已有一份申报，请继续填写该申报，不能重复新建。",
    messageEn: "Your unit already has an application in this call: continue it instead of starting another.",
  };
}
