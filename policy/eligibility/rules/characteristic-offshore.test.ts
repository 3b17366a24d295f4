import { describe, expect, it } from "vitest";
import { findingOf, validCase, verdictOf } from "../eligibility.fixtures";
import { checkEligibilityInput } from "../engine";

describe("10.1-international-project (Art. 10.1, in principle)", () => {
  it.each([
    [[{ level: "provincial", date: "2025-01-01" }], "pass"],
    [[{ level: "municipal", date: "2025-01-01" }], "soft"],
    [[], "soft"],
    [undefined, "missing"],
  ] as const)("%o → %s", (projects, verdict) => {
    expect(
      verdictOf(
        "10.1-international-project",
        (input) => (input.application.evidence!.internationalProjects = projects ? [...projects] : undefined),
        "characteristic",
      ),
    ).toBe(verdict);
  });
});

describe("10.2-results (Art. 10.2)", () => {
  it("is for the experts when described, missing otherwise", () => {
    expect(verdictOf("10.2-results", () => {}, "characteristic")).toBe("judgement");
    expect(
      verdictOf("10.2-results", (input) => (input.application.evidence!.cooperationResults = " "), "characteristic"),
    ).toBe("missing");
  });
});

describe("11.1 and 11.2 offshore platforms (Art. 11)", () => {
  const offshore = (input: ReturnType<typeof validCase>) => {
    input.application.isOffshore = true;
    input.application.offshoreCountry = "DE";
    input.application.evidence!.overseasPremises = { hasFixedPremises: true, address: "Berlin" };
    input.application.evidence!.overseasStaff = { count: 3 };
  };
  it.each([
    ["premises and staff", offshore, "pass", "pass"],
    [
      "no fixed premises",
      (input: ReturnType<typeof validCase>) => {
        offshore(input);
        input.application.evidence!.overseasPremises = { hasFixedPremises: false };
      },
      "fail",
      "pass",
    ],
    [
      "no staff",
      (input: ReturnType<typeof validCase>) => {
        offshore(input);
        input.application.evidence!.overseasStaff = { count: 0 };
      },
      "pass",
      "fail",
    ],
    [
      "nothing given",
      (input: ReturnType<typeof validCase>) => {
        input.application.isOffshore = true;
      },
      "missing",
      "missing",
    ],
  ])("%s → premises %s, staff %s", (_, change, premises, staff) => {
    expect(verdictOf("11.1-overseas-premises", change)).toBe(premises);
    expect(verdictOf("11.2-overseas-staff", change)).toBe(staff);
  });

  it("applies to key bases (offshore by definition) and not to domestic bases", () => {
    expect(verdictOf("11.1-overseas-premises", (input) => (input.application.isKey = true))).toBe("missing");
    expect(findingOf("11.1-overseas-premises", () => {})).toBeUndefined();
    const input = validCase();
    input.application.isKey = true;
    const findings = checkEligibilityInput(input, { keyBaseIsOffshore: false }).findings;
    expect(findings.find((f) => f.ruleId === "11.1-overseas-premises")).toBeUndefined();
  });
});
