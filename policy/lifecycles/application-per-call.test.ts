import { describe, expect, it } from "vitest";
import { applicationStates } from "./application.transitions";
import { endedApplicationStates, isStanding, secondApplicationRefusal } from "./application-per-call";

describe("one application per unit per call (Art. 14.1)", () => {
  it.each(applicationStates.map((state) => [state]))("%s", (state) => {
    const refusal = secondApplicationRefusal([{ id: "a1", state }]);
    if ((endedApplicationStates as readonly string[]).includes(state)) {
      expect(refusal).toBeNull();
      expect(isStanding(state)).toBe(false);
    } else {
      expect(refusal).toMatchObject({ code: "application-exists", article: "14.1", existingId: "a1" });
      expect(isStanding(state)).toBe(true);
    }
  });

  it("names the standing one among ended ones", () => {
    const refusal = secondApplicationRefusal([
      { id: "old", state: "withdrawn" },
      { id: "declined", state: "declined" },
      { id: "open", state: "draft" },
    ]);
    expect(refusal?.existingId).toBe("open");
  });

  it("lets a unit start when it has none or only ended ones", () => {
    expect(secondApplicationRefusal([])).toBeNull();
    expect(secondApplicationRefusal([{ id: "x", state: "rejected" }])).toBeNull();
  });
});
