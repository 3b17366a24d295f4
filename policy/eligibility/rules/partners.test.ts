import { describe, expect, it } from "vitest";
import { findingOf, verdictOf } from "../eligibility.fixtures";
import type { EligibilityInput } from "../input";

type Agreement = { start?: string; end?: string };
const partnersWith =
  (agreements: Agreement[], countries = ["DE", "FR", "SG", "JP"]) =>
  (input: EligibilityInput) => {
    input.application.partners = agreements.map((agreement, index) => ({
      name: `Partner ${index}`,
      country: countries[index] ?? "DE",
      agreement,
    }));
  };
const valid = { start: "2024-01-01", end: "2028-12-31" };

describe("7.2-partners (Art. 7.2: ≥ 3 partners with a valid agreement; reference date 2026-03-31)", () => {
  it.each([
    ["three valid", [valid, valid, valid], "pass"],
    ["two valid", [valid, valid], "fail"],
    ["one expiring on the deadline day counts", [valid, valid, { start: "2021-01-01", end: "2026-03-31" }], "pass"],
    ["one expired the day before the deadline", [valid, valid, { start: "2021-01-01", end: "2026-03-30" }], "fail"],
    ["one starting the day after the deadline", [valid, valid, { start: "2026-04-01", end: "2030-01-01" }], "fail"],
    ["one starting on the deadline day", [valid, valid, { start: "2026-03-31", end: "2030-01-01" }], "pass"],
    ["no start date: read as in effect", [valid, valid, { end: "2030-01-01" }], "pass"],
    ["no end date on the third", [valid, valid, { start: "2024-01-01" }], "missing"],
    ["four given, two expired", [valid, valid, { end: "2025-01-01" }, { end: "2024-01-01" }], "fail"],
  ])("%s → %s", (_, agreements, verdict) => {
    expect(verdictOf("7.2-partners", partnersWith(agreements))).toBe(verdict);
  });

  it("is missing when no partner is given", () => {
    expect(verdictOf("7.2-partners", (input) => (input.application.partners = undefined))).toBe("missing");
    expect(verdictOf("7.2-partners", (input) => (input.application.partners = []))).toBe("missing");
  });

  it("does not require three countries by default; the setting does", async () => {
    const { checkEligibilityInput } = await import("../engine");
    const { validCase } = await import("../eligibility.fixtures");
    const input = validCase();
    partnersWith([valid, valid, valid], ["DE", "DE", "FR"])(input);
    const verdict = (settings = {}) =>
      checkEligibilityInput(input, settings).findings.find((f) => f.ruleId === "7.2-partners")?.verdict;
    expect(verdict()).toBe("pass");
    expect(verdict({ partnersMustSpanCountries: true })).toBe("fail");
  });

  it("names the agreements it looked at", () => {
    expect(findingOf("7.2-partners", () => {})?.evidence).toContain("application.partners.0.agreement");
  });
});

describe("7.2-team and 7.2-partner-standing (Art. 7.2)", () => {
  it.each([
    [{ members: [{ name: "A" }] }, "judgement"],
    [{ members: [] }, "fail"],
    [undefined, "missing"],
  ])("team %o → %s", (team, verdict) => {
    expect(verdictOf("7.2-team", (input) => (input.application.team = team))).toBe(verdict);
  });
  it("partner standing is for the experts", () => {
    expect(verdictOf("7.2-partner-standing", () => {})).toBe("judgement");
    expect(verdictOf("7.2-partner-standing", (input) => (input.application.partners = undefined))).toBe("missing");
  });
});

describe("7.3-goals-mechanism (Art. 7.3)", () => {
  it.each([
    ["目标", "机制", "judgement"],
    ["", "机制", "missing"],
    [undefined, "机制", "missing"],
    ["目标", undefined, "missing"],
  ])("goals %j mechanism %j → %s", (goals, mechanism, verdict) => {
    expect(
      verdictOf("7.3-goals-mechanism", (input) => {
        input.application.developmentGoals = goals;
        input.application.operatingMechanism = mechanism;
      }),
    ).toBe(verdict);
  });
});

describe("13-countries (Art. 13)", () => {
  it.each([
    [{ key: ["DE"], main: ["FR"], radiating: ["IT"] }, "pass"],
    [{ key: [], main: ["FR"], radiating: ["IT"] }, "missing"],
    [{ key: ["DE"], main: ["FR"], radiating: [] }, "missing"],
    [undefined, "missing"],
  ])("%o → %s", (countries, verdict) => {
    expect(verdictOf("13-countries", (input) => (input.application.countries = countries))).toBe(verdict);
  });
});

describe("13-international-organization (Art. 13)", () => {
  const withOrganization =
    (key: string[], organization: { headquartersCountry?: string; mainProjectCountry?: string }) =>
    (input: EligibilityInput) => {
      input.application.countries = { key, main: ["FR"], radiating: ["IT"] };
      input.application.partners = [
        ...(input.application.partners ?? []),
        { name: "UNIDO", country: "AT", isInternationalOrganization: true, ...organization },
      ];
    };
  it.each([
    [["AT"], { headquartersCountry: "AT" }, "pass"],
    [["at"], { headquartersCountry: "AT" }, "pass"],
    [["KE"], { headquartersCountry: "AT", mainProjectCountry: "KE" }, "pass"],
    [["DE"], { headquartersCountry: "AT", mainProjectCountry: "KE" }, "fail"],
    [["DE"], {}, "missing"],
    [[], { headquartersCountry: "AT" }, "missing"],
  ])("key %o with %o → %s", (key, organization, verdict) => {
    expect(verdictOf("13-international-organization", withOrganization(key, organization))).toBe(verdict);
  });
  it("gives no finding without an international organization", () => {
    expect(findingOf("13-international-organization", () => {})).toBeUndefined();
  });
});
