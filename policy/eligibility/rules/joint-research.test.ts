import { describe, expect, it } from "vitest";
import { findingOf, verdictOf } from "../eligibility.fixtures";
import type { EligibilityInput } from "../input";

type Project = NonNullable<NonNullable<EligibilityInput["application"]["evidence"]>["internationalProjects"]>[number];
const projects = (list: Project[] | undefined) => (input: EligibilityInput) => {
  input.application.evidence!.internationalProjects = list;
};

describe("8.1-international-project (Art. 8.1; reference date 2026-03-31, window from 2023-03-31)", () => {
  it.each([
    ["provincial, 2024", [{ level: "provincial", date: "2024-07-01" }], "pass"],
    ["national, on the window's first day", [{ level: "national", date: "2023-03-31" }], "pass"],
    ["provincial, the day before the window", [{ level: "provincial", date: "2023-03-30" }], "fail"],
    [
      "started 2021, running into the window",
      [{ level: "ministerial", date: "2021-01-01", end: "2023-12-31" }],
      "pass",
    ],
    ["started 2021, ended before the window", [{ level: "provincial", date: "2021-01-01", end: "2023-03-30" }], "fail"],
    ["municipal only", [{ level: "municipal", date: "2025-01-01" }], "fail"],
    ["after the deadline", [{ level: "provincial", date: "2026-04-01" }], "fail"],
    ["none", [], "fail"],
    ["not given", undefined, "missing"],
  ] as [string, Project[] | undefined, string][])("%s → %s", (_, list, verdict) => {
    expect(verdictOf("8.1-international-project", projects(list))).toBe(verdict);
  });
  it("does not apply to other types", () => {
    expect(findingOf("8.1-international-project", () => {}, "technology-transfer")).toBeUndefined();
  });
  it("names a project dated after the reference date (issue 10)", () => {
    const result = findingOf(
      "8.1-international-project",
      projects([
        { level: "provincial", date: "2024-07-01" },
        { level: "national", date: "2027-01-01" },
      ]),
    );
    expect(result?.verdict).toBe("pass");
    expect(result?.messageEn).toContain("1 cooperation project(s) dated after the reference date 2026-03-31");
    expect(result?.evidence).toContain("application.evidence.internationalProjects.1.date");
  });
});

describe("8.2-papers-or-events (Art. 8.2: ≥ 3 papers or ≥ 3 co-hosted events)", () => {
  const dates = (count: number, date = "2025-01-01") => Array.from({ length: count }, () => ({ date }));
  const evidence =
    (
      papers?: { date: string; isHighLevel?: boolean }[],
      events?: { date: string; role?: "host" | "co-host" | "participant" }[],
    ) =>
    (input: EligibilityInput) => {
      input.application.evidence!.jointPapers = papers;
      input.application.evidence!.academicEvents = events;
    };
  it.each([
    ["3 papers", evidence(dates(3)), "pass"],
    ["2 papers", evidence(dates(2)), "fail"],
    ["2 papers and 2 events (not added up)", evidence(dates(2), dates(2)), "fail"],
    ["3 co-hosted events", evidence([], dates(3)), "pass"],
    [
      "3 events as participant",
      evidence(
        [],
        dates(3).map((e) => ({ ...e, role: "participant" as const })),
      ),
      "fail",
    ],
    ["3 papers, one not high-level", evidence([...dates(2), { date: "2025-01-01", isHighLevel: false }]), "fail"],
    ["3 papers, one before the window", evidence([...dates(2), { date: "2023-03-30" }]), "fail"],
    ["3 papers, one on the window's first day", evidence([...dates(2), { date: "2023-03-31" }]), "pass"],
    ["nothing given", evidence(undefined, undefined), "missing"],
  ])("%s → %s", (_, change, verdict) => {
    expect(verdictOf("8.2-papers-or-events", change)).toBe(verdict);
  });

  // Issue 10: evidence dated after the reference date cannot count, and the finding says the date is implausible.
  it("names papers and events dated after the reference date", () => {
    const result = findingOf(
      "8.2-papers-or-events",
      evidence([...dates(2), { date: "2062-05-01" }], [{ date: "2026-04-01" }]),
    );
    expect(result?.verdict).toBe("fail");
    expect(result?.messageZh).toContain("另有 1 篇论文的日期晚于截止日 2026-03-31，不予计入");
    expect(result?.messageZh).toContain("另有 1 次学术交流活动的日期晚于截止日");
    expect(result?.messageEn).toContain("1 paper(s) dated after the reference date 2026-03-31 was not counted");
    expect(result?.evidence).toEqual(
      expect.arrayContaining(["application.evidence.jointPapers.2.date", "application.evidence.academicEvents.0.date"]),
    );
    expect(findingOf("8.2-papers-or-events", evidence(dates(3)))?.messageEn).not.toContain("after the reference date");
  });
});

describe("8.3-rd-intensity (Art. 8.3, enterprise hosts; 高企 thresholds)", () => {
  const finance =
    (years: [number, number, number][], amountUnit: "yuan" | "ten-thousand-yuan" = "ten-thousand-yuan") =>
    (input: EligibilityInput) => {
      input.application.evidence!.finance = {
        amountUnit,
        years: years.map(([year, revenue, rdExpense]) => ({ year, revenue, rdExpense })),
      };
    };
  it.each([
    [
      "revenue exactly 5000万, 5% exactly",
      finance([
        [2023, 5000, 250],
        [2024, 5000, 250],
        [2025, 5000, 250],
      ]),
      "pass",
    ],
    [
      "revenue exactly 5000万, 4.99%",
      finance([
        [2023, 5000, 250],
        [2024, 5000, 250],
        [2025, 5000, 249.5],
      ]),
      "fail",
    ],
    [
      "revenue 5000.01万 → 4% band",
      finance([
        [2023, 5000, 200],
        [2024, 5000, 200],
        [2025, 5000.01, 201],
      ]),
      "pass",
    ],
    [
      "revenue exactly 2亿, 4% exactly",
      finance([
        [2023, 20000, 800],
        [2024, 20000, 800],
        [2025, 20000, 800],
      ]),
      "pass",
    ],
    [
      "revenue exactly 2亿, 3.9%",
      finance([
        [2023, 20000, 780],
        [2024, 20000, 780],
        [2025, 20000, 780],
      ]),
      "fail",
    ],
    [
      "revenue above 2亿 → 3%",
      finance([
        [2023, 20000, 600],
        [2024, 20000, 600],
        [2025, 20001, 601],
      ]),
      "pass",
    ],
    [
      "in yuan, exactly 5000万 and 5%",
      finance(
        [
          [2023, 50_000_000, 2_500_000],
          [2024, 50_000_000, 2_500_000],
          [2025, 50_000_000, 2_500_000],
        ],
        "yuan",
      ),
      "pass",
    ],
    [
      "only two years of an old firm",
      finance([
        [2024, 5000, 500],
        [2025, 5000, 500],
      ]),
      "missing",
    ],
    [
      "latest year not yet audited: the three before",
      finance([
        [2022, 5000, 300],
        [2023, 5000, 300],
        [2024, 5000, 300],
      ]),
      "pass",
    ],
  ])("%s → %s", (_, change, verdict) => {
    expect(verdictOf("8.3-rd-intensity", change)).toBe(verdict);
  });

  it("a firm younger than 3 years uses its actual years", () => {
    const young = (input: EligibilityInput) => {
      input.unit.foundedOn = "2024-05-01";
      finance([
        [2024, 1000, 60],
        [2025, 2000, 100],
      ])(input);
    };
    expect(verdictOf("8.3-rd-intensity", young)).toBe("pass");
  });

  // Issue 10: 0 × 100 ≥ 0 × 5 passed ("比例 0.00%…符合"); the ratio is undefined without sales revenue.
  it.each([
    ["zero revenue and zero R&D", 0],
    ["zero revenue, R&D spent", 300],
  ])("%s → missing, saying revenue is zero", (_, rdExpense) => {
    const result = findingOf(
      "8.3-rd-intensity",
      finance([
        [2023, 0, rdExpense],
        [2024, 0, rdExpense],
        [2025, 0, rdExpense],
      ]),
    );
    expect(result?.verdict).toBe("missing");
    expect(result?.messageZh).toContain("销售收入合计为 0");
    expect(result?.messageEn).toContain("revenue 2023–2025 totals 0");
    expect(result?.messageEn).toContain("undefined");
    expect(result?.evidence).toContain("application.evidence.finance.years.2.revenue");
  });

  // Issue 10: R&D at 500% of revenue passed silently.
  it("R&D above revenue is implausible: judgement naming both figures", () => {
    const result = findingOf(
      "8.3-rd-intensity",
      finance([
        [2023, 100, 80],
        [2024, 100, 80],
        [2025, 100, 500],
      ]),
    );
    expect(result?.verdict).toBe("judgement");
    expect(result?.messageZh).toContain("2025 年研发费用 500 万元超过销售收入 100 万元");
    expect(result?.messageEn).toContain("2025: R&D expense 500 exceeds revenue 100 ten-thousand yuan");
    expect(result?.evidence).toEqual(
      expect.arrayContaining([
        "application.evidence.finance.years.2.rdExpense",
        "application.evidence.finance.years.2.revenue",
      ]),
    );
  });

  it("a failing ratio stays a fail and still names the implausible year", () => {
    const result = findingOf(
      "8.3-rd-intensity",
      finance([
        [2023, 100, 200],
        [2024, 100_000, 10],
        [2025, 100_000, 10],
      ]),
    );
    expect(result?.verdict).toBe("fail");
    expect(result?.messageEn).toContain("2023: R&D expense 200 exceeds revenue 100");
  });

  it("applies only to enterprise hosts of joint-research bases", () => {
    expect(findingOf("8.3-rd-intensity", (input) => (input.unit.type = "university"))).toBeUndefined();
    expect(findingOf("8.3-rd-intensity", () => {}, "characteristic")).toBeUndefined();
    expect(verdictOf("8.3-rd-intensity", (input) => (input.application.evidence!.finance = undefined))).toBe("missing");
  });

  it("8.3-own-ip is judged by experts when IP is listed", () => {
    expect(verdictOf("8.3-own-ip", () => {})).toBe("judgement");
    expect(verdictOf("8.3-own-ip", (input) => (input.application.evidence!.ownIntellectualProperty = []))).toBe(
      "missing",
    );
  });
});
