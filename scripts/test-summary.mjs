// Counting for `npm test`'s closing line "tests: N passed, M failed", from vitest's JSON reports. A run that could not
// run its tests — no report, a global setup that threw (vitest then reports 0 tests and success: false), a test file
// that failed to import, an error outside any test — counts as failed, so the line never reads "0 failed" over a
// suite that did not run.

/**
 * @param {string} name the run's name, for the note ("e2e")
 * @param {any} report the parsed vitest JSON report, or undefined when the run wrote none
 * @param {number | null} [exitStatus] the run's exit status, when known
 * @returns {{passed: number, failed: number, note?: string}} note: one line saying what was counted as failed and why
 */
export function countRun(name, report, exitStatus = 0) {
  if (!report || typeof report !== "object") {
    return {
      passed: 0,
      failed: 1,
      note: `${name}: no test report (the run crashed or failed to start) — counted as 1 failed`,
    };
  }
  const passed = report.numPassedTests ?? 0;
  const failedTests = report.numFailedTests ?? 0;
  const files = Array.isArray(report.testResults) ? report.testResults : [];
  // A failed file none of whose tests failed: it failed before or around its tests (import error, hook error).
  // Without per-file results, fall back on the failed-suite count (which also counts describe blocks).
  const brokenFiles = Array.isArray(report.testResults)
    ? files.filter(
        (file) =>
          file.status === "failed" && !(file.assertionResults ?? []).some((assertion) => assertion.status === "failed"),
      ).length
    : failedTests === 0
      ? (report.numFailedTestSuites ?? 0)
      : 0;
  const total = report.numTotalTests ?? 0;

  if (total === 0 && brokenFiles === 0) {
    const failed = Math.max(1, failedTests);
    const why = report.success === false ? "the suite failed to start (global setup)" : "no tests ran";
    return { passed, failed, note: `${name}: ${why} — counted as ${failed} failed` };
  }
  if (brokenFiles > 0) {
    const failed = failedTests + brokenFiles;
    return {
      passed,
      failed,
      note: `${name}: ${brokenFiles} test file(s) failed outside their tests (import or hook error) — counted as ${brokenFiles} failed`,
    };
  }
  if (failedTests === 0 && (report.success === false || total === 0)) {
    const why = total === 0 ? "no tests ran" : "the run reported failure without a failed test";
    return { passed, failed: 1, note: `${name}: ${why} — counted as 1 failed` };
  }
  if (failedTests === 0 && exitStatus !== 0) {
    return {
      passed,
      failed: 1,
      note: `${name}: exited with ${exitStatus ?? "a signal"} although no test failed (an error outside the tests?) — counted as 1 failed`,
    };
  }
  return { passed, failed: failedTests };
}
