import { describe, expect, it } from "vitest";
import { editions } from "../measures/editions";
import { baseEditionOf, baseEditions, baseOriginOf, baseOrigins } from "./base-origins";

describe("base origins and editions", () => {
  it.each([
    ["provincial-2025", true],
    ["provincial-2022", false],
    ["provincial-2016", false],
    ["most-international", false],
    ["unknown-source", false],
  ])("%s recognized on the platform: %s", (code, recognizedHere) => {
    expect(baseOriginOf(code).recognizedHere).toBe(recognizedHere);
  });

  it("labels every origin and every edition of the measures, and an unknown code as itself", () => {
    for (const origin of baseOrigins) expect(origin.nameZh).not.toBe(origin.code);
    for (const edition of editions) expect(baseEditions.map((entry) => entry.code)).toContain(edition.id);
    expect(baseEditionOf("2025").nameZh).toContain("鄂科技规〔2025〕6号");
    expect(baseEditionOf("1999")).toEqual({ code: "1999", nameZh: "1999", nameEn: "1999" });
    expect(baseOriginOf("x")).toMatchObject({ nameZh: "x", nameEn: "x" });
  });
});
