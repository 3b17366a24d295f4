import { describe, expect, it } from "vitest";
import { runCase, validCase } from "./eligibility.fixtures";
import { checkEligibility, checkEligibilityInput, runEligibilityCheck } from "./engine";
import { summarize, type verdicts } from "./findings";
import { parseEligibilityInput } from "./input";
import { ruleIds, ruleTable } from "./rule-table";

describe("checkEligibility", () => {
  it.each(["joint-research", "technology-transfer", "characteristic"] as const)(
    "a complete %s case has no fail, soft or missing",
    (type) => {
      const result = checkEligibilityInput(validCase(type));
      expect(result.edition).toBe("2025");
      expect(result.referenceDate).toBe("2026-03-31");
      const bad = result.findings.filter((finding) => ["fail", "soft", "missing"].includes(finding.verdict));
      expect(bad).toEqual([]);
      expect(result.summary.blocking).toBe(false);
    },
  );

  it("every finding cites its rule's article and names its evidence", () => {
    const result = runCase((input) => (input.application.isOffshore = true));
    for (const finding of result.findings) {
      const rule = ruleTable.find((candidate) => candidate.id === finding.ruleId)!;
      expect(finding.article).toBe(rule.article);
      expect((rule.verdicts as readonly string[]).includes(finding.verdict)).toBe(true);
      expect(finding.evidence.length).toBeGreaterThan(0);
      expect(finding.messageZh).not.toBe("");
      expect(finding.messageEn).not.toBe("");
    }
  });

  it("every rule in the table fires for some case", () => {
    const seen = new Set<string>();
    const cases = [
      validCase("joint-research"),
      validCase("technology-transfer"),
      validCase("characteristic"),
      (() => {
        const input = validCase("characteristic");
        input.application.isOffshore = true;
        input.application.partners!.push({
          name: "UNIDO",
          country: "AT",
          isInternationalOrganization: true,
          headquartersCountry: "AT",
        });
        return input;
      })(),
    ];
    for (const input of cases) for (const finding of checkEligibilityInput(input).findings) seen.add(finding.ruleId);
    expect(ruleIds.filter((id) => !seen.has(id))).toEqual([]);
  });

  it("an empty registry and director give missing verdicts, not crashes", () => {
    const input = validCase();
    const result = checkEligibility(
      { unit: input.unit, application: { type: "characteristic", field: "新材料" } },
      { referenceDate: "2026-03-31" },
    );
    expect(result.findings.length).toBeGreaterThan(10);
    expect(result.summary.incomplete).toBe(true);
    expect(result.findings.find((finding) => finding.ruleId === "20-revocation-ban")?.verdict).toBe("missing");
  });

  it("names the edition in force; before 2025-10-26 and after 2030-10-25 the nearest edition", () => {
    expect(runCase((input) => (input.referenceDate = "2030-10-25")).edition).toBe("2025");
    expect(runCase((input) => (input.referenceDate = "2024-01-01")).edition).toBe("2025");
  });
});

describe("parseEligibilityInput and runEligibilityCheck", () => {
  it("names the field at fault", () => {
    const input: Record<string, unknown> = { ...validCase(), referenceDate: "2026-02-30" };
    const outcome = runEligibilityCheck(input);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((error) => error.path)).toEqual(["referenceDate"]);
  });
  it.each([
    [(raw: Record<string, unknown>) => delete raw.unit, "unit"],
    [
      (raw: Record<string, unknown>) => ((raw.unit as Record<string, unknown>).registeredDivision = "4201"),
      "unit.registeredDivision",
    ],
    [
      (raw: Record<string, unknown>) => ((raw.application as Record<string, unknown>).type = "joint"),
      "application.type",
    ],
  ])("reports %s", (change, path) => {
    const raw = structuredClone(validCase()) as unknown as Record<string, unknown>;
    change(raw);
    const parsed = parseEligibilityInput(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors[0]?.path).toBe(path);
      expect(parsed.errors[0]?.messageEn).toContain(path);
    }
  });
  it("echoes the case id", () => {
    const outcome = runEligibilityCheck({ ...validCase(), caseId: "c-1" });
    expect(outcome.ok && outcome.result.caseId).toBe("c-1");
  });
  it("refuses unknown fields (issue 10: a misspelt key was silently dropped)", () => {
    const outcome = runEligibilityCheck({ ...validCase(), caseId: "c-1", comment: "extra" });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.errors).toEqual([expect.objectContaining({ path: "comment", code: "unknown-key" })]);
  });
});

describe("summarize", () => {
  it("counts by verdict; a fail blocks, missing does not", () => {
    const finding = (verdict: (typeof verdicts)[number]) => ({
      ruleId: "x",
      article: "7",
      verdict,
      evidence: [],
      messageZh: "",
      messageEn: "",
    });
    expect(summarize([finding("pass"), finding("missing"), finding("soft")])).toEqual({
      counts: { pass: 1, fail: 0, soft: 1, judgement: 0, attested: 0, missing: 1 },
      blocking: false,
      incomplete: true,
      needsJustification: true,
    });
    expect(summarize([finding("fail")]).blocking).toBe(true);
  });
});
