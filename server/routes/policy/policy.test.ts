import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/harness";

const example = JSON.parse(readFileSync("docs/examples/eligibility-case.json", "utf8"));
const batch = JSON.parse(readFileSync("docs/examples/eligibility-batch.json", "utf8"));

describe("public eligibility self-check", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", { ELIGIBILITY_RATE_LIMIT: "5" });
  });
  afterAll(() => t.close());

  it("answers anonymously with the same result as the CLI, citing articles", async () => {
    const response = await t.anonymous.post("/api/policy/eligibility", example);
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.edition).toBe("2025");
    expect(result.referenceDate).toBe(example.referenceDate);
    expect(result.findings.length).toBeGreaterThan(20);
    for (const finding of result.findings) {
      expect(finding.article).toMatch(/^\d+(\.\d+)?$/);
      expect(["pass", "fail", "soft", "judgement", "attested", "missing"]).toContain(finding.verdict);
    }
  });

  it("checks a batch and names the field at fault in bad input", async () => {
    const results = (await t.anonymous.post("/api/policy/eligibility", batch)).json();
    expect(results).toHaveLength(batch.length);
    expect(
      results.some((r: { findings: Array<{ verdict: string }> }) => r.findings.some((f) => f.verdict === "fail")),
    ).toBe(true);
    const bad = await t.anonymous.post("/api/policy/eligibility", { ...example, referenceDate: "2026-02-30" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("referenceDate");
  });

  it("is rate-limited per IP (limit configurable)", async () => {
    const codes = [];
    for (let i = 0; i < 4; i += 1) codes.push((await t.anonymous.post("/api/policy/eligibility", example)).statusCode);
    expect(codes.at(-1)).toBe(429);
  });
});
