import type { DecisionCall } from "./decision-command";
import { moveObjection } from "./move-objection";

/** Closes an investigated objection as upheld or dismissed, with the resolution (Art. 14.3). */
export function resolveObjection(
  call: DecisionCall,
  input: { objectionId: string; outcome: "upheld" | "dismissed"; resolution: string; expectedVersion?: number },
) {
  return moveObjection(call, {
    objectionId: input.objectionId,
    event: input.outcome === "upheld" ? "uphold" : "dismiss",
    notes: input.resolution,
    ...(input.expectedVersion === undefined ? {} : { expectedVersion: input.expectedVersion }),
  });
}
