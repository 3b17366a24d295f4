import { describe, expect, it } from "vitest";
import { articles2025 } from "./articles-2025";
import { type Edition, edition2025, editionFor, editions } from "./editions";
import { editionExpiryWarning } from "./expiry";

/** A hypothetical next edition, built as data for the test only: the product's list is not touched. */
const edition2030: Edition = {
  id: "2030",
  documentNumber: "鄂科技规〔2030〕X号",
  titleZh: "湖北省国际科技合作基地管理办法（假设的下一版）",
  issuedOn: "2030-10-26",
  effectiveFrom: "2030-10-26",
  validUntil: "2035-10-25",
  replaces: edition2025.documentNumber,
  articles: articles2025,
};

describe("Art. 31: the warning before the 2025 measures lapse", () => {
  it("the 2025 edition applies until 2030-10-25", () => {
    expect(edition2025.validUntil).toBe("2030-10-25");
    expect(editions.map((edition) => edition.id)).toEqual(["2025"]);
  });

  it.each([
    ["2026-03-10", null],
    ["2030-04-25", null],
    ["2030-04-26", { kind: "expiring", daysLeft: 182 }],
    ["2030-10-24", { kind: "expiring", daysLeft: 1 }],
    ["2030-10-25", { kind: "expiring", daysLeft: 0 }],
    ["2030-10-26", { kind: "lapsed", daysLeft: 0 }],
    ["2031-02-01", { kind: "lapsed", daysLeft: 0 }],
  ])("on %s: %o", (today, expected) => {
    const warning = editionExpiryWarning(today);
    if (expected === null) expect(warning).toBeNull();
    else {
      expect(warning).toMatchObject({ ...expected, editionId: "2025", validUntil: "2030-10-25" });
      expect(warning?.messageZh).toContain("第三十一条");
      expect(warning?.messageEn).toContain("Art. 31");
    }
  });

  it("no warning before the first edition took effect", () => {
    expect(editionExpiryWarning("2025-01-01")).toBeNull();
  });

  it("no warning once a successor is entered to take over the next day", () => {
    const list = [edition2025, edition2030];
    expect(editionExpiryWarning("2030-09-01", list)).toBeNull();
    expect(editionExpiryWarning("2030-10-26", list)).toBeNull();
    expect(editionExpiryWarning("2035-05-01", list)).toMatchObject({ kind: "expiring", editionId: "2030" });
  });
});

describe("Art. 31: editions side by side, as data", () => {
  const list = [edition2025, edition2030];
  it.each([
    ["2025-10-25", "2025", false],
    ["2025-10-26", "2025", true],
    ["2030-10-25", "2025", true],
    ["2030-10-26", "2030", true],
    ["2035-10-25", "2030", true],
    ["2035-10-26", "2030", false],
  ])("on %s the %s edition applies (in force: %s)", (date, id, inForce) => {
    expect(editionFor(date, list)).toMatchObject({ edition: { id }, inForce });
  });

  it("a successor issued before the old edition lapses takes over from its own effective date", () => {
    const early = { ...edition2030, issuedOn: "2030-09-01", effectiveFrom: "2030-09-01" };
    expect(editionFor("2030-08-31", [edition2025, early]).edition.id).toBe("2025");
    expect(editionFor("2030-09-01", [edition2025, early]).edition.id).toBe("2030");
  });

  it("the product list alone still answers 2025, lapsed, after 2030-10-25", () => {
    expect(editionFor("2030-10-26")).toMatchObject({ edition: { id: "2025" }, inForce: false });
  });
});
