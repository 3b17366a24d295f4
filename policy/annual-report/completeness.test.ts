import { describe, expect, it } from "vitest";
import {
  agreementStandingAtYearEnd,
  agreementValidAtYearEnd,
  missingPlanSections,
  missingReportSections,
  planProgress,
  type ReportSections,
} from "./completeness";

const complete: ReportSections = {
  summary: "基地概况",
  results: { jointPapers: 3 },
  management: { fullTimeStaff: 2, ipManagement: "制度", securityPlan: "预案", biosafetyEthics: "合规" },
  support: { recommenderWan: 0, hostUnitWan: 50, conditions: "" },
  experience: "经验",
  nextYearPlan: "计划",
};

describe("annual report completeness (Art. 18, 22)", () => {
  it("accepts a complete report, with empty lists on purpose", () => {
    expect(missingReportSections({ ...complete, trainings: [] })).toEqual([]);
  });

  it("names every missing part with its article, and blank text counts as missing", () => {
    const missing = missingReportSections({ summary: "   " });
    expect(missing.map((issue) => issue.path)).toEqual([
      "summary",
      "results",
      "management",
      "support",
      "experience",
      "nextYearPlan",
    ]);
    expect(missing.find((issue) => issue.path === "nextYearPlan")?.article).toBe("18.1");
  });

  it("needs full-time management staff (Art. 18.4) and the security and ethics parts (18.6, 18.7)", () => {
    const report = { ...complete, management: { ...complete.management!, fullTimeStaff: 0, securityPlan: "" } };
    expect(missingReportSections(report).map((issue) => [issue.path, issue.article])).toEqual([
      ["management.fullTimeStaff", "18.4"],
      ["management.securityPlan", "18.7"],
    ]);
  });

  it("counts an agreement valid when it has started and runs to the year's last day", () => {
    expect(agreementValidAtYearEnd({ startsOn: "2026-12-31", endsOn: "2026-12-31" }, 2026)).toBe(true);
    expect(agreementValidAtYearEnd({ startsOn: "2027-01-01", endsOn: "2030-01-01" }, 2026)).toBe(false);
    expect(agreementValidAtYearEnd({ startsOn: "2020-01-01", endsOn: "2026-12-30" }, 2026)).toBe(false);
    expect(agreementValidAtYearEnd({ startsOn: "2024-02-29", endsOn: "2028-02-29" }, 2027)).toBe(true);
  });

  it.each([
    [{ startsOn: "2026-12-31", endsOn: "2026-12-31" }, "valid"],
    [{ startsOn: "2020-01-01", endsOn: "2026-12-30" }, "expired"],
    [{ startsOn: "2027-01-01", endsOn: "2030-01-01" }, "not-started"],
  ] as const)("marks %o at the end of 2026 as %s", (agreement, standing) => {
    expect(agreementStandingAtYearEnd(agreement, 2026)).toBe(standing);
  });

  it("compares the plan's targets with the report's counts", () => {
    const plan = { targets: { projects: 4, exchanges: 2, trainings: 1, jointPapers: 5, agreements: 3 } };
    const report: ReportSections = {
      ...complete,
      agreements: [
        { startsOn: "2025-01-01", endsOn: "2028-01-01" },
        { startsOn: "2025-01-01", endsOn: "2026-06-30" },
      ],
      projects: [{}, {}],
      exchanges: [{}, {}, {}],
    };
    expect(planProgress(plan, report, 2026).map((row) => [row.key, row.planned, row.done])).toEqual([
      ["agreements", 3, 1],
      ["projects", 4, 2],
      ["exchanges", 2, 3],
      ["trainings", 1, 0],
      ["jointPapers", 5, 3],
    ]);
    expect(planProgress(null, report, 2026)).toEqual([]);
  });
});

describe("work plan filing (Art. 18.1)", () => {
  it("needs the four pillars of Art. 3 and the targets", () => {
    expect(missingPlanSections({ platform: "x", talent: " " }).map((issue) => issue.path)).toEqual([
      "projects",
      "talent",
      "activities",
      "targets",
    ]);
    const targets = { projects: 1, exchanges: 1, trainings: 0, jointPapers: 2, agreements: 3 };
    expect(missingPlanSections({ platform: "a", projects: "b", talent: "c", activities: "d", targets })).toEqual([]);
  });
});
