import { describe, expect, it } from "vitest";
import { enterpriseUscc, verdictOf } from "../eligibility.fixtures";
import type { EligibilityInput } from "../input";

describe("12.1 director (Art. 12.1)", () => {
  it.each([
    [true, "pass"],
    [false, "fail"],
    [undefined, "missing"],
  ])("fullTime %s → %s", (fullTime, verdict) => {
    expect(verdictOf("12.1-full-time", (input) => (input.director!.fullTime = fullTime))).toBe(verdict);
  });
  it.each([
    [true, "pass"],
    [false, "fail"],
    [undefined, "missing"],
  ])("isResearchLead %s → %s", (lead, verdict) => {
    expect(verdictOf("12.1-research-lead", (input) => (input.director!.isResearchLead = lead))).toBe(verdict);
  });
  const record =
    (date: string, subject: "unit" | "director" = "director") =>
    (input: EligibilityInput) => {
      input.registry!.creditRecords = [
        { subject, id: subject === "director" ? "person-1" : enterpriseUscc, date, kind: "bad-credit" },
      ];
    };
  it.each([
    ["2023-03-31", "director", "fail"],
    ["2023-03-30", "director", "pass"],
    ["2025-01-01", "unit", "pass"],
  ] as const)("record %s of the %s → %s", (date, subject, verdict) => {
    expect(verdictOf("12.1-director-credit", record(date, subject))).toBe(verdict);
  });
  it("is missing without a director", () => {
    expect(verdictOf("12.1-full-time", (input) => (input.director = undefined))).toBe("missing");
    expect(verdictOf("12.1-director-credit", (input) => (input.director = undefined))).toBe("missing");
  });
});

describe("12.2-title (Art. 12.2)", () => {
  it.each([
    ["joint-research", "senior", undefined, "pass"],
    ["joint-research", "associate-senior", true, "fail"], // 须: absolute
    ["technology-transfer", "senior", undefined, "pass"],
    ["technology-transfer", "associate-senior", undefined, "soft"], // 一般: in principle
    ["characteristic", "intermediate", true, "judgement"], // 同等研究能力 claimed
    ["characteristic", undefined, undefined, "missing"],
  ] as const)("%s with %s (equivalent ability %s) → %s", (type, title, equivalent, verdict) => {
    expect(
      verdictOf(
        "12.2-title",
        (input) => {
          input.director!.title = title;
          input.director!.hasEquivalentAbility = equivalent;
        },
        type,
      ),
    ).toBe(verdict);
  });
  it("policy knowledge is for the experts", () => {
    expect(verdictOf("12.2-policy-knowledge", () => {})).toBe("judgement");
  });
});

describe("12.3-one-base-per-director (Art. 12.3, in principle)", () => {
  it.each([
    [[], "pass"],
    [[{ unitUscc: "OTHER", directorId: "person-1", name: "某基地" }], "soft"],
    [[{ unitUscc: "OTHER", directorId: "person-2" }], "pass"],
  ])("%o → %s", (bases, verdict) => {
    expect(verdictOf("12.3-one-base-per-director", (input) => (input.registry!.activeBases = bases))).toBe(verdict);
  });
  it("is missing without the registry of bases", () => {
    expect(verdictOf("12.3-one-base-per-director", (input) => (input.registry!.activeBases = undefined))).toBe(
      "missing",
    );
  });
});
