import { type EligibilityResult, runEligibilityCheck } from "../../policy/eligibility/engine";
import { type CaseOrigin, readCheckInputs } from "./check-inputs";

export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const usage = "usage: policy check <file.json|directory|-> … [--json | --ndjson]\n";

/** `a.json`, `a.json [2]`, `standard input line 5`. */
function originLabel(origin: CaseOrigin): string {
  if (origin.line !== undefined) return `${origin.source} line ${origin.line}`;
  return origin.index === undefined ? origin.source : `${origin.source} [${origin.index}]`;
}

/** stderr's name for a problem: the source and line, then the array index glued to the field path (`[0].unit`). */
function problemPrefix(origin: CaseOrigin): string {
  const where = origin.line === undefined ? origin.source : `${origin.source} line ${origin.line}`;
  return `${where}: ${origin.index === undefined ? "" : `[${origin.index}].`}`;
}

function renderText(result: EligibilityResult, label: string | null): string {
  const lines = [
    `${label ? `${label} · ` : ""}${result.caseId ? `${result.caseId} · ` : ""}办法版本 edition ${result.edition} · 基准日 reference date ${result.referenceDate}`,
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

/**
 * `check <file.json|directory|-> … [--json | --ndjson]`: every case of every input, checked in one run. Exit 2 if
 * any input cannot be checked — unreadable, not JSON, an empty batch, or a field error, each named on stderr by file
 * (and line or array index) and field, in Chinese and English, while the other cases are still checked and printed;
 * else 1 if a rule fails; else 0. stdout carries only results, in input order.
 */
export function runCheck(args: readonly string[]): CommandOutcome {
  const ndjson = args.includes("--ndjson");
  const json = args.includes("--json");
  const paths = args.filter((arg) => !arg.startsWith("--"));
  if (paths.length === 0) return { stdout: "", stderr: usage, exitCode: 2 };
  const { items, single, severalFiles } = readCheckInputs(paths, { ndjson });
  const results: { origin: CaseOrigin; result: EligibilityResult }[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const prefix = problemPrefix(item.origin);
    if (item.kind === "problem") {
      problems.push(`${prefix}${item.messageZh}`, `${prefix}${item.messageEn}`);
      continue;
    }
    const outcome = runEligibilityCheck(item.raw);
    if (outcome.ok) results.push({ origin: item.origin, result: outcome.result });
    else
      for (const error of outcome.errors) problems.push(`${prefix}${error.messageZh}`, `${prefix}${error.messageEn}`);
  }
  const stderr =
    problems.length > 0 ? `输入有误 invalid input:\n${problems.map((line) => `  ${line}`).join("\n")}\n` : "";
  const exitCode = problems.length > 0 ? 2 : results.some(({ result }) => result.summary.blocking) ? 1 : 0;
  if (results.length === 0) return { stdout: "", stderr, exitCode };
  let stdout: string;
  if (ndjson) stdout = `${results.map(({ result }) => JSON.stringify(result)).join("\n")}\n`;
  else if (json)
    stdout = `${JSON.stringify(single ? results[0]!.result : results.map(({ result }) => result), null, 2)}\n`;
  else
    stdout = `${results.map(({ origin, result }) => renderText(result, severalFiles ? originLabel(origin) : null)).join("\n\n")}\n`;
  return { stdout, stderr, exitCode };
}
