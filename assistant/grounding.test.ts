import { describe, expect, it } from "vitest";
import { citesOnlyRetrieved } from "./grounding";

describe("a rephrasing cites only what was retrieved", () => {
  it("accepts the retrieved items and their articles", () => {
    expect(citesOnlyRetrieved("依据第十八条第5项，也见第十八条。", ["18.5"])).toEqual({ ok: true, unknown: [] });
    expect(citesOnlyRetrieved("See Art. 24 and Art. 20.6.", ["24", "20.6"]).ok).toBe(true);
  });

  it("refuses any other article, an invented one included", () => {
    expect(citesOnlyRetrieved("依据第十八条第5项和第二十条。", ["18.5"])).toEqual({ ok: false, unknown: ["20"] });
    expect(citesOnlyRetrieved("See Art. 18.6.", ["18.5"]).unknown).toEqual(["18.6"]);
    expect(citesOnlyRetrieved("依据第四十条。", ["18.5"]).unknown).toEqual(["40"]);
  });
});
