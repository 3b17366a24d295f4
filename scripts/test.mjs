#!/usr/bin/env node
// `npm test`: unit and API tests (PGlite, plus PostgreSQL when TEST_DATABASE_URL is set), then end-to-end tests in
// Chromium. Installs the system packages those need first (scripts/system-deps.mjs). Prints one closing line
// "tests: N passed, M failed" over all of them; a run that failed to start counts as failed (scripts/test-summary.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { requireNodeVersion } from "./node-version.mjs";
import { ensureSystemDeps } from "./system-deps.mjs";
import { countRun } from "./test-summary.mjs";

requireNodeVersion();
// Chromium, CJK fonts, pdftotext: installed here when this is a Debian/Ubuntu machine and we are root.
if (!ensureSystemDeps()) process.exit(1);
mkdirSync("test-results", { recursive: true });

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
const notes = [];
for (const run of runs) {
  console.log(`\n=== ${run.name} ===`);
  // A report left over from an earlier run must not stand in for this one.
  rmSync(run.report, { force: true });
  const result = spawnSync(process.execPath, run.args, { stdio: "inherit", env: process.env });
  let report;
  try {
    report = existsSync(run.report) ? JSON.parse(readFileSync(run.report, "utf8")) : undefined;
  } catch {
    report = undefined;
  }
  const counted = countRun(run.name, report, result.status);
  passed += counted.passed;
  failed += counted.failed;
  if (counted.note) notes.push(counted.note);
  if (result.status !== 0 || counted.failed > 0) exitCode = 1;
}
console.log("");
for (const note of notes) console.log(note);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
