import { describe, expect, it } from "vitest";
import { type UnitEvent, unitStatuses, unitTransition, unitTransitions } from "./unit-onboarding";

const events: UnitEvent[] = ["confirm", "reject", "resubmit"];

describe("unit onboarding transitions", () => {
  it.each(unitStatuses.flatMap((status) => events.map((event) => [status, event] as const)))(
    "%s --%s--> as in the table, refused otherwise",
    (status, event) => {
      const expected = (unitTransitions[status] as Partial<Record<UnitEvent, { to: string }>>)[event];
      const result = unitTransition(status, event);
      if (expected) expect(result).toEqual({ ok: true, to: expected.to });
      else expect(result.ok).toBe(false);
    },
  );

  it("confirms a pending unit", () => {
    expect(unitTransition("pending", "confirm")).toEqual({ ok: true, to: "confirmed" });
  });

  it("never reopens a confirmed unit", () => {
    expect(unitTransition("confirmed", "reject").ok).toBe(false);
  });
});
