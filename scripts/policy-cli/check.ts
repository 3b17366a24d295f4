import { readFileSync } from "node:fs";
import { type EligibilityResult, runEligibilityCheck } from "../../policy/eligibility/engine";

export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function readJson(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return { ok: false, message: `cannot read ${file}: ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `${file} is not valid JSON: ${(error as Error).message}` };
  }
}

function renderText(result: EligibilityResult): string {
  const lines = [
    `${result.caseId ? `${result.caseId} · ` : ""}办法版本 edition ${result.edition} · 基准日 reference date ${result.referenceDate}`,
  ];
  for (const finding of result.findings) {
    lines.push(
      `  ${finding.verdict.padEnd(9)} Art. ${finding.article.padEnd(5)} ${finding.ruleId.padEnd(30)} ${finding.messageZh}`,
    );
  }
  const { counts } = result.summary;
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([verdict, count]) => `${verdict} ${count}`);
  lines.push(`  ${result.summary.blocking ? "不符合 FAIL" : "未发现不符合项 no failing rule"} · ${parts.join(", ")}`);
  return lines.join("\n");
}

/** `check <file.json> [--json]`: exit 0 no fail, 1 a fail, 2 unreadable input (message names the field). */
export function runCheck(args: readonly string[]): CommandOutcome {
  const json = args.includes("--json");
  const files = args.filter((arg) => !arg.startsWith("--"));
  if (files.length !== 1) return { stdout: "", stderr: "usage: policy check <file.json> [--json]\n", exitCode: 2 };
  const read = readJson(files[0]!);
  if (!read.ok) return { stdout: "", stderr: `${read.message}\n`, exitCode: 2 };
  const batch = Array.isArray(read.value);
  const cases: unknown[] = batch ? (read.value as unknown[]) : [read.value];
  const results: EligibilityResult[] = [];
  const errors: string[] = [];
  cases.forEach((raw, index) => {
    const outcome = runEligibilityCheck(raw);
    if (outcome.ok) results.push(outcome.result);
    else for (const error of outcome.errors) errors.push(`${batch ? `[${index}].` : ""}${error.messageEn}`);
  });
  if (errors.length > 0)
    return { stdout: "", stderr: `invalid input:\n${errors.map((line) => `  ${line}`).join("\n")}\n`, exitCode: 2 };
  const stdout = json
    ? `${JSON.stringify(batch ? results : results[0], null, 2)}\n`
    : `${results.map(renderText).join("\n\n")}\n`;
  return { stdout, stderr: "", exitCode: results.some((result) => result.summary.blocking) ? 1 : 0 };
}
