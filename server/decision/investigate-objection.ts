import type { DecisionCall } from "./decision-command";
import { moveObjection } from "./move-objection";

/** 调查核实: records what was checked; received → investigating, or more notes while investigating (Art. 14.3). */
export function investigateObjection(
  call: DecisionCall,
  input: { objectionId: string; notes: string; expectedVersion?: number },
) {
  return moveObjection(call, { ...input, event: "investigate" });
}
