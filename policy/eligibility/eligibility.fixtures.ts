import type { BaseType } from "../reference/base-types";
import { checkEligibilityInput } from "./engine";
import type { Finding } from "./findings";
import type { EligibilityInput } from "./input";
import type { RuleId } from "./rule-table";

/** A unit USCC with a valid check digit (Wuhan enterprise) and a ministry university's (digits 3–8 = 100000). */
export const enterpriseUscc = "91420100MA4KXY312A";
export const ministryUniversityUscc = "121000004416269638";

/** A case that passes every rule for its type; tests change one thing at a time. */
export function validCase(type: BaseType = "joint-research"): EligibilityInput {
  return {
    referenceDate: "2026-03-31",
    unit: {
      name: "武汉示例光电科技有限公司",
      uscc: enterpriseUscc,
      type: "enterprise",
      registeredDivision: "420111",
      isIndependentLegalPerson: true,
      inExistence: true,
      foundedOn: "2012-06-18",
    },
    application: {
      type,
      field: "光电子信息",
      isOffshore: false,
      isKey: false,
      countries: { key: ["DE"], main: ["FR", "SG"], radiating: ["IT"] },
      partners: [
        { name: "Partner DE", country: "DE", agreement: { start: "2023-05-01", end: "2028-04-30" } },
        { name: "Partner FR", country: "FR", agreement: { start: "2022-09-01", end: "2027-03-31" } },
        { name: "Partner SG", country: "SG", agreement: { start: "2024-01-15", end: "2029-01-14" } },
      ],
      team: { members: [{ name: "张三" }, { name: "李四" }] },
      developmentGoals: "目标",
      operatingMechanism: "机制",
      evidence: {
        internationalProjects: [{ title: "省国际合作项目", level: "provincial", date: "2024-07-01" }],
        jointPapers: [{ date: "2023-11-02" }, { date: "2024-08-19" }, { date: "2025-05-07" }],
        finance: {
          amountUnit: "ten-thousand-yuan",
          years: [
            { year: 2023, revenue: 12000, rdExpense: 700 },
            { year: 2024, revenue: 15000, rdExpense: 800 },
            { year: 2025, revenue: 18000, rdExpense: 900 },
          ],
        },
        ownIntellectualProperty: [{ title: "发明专利" }],
        transferServiceTeam: { size: 6 },
        transferProjects: [{ date: "2024-03-01" }, { date: "2025-06-01" }],
        transferEvents: [2023, 2024, 2025].flatMap((year) =>
          [1, 2, 3, 4, 5].map((month) => ({ date: `${year}-0${month}-15` })),
        ),
        cooperationResults: "成效",
      },
      managementSystems: {
        ipOwnership: true,
        benefitSharing: true,
        crossBorderData: true,
        humanGeneticResources: true,
        ethics: true,
        disputeHandling: true,
        securityRisk: "files/security.pdf",
      },
      attestations: { truthful: true, noStateSecrets: true, partnersNoObjection: true },
    },
    director: {
      name: "张三",
      personId: "person-1",
      title: "senior",
      fullTime: true,
      fullTimeBasis: "social-insurance",
      isResearchLead: true,
    },
    registry: { activeBases: [], revocations: [], nationalPlatforms: [], creditRecords: [] },
  };
}

/** Runs the engine on a changed copy of a valid case. */
export function runCase(change: (input: EligibilityInput) => void, type: BaseType = "joint-research") {
  const input = structuredClone(validCase(type));
  change(input);
  return checkEligibilityInput(input);
}

/** The finding of one rule (undefined when the rule did not apply). */
export function findingOf(
  ruleId: RuleId,
  change: (input: EligibilityInput) => void,
  type?: BaseType,
): Finding | undefined {
  return runCase(change, type).findings.find((finding) => finding.ruleId === ruleId);
}

export function verdictOf(
  ruleId: RuleId,
  change: (input: EligibilityInput) => void,
  type?: BaseType,
): string | undefined {
  return findingOf(ruleId, change, type)?.verdict;
}
