import { describe, expect, it } from "vitest";
import { applicationStates } from "./application.transitions";
import { opinionOpenStates, opinionRefusal } from "./recommendation-opinion";

describe("推荐意见: who may write it, and when (Art. 14.1, 17)", () => {
  it.each(applicationStates)("state %s: open only while at or recommended by the recommender", (state) => {
    const refusal = opinionRefusal({ state, holderId: "r1" }, "r1");
    expect(refusal === null).toBe((opinionOpenStates as readonly string[]).includes(state));
    if (refusal) expect(refusal).toMatchObject({ code: "opinion-closed", article: "14.1" });
  });

  it.each([
    ["another recommender", "r2"],
    ["no recommender", null],
  ])("%s is refused on Art. 17", (_, recommenderId) => {
    expect(opinionRefusal({ state: "submitted", holderId: "r1" }, recommenderId)).toMatchObject({
      code: "not-the-holder",
      article: "17",
    });
  });
});
