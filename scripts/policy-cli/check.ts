import { readFileSync } from "node:fs";
import { type EligibilityResult, runEligibilityCheck } from "../../policy/eligibility/engine";
import { parseJsonText } from "../../policy/eligibility/json-text";

export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The file's JSON (`-` reads standard input); a BOM is skipped, a syntax error named by line and column. */
function readJson(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const name = file === "-" ? "standard input" : file;
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    return { ok: false, message: `无法读取 cannot read ${name}: ${(error as Error).message}` };
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed;
  return { ok: false, message: `${name} ${parsed.messageZh}\n${name} ${parsed.messageEn}` };
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

/**
 * `check <file.json|-> [--json]`: exit 0 no fail, 1 a fail, 2 input that cannot be checked — unreadable, not JSON,
 * an empty batch, or a field error (each named, in Chinese and English, on stderr; stdout stays empty).
 */
export function runCheck(args: readonly string[]): CommandOutcome {
  const json = args.includes("--json");
  const files = args.filter((arg) => !arg.startsWith("--"));
  if (files.length !== 1) return { stdout: "", stderr: "usage: policy check <file.json|-> [--json]\n", exitCode: 2 };
  const read = readJson(files[0]!);
  if (!read.ok) return { stdout: "", stderr: `${read.message}\n`, exitCode: 2 };
  const batch = Array.isArray(read.value);
  const cases: unknown[] = batch ? (read.value as unknown[]) : [read.value];
  // As the API's 400: a batch with no case is refused, never an empty result with exit 0.
  if (cases.length === 0)
    return {
      stdout: "",
      stderr: "空的案例数组：请至少提交 1 个案例。\nempty batch: the array holds no case; send at least one.\n",
      exitCode: 2,
    };
  const results: EligibilityResult[] = [];
  const errors: string[] = [];
  cases.forEach((raw, index) => {
    const outcome = runEligibilityCheck(raw);
    if (outcome.ok) results.push(outcome.result);
    else {
      const prefix = batch ? `[${index}].` : "";
      for (const error of outcome.errors) errors.push(`${prefix}${error.messageZh}`, `${prefix}${error.messageEn}`);
    }
  });
  if (errors.length > 0)
    return {
      stdout: "",
      stderr: `输入有误 invalid input:\n${errors.map((line) => `  ${line}`).join("\n")}\n`,
      exitCode: 2,
    };
  const stdout = json
    ? `${JSON.stringify(batch ? results : results[0], null, 2)}\n`
    : `${results.map(renderText).join("\n\n")}\n`;
  return { stdout, stderr: "", exitCode: results.some((result) => result.summary.blocking) ? 1 : 0 };
}
