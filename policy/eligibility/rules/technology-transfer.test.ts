import { describe, expect, it } from "vitest";
import { findingOf, validCase, verdictOf } from "../eligibility.fixtures";
import { checkEligibilityInput } from "../engine";
import type { EligibilityInput } from "../input";

const transfer = "technology-transfer" as const;
const eventsPerYear = (counts: Record<number, number>) => (input: EligibilityInput) => {
  input.application.evidence!.transferEvents = Object.entries(counts).flatMap(([year, count]) =>
    Array.from({ length: count }, (_, index) => ({ date: `${year}-0${(index % 9) + 1}-10` })),
  );
};

describe("9.1-transfer-team (Art. 9.1)", () => {
  it.each([
    [{ size: 5 }, "judgement"],
    [{ size: 0 }, "fail"],
    [undefined, "missing"],
  ])("%o → %s", (team, verdict) => {
    expect(
      verdictOf("9.1-transfer-team", (input) => (input.application.evidence!.transferServiceTeam = team), transfer),
    ).toBe(verdict);
  });
});

describe("9.2-transfer-projects (Art. 9.2: ≥ 2 in 3 years)", () => {
  type Project = { date: string; status?: "implemented" | "ongoing" | "planned" };
  it.each([
    [[{ date: "2024-01-01" }, { date: "2025-01-01" }], "pass"],
    [[{ date: "2024-01-01" }], "fail"],
    [[{ date: "2024-01-01" }, { date: "2023-03-30" }], "fail"],
    [[{ date: "2024-01-01" }, { date: "2023-03-31" }], "pass"],
    [[{ date: "2024-01-01" }, { date: "2025-01-01", status: "planned" }], "fail"],
    [[{ date: "2024-01-01" }, { date: "2025-01-01", status: "implemented" }], "pass"],
    [undefined, "missing"],
  ] as [Project[] | undefined, string][])("%o → %s", (projects, verdict) => {
    expect(
      verdictOf(
        "9.2-transfer-projects",
        (input) => (input.application.evidence!.transferProjects = projects),
        transfer,
      ),
    ).toBe(verdict);
  });
});
describe("evidence dated after the reference date (issue 10)", () => {
  it("9.2 names an implemented project dated later, not a planned one", () => {
    const change = (input: EligibilityInput) =>
      (input.application.evidence!.transferProjects = [
        { date: "2024-01-01" },
        { date: "2026-12-01", status: "implemented" },
        { date: "2027-01-01", status: "planned" },
      ]);
    const result = findingOf("9.2-transfer-projects", change, transfer);
    expect(result?.verdict).toBe("fail");
    expect(result?.messageZh).toContain("另有 1 项已实施的技术转移项目的日期晚于截止日 2026-03-31");
    expect(result?.evidence).toEqual([
      "application.evidence.transferProjects",
      "application.evidence.transferProjects.1.date",
    ]);
  });
  it("9.3 names events dated later", () => {
    const change = (input: EligibilityInput) => {
      eventsPerYear({ 2023: 5, 2024: 5, 2025: 5 })(input);
      input.application.evidence!.transferEvents!.push({ date: "2026-06-01" });
    };
    const result = findingOf("9.3-events-each-year", change, transfer);
    expect(result?.verdict).toBe("pass");
    expect(result?.messageEn).toContain("1 event(s) dated after the reference date 2026-03-31 was not counted");
  });
});

describe("9.3-events-each-year (Art. 9.3: ≥ 5 in each of 2023, 2024, 2025 for a 2026 deadline)", () => {
  it.each([
    [{ 2023: 5, 2024: 5, 2025: 5 }, "pass"],
    [{ 2023: 5, 2024: 4, 2025: 9 }, "fail"], // 4 vs 5 in one year; no averaging
    [{ 2023: 4, 2024: 5, 2025: 5 }, "fail"],
    [{ 2022: 9, 2023: 5, 2024: 5 }, "fail"], // 2025 is empty
    [{ 2023: 5, 2024: 5, 2025: 5, 2026: 0 }, "pass"],
  ])("%o → %s", (counts, verdict) => {
    expect(verdictOf("9.3-events-each-year", eventsPerYear(counts), transfer)).toBe(verdict);
  });
  it("names the short year", () => {
    expect(
      findingOf("9.3-events-each-year", eventsPerYear({ 2023: 5, 2024: 4, 2025: 5 }), transfer)?.messageEn,
    ).toContain("short in 2024");
  });
  it("can count rolling years instead (setting)", () => {
    const input = validCase(transfer);
    eventsPerYear({ 2023: 5, 2024: 5, 2025: 5 })(input);
    const verdict = checkEligibilityInput(input, { eventsPerYearMode: "each-rolling-year" }).findings.find(
      (f) => f.ruleId === "9.3-events-each-year",
    )?.verdict;
    expect(verdict).toBe("fail"); // 2025-04-01..2026-03-31 holds only the 2025 events dated April–May (2)
  });
  it("is missing when not given, and does not apply to joint research", () => {
    expect(
      verdictOf("9.3-events-each-year", (input) => (input.application.evidence!.transferEvents = undefined), transfer),
    ).toBe("missing");
    expect(findingOf("9.3-events-each-year", () => {})).toBeUndefined();
  });
});
