import { describe, expect, it } from "vitest";
import { countRun } from "./test-summary.mjs";

function report(overrides: Record<string, unknown>) {
  return {
    numTotalTestSuites: 0,
    numFailedTestSuites: 0,
    numTotalTests: 0,
    numPassedTests: 0,
    numFailedTests: 0,
    success: true,
    testResults: [],
    ...overrides,
  };
}

const passing = { status: "passed", assertionResults: [{ status: "passed" }, { status: "passed" }] };

describe("countRun", () => {
  it("counts a normal report as it is", () => {
    const normal = report({
      numTotalTestSuites: 2,
      numFailedTestSuites: 2, // the file and its describe block
      numTotalTests: 3,
      numPassedTests: 2,
      numFailedTests: 1,
      success: false,
      testResults: [passing, { status: "failed", assertionResults: [{ status: "failed" }] }],
    });
    expect(countRun("unit + api", normal, 1)).toEqual({ passed: 2, failed: 1 });
    const green = report({ numTotalTestSuites: 1, numTotalTests: 2, numPassedTests: 2, testResults: [passing] });
    expect(countRun("unit + api", green, 0)).toEqual({ passed: 2, failed: 0 });
  });

  it("counts a run whose global setup failed (0 tests, success: false) as 1 failed, and says so", () => {
    // What vitest 4 writes when a globalSetup throws: no files, no tests, success false.
    const counted = countRun("e2e", report({ success: false }), 1);
    expect(counted).toEqual({
      passed: 0,
      failed: 1,
      note: "e2e: the suite failed to start (global setup) — counted as 1 failed",
    });
  });

  it("counts a missing report as 1 failed", () => {
    const counted = countRun("e2e", undefined, 1);
    expect(counted.failed).toBe(1);
    expect(counted.note).toMatch(/^e2e: no test report/);
  });

  it("counts each test file that failed outside its tests (failed suites, 0 failed tests)", () => {
    const broken = report({
      numTotalTestSuites: 3,
      numFailedTestSuites: 2,
      numTotalTests: 2,
      numPassedTests: 2,
      success: false,
      testResults: [
        passing,
        { status: "failed", message: "Cannot find module './nope'", assertionResults: [] },
        { status: "failed", message: "beforeAll failed", assertionResults: [{ status: "skipped" }] },
      ],
    });
    const counted = countRun("unit + api", broken, 1);
    expect(counted).toMatchObject({ passed: 2, failed: 2 });
    expect(counted.note).toContain("2 test file(s) failed outside their tests");
    // Without per-file results the failed-suite count stands in.
    const { testResults: _, ...bare } = broken;
    expect(countRun("unit + api", bare, 1)).toMatchObject({ passed: 2, failed: 2 });
  });

  it("counts a run that failed with no failed test at all as 1 failed", () => {
    const green = report({ numTotalTestSuites: 1, numTotalTests: 2, numPassedTests: 2, testResults: [passing] });
    expect(countRun("e2e", { ...green, success: false }, 1)).toMatchObject({ failed: 1 });
    expect(countRun("e2e", green, 1)).toMatchObject({ failed: 1 });
    expect(countRun("e2e", green, null).note).toContain("exited with a signal");
  });
});
