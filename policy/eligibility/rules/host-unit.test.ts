import { describe, expect, it } from "vitest";
import { usccCheckDigit } from "../../uscc";
import { findingOf, ministryUniversityUscc, verdictOf } from "../eligibility.fixtures";
import type { EligibilityInput } from "../input";

describe("7.1-registered-in-hubei (Art. 7.1)", () => {
  it.each([
    ["420111", "pass"], // 洪山区
    ["420100", "pass"],
    ["429021", "pass"], // 神农架林区
    ["422801", "pass"], // 恩施市
    ["410100", "fail"], // 郑州
    ["110108", "fail"], // 北京海淀 — where ministry codes "100000" would point
    ["430100", "fail"],
  ])("division %s → %s", (division, verdict) => {
    expect(verdictOf("7.1-registered-in-hubei", (input) => (input.unit.registeredDivision = division))).toBe(verdict);
  });

  it("a ministry university whose code carries 100000 but whose address is in Wuhan passes", () => {
    const finding = findingOf("7.1-registered-in-hubei", (input) => {
      input.unit = {
        ...input.unit,
        type: "university",
        uscc: ministryUniversityUscc,
        registeredDivision: "420111",
        college: "光学学院",
      };
    });
    expect(finding).toMatchObject({ verdict: "pass", article: "7.1", evidence: ["unit.registeredDivision"] });
    expect(verdictOf("7.1-uscc", (input) => (input.unit.uscc = ministryUniversityUscc))).toBe("pass");
  });

  it("a USCC with a Hubei division in digits 3–8 does not rescue a unit registered elsewhere", () => {
    expect(verdictOf("7.1-registered-in-hubei", (input) => (input.unit.registeredDivision = "310115"))).toBe("fail");
  });
});

describe("7.1-uscc (Art. 7.1, GB 32100-2015)", () => {
  const body = "91420100MA4KXY312";
  const right = usccCheckDigit(body);
  const wrong = right === "0" ? "1" : "0";
  it.each([
    [body + right, "pass"],
    [(body + right).toLowerCase(), "pass"],
    [body + wrong, "soft"], // checksum mismatch: officer to confirm
    [body, "fail"], // 17 characters
    ["91420100MA4KXYI12A", "fail"], // I is not in the alphabet
    ["", "fail"],
  ])("%s → %s", (uscc, verdict) => {
    expect(verdictOf("7.1-uscc", (input) => (input.unit.uscc = uscc))).toBe(verdict);
  });

  it("tells a checksum mismatch (officer to confirm) from a bad format", () => {
    const mismatch = findingOf("7.1-uscc", (input) => (input.unit.uscc = body + wrong));
    expect(mismatch?.messageEn).toContain("officer to confirm");
    const format = findingOf("7.1-uscc", (input) => (input.unit.uscc = "X"));
    expect(format?.messageEn).toContain("not well-formed");
  });
});

describe("7.1-legal-person (Art. 7.1)", () => {
  it.each([
    [true, true, "pass"],
    [false, true, "fail"],
    [true, false, "fail"],
    [undefined, true, "missing"],
    [true, undefined, "missing"],
  ] as const)("independent %s, in existence %s → %s", (independent, existing, verdict) => {
    expect(
      verdictOf("7.1-legal-person", (input) => {
        input.unit.isIndependentLegalPerson = independent;
        input.unit.inExistence = existing;
      }),
    ).toBe(verdict);
  });
});

describe("7.1-unit-credit (Art. 7.1: no record in the last 3 years)", () => {
  const withRecord =
    (date: string, subject: "unit" | "director" = "unit", id = "91420100MA4KXY312A") =>
    (input: EligibilityInput) => {
      input.registry = { ...input.registry, creditRecords: [{ subject, id, date, kind: "research-misconduct" }] };
    };
  it.each([
    ["2023-03-30", "pass"], // one day more than 3 years before the reference date 2026-03-31
    ["2023-03-31", "fail"], // exactly 3 years: inside the window (start inclusive)
    ["2025-12-01", "fail"],
    ["2026-04-15", "fail"], // after the deadline, before the decision: still counts
  ])("record dated %s → %s", (date, verdict) => {
    expect(verdictOf("7.1-unit-credit", withRecord(date))).toBe(verdict);
  });

  it("ignores the director's records and other units' records", () => {
    expect(verdictOf("7.1-unit-credit", withRecord("2025-01-01", "director", "person-1"))).toBe("pass");
    expect(verdictOf("7.1-unit-credit", withRecord("2025-01-01", "unit", "OTHER"))).toBe("pass");
  });

  it("is missing when the caller sent no credit records", () => {
    expect(verdictOf("7.1-unit-credit", (input) => (input.registry = undefined))).toBe("missing");
  });
});
