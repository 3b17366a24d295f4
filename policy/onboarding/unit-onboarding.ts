import type { Ability } from "../access/abilities";
import type { Refusal } from "../refusal";

/** A self-registered host unit waits for its recommender's confirmation before it may apply (Art. 17). */
export const unitStatuses = ["pending", "confirmed", "rejected"] as const;
export type UnitStatus = (typeof unitStatuses)[number];
export type UnitEvent = "confirm" | "reject" | "resubmit";

interface UnitTransition {
  to: UnitStatus;
  ability: Ability;
}

export const unitTransitions = {
  pending: {
    confirm: { to: "confirmed", ability: "unit.confirm" },
    reject: { to: "rejected", ability: "unit.confirm" },
  },
  confirmed: {},
  rejected: {
    resubmit: { to: "pending", ability: "unit-account.manage" },
  },
} as const satisfies Record<UnitStatus, Partial<Record<UnitEvent, UnitTransition>>>;

const statusZh: Record<UnitStatus, string> = { pending: "待确认", confirmed: "已确认", rejected: "未通过" };

export function unitTransition(
  from: UnitStatus,
  event: UnitEvent,
): { ok: true; to: UnitStatus } | { ok: false; refusal: Refusal } {
  const row: Partial<Record<UnitEvent, UnitTransition>> = unitTransitions[from];
  const found = row[event];
  if (found) return { ok: true, to: found.to };
  return {
    ok: false,
    refusal: {
      code: "invalid-transition",
      article: "17",
      messageZh: `单位当前状态为“${statusZh[from]}”，不能执行该操作。`,
      messageEn: `The unit is ${from}; "${event}" is not possible now.`,
    },
  };
}
