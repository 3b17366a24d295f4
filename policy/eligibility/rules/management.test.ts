import { describe, expect, it } from "vitest";
import { findingOf, verdictOf } from "../eligibility.fixtures";

describe("7.4-management-systems (Art. 7.4)", () => {
  it("passes when all seven are present (true or a file reference)", () => {
    expect(verdictOf("7.4-management-systems", () => {})).toBe("pass");
  });
  it.each([
    "ipOwnership",
    "benefitSharing",
    "crossBorderData",
    "humanGeneticResources",
    "ethics",
    "disputeHandling",
    "securityRisk",
  ] as const)("fails when %s is absent (false), missing when not given", (key) => {
    expect(verdictOf("7.4-management-systems", (input) => (input.application.managementSystems![key] = false))).toBe(
      "fail",
    );
    expect(verdictOf("7.4-management-systems", (input) => delete input.application.managementSystems![key])).toBe(
      "missing",
    );
    expect(verdictOf("7.4-management-systems", (input) => (input.application.managementSystems![key] = " "))).toBe(
      "missing",
    );
  });
  it("names the missing systems", () => {
    const finding = findingOf(
      "7.4-management-systems",
      (input) => (input.application.managementSystems!.ethics = false),
    );
    expect(finding?.messageZh).toContain("科技伦理");
    expect(verdictOf("7.4-management-systems", (input) => (input.application.managementSystems = undefined))).toBe(
      "missing",
    );
  });
});

describe("14.1-attestation (Art. 14.1: true, lawful, no state secrets)", () => {
  it.each([
    [{ truthful: true, noStateSecrets: true }, "attested"],
    [{ truthful: true, noStateSecrets: false }, "fail"],
    [{ truthful: false, noStateSecrets: true }, "fail"],
    [{ truthful: true }, "missing"],
    [undefined, "missing"],
  ])("%o → %s", (attestations, verdict) => {
    expect(verdictOf("14.1-attestation", (input) => (input.application.attestations = attestations))).toBe(verdict);
  });
});

describe("14.1-partners-no-objection", () => {
  it.each([
    [true, "attested"],
    [false, "soft"],
    [undefined, "missing"],
  ])("%s → %s", (value, verdict) => {
    expect(
      verdictOf("14.1-partners-no-objection", (input) => (input.application.attestations!.partnersNoObjection = value)),
    ).toBe(verdict);
  });
});
