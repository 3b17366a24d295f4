import { describe, expect, it } from "vitest";
import { formatDocumentNumber } from "./document-number";

describe("formatDocumentNumber", () => {
  it.each([
    [{ prefix: "鄂科技函", year: 2026, number: 12 }, "鄂科技函〔2026〕12号"],
    [{ prefix: "鄂科技规", year: 2025, number: 6 }, "鄂科技规〔2025〕6号"],
    [{ prefix: " 鄂科技发 ", year: 2027, number: 1 }, "鄂科技发〔2027〕1号"],
    [{ prefix: "鄂科技函", year: 2026, number: 105 }, "鄂科技函〔2026〕105号"],
  ])("%o → %s", (parts, expected) => {
    expect(formatDocumentNumber(parts)).toBe(expected);
  });

  it("uses the full-width 六角括号, never ASCII or other brackets", () => {
    const rendered = formatDocumentNumber({ prefix: "鄂科技函", year: 2026, number: 3 });
    expect(rendered).toContain("〔2026〕");
    expect(rendered).not.toMatch(/[[\]()（）【】]/);
  });
});
