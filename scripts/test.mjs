#!/usr/bin/env node
// `npm test`: unit and API tests (PGlite, plus PostgreSQL when TEST_DATABASE_URL is set), then end-to-end tests in
// Chromium. Prints one closing line "tests: N passed, M failed" over all of them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

mkdirSync("test-results", { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `缺少 Chromium（${chromium}）。请先安装 Debian 软件包：apt-get install -y --no-install-recommends chromium fonts-noto-cjk poppler-utils\n` +
      `Chromium is missing (${chromium}). Install the Debian packages first: apt-get install -y --no-install-recommends chromium fonts-noto-cjk poppler-utils`,
  );
  process.exit(1);
}

const vitest = ["node_modules/vitest/vitest.mjs", "run"];
const runs = [
  {
    name: "unit + api",
    args: [
      ...vitest,
      "--project",
      "unit",
      "--project",
      "api",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-results/unit-api.json",
    ],
    report: "test-results/unit-api.json",
  },
  {
    name: "e2e",
    args: ["scripts/e2e.mjs", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/e2e.json"],
    report: "test-results/e2e.json",
  },
];

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const run of runs) {
  console.log(`\n=== ${run.name} ===`);
  const result = spawnSync(process.execPath, run.args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) exitCode = 1;
  if (existsSync(run.report)) {
    const report = JSON.parse(readFileSync(run.report, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    if ((report.numTotalTests ?? 0) === 0) exitCode = 1;
  } else {
    exitCode = 1;
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
