import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Assistant, type Lang } from "../../assistant/ask";
import { faqSeed } from "../../assistant/faq-seed";
import { isIsoDate } from "../../policy/calendar/dates";
import { edition2025 } from "../../policy/measures/editions";
import type { CommandOutcome } from "./check";
import { repositoryRoot } from "./repository-root";

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Today in China: the command line has no server clock, so it reads the machine's, in Asia/Shanghai. */
function chinaToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/**
 * `ask "问题" [--lang zh|en] [--today YYYY-MM-DD] [--json]`: the policy assistant offline — the measures, the
 * platform's readings and the seed FAQ (the database's FAQ and notices are the server's). Prints the answer and its
 * citations; exit 0 when answered, 1 when refused, 2 on a usage error.
 */
export function runAsk(args: readonly string[]): CommandOutcome {
  const usage = 'usage: policy ask "问题" [--lang zh|en] [--today YYYY-MM-DD] [--json]\n';
  const valued = new Set(["--lang", "--today"]);
  const question = args.filter((arg, index) => !arg.startsWith("--") && !valued.has(args[index - 1] ?? "")).join(" ");
  const lang = option(args, "--lang");
  const today = option(args, "--today") ?? chinaToday();
  if (question.trim() === "") return { stdout: "", stderr: `a question is required\n${usage}`, exitCode: 2 };
  if (lang !== undefined && lang !== "zh" && lang !== "en")
    return { stdout: "", stderr: `--lang must be zh or en\n${usage}`, exitCode: 2 };
  if (!isIsoDate(today)) return { stdout: "", stderr: `--today must be a date YYYY-MM-DD\n${usage}`, exitCode: 2 };
  const interpretations = readFileSync(join(repositoryRoot(), "docs", "interpretations.md"), "utf8");
  const assistant = Assistant.from({ edition: edition2025, interpretations, faq: faqSeed }, today);
  const result = assistant.ask(question, lang as Lang | undefined, { today });
  if (args.includes("--json"))
    return { stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: "", exitCode: result.refused ? 1 : 0 };
  const lines = [result.answer, ""];
  if (result.computed) lines.push(`${result.lang === "zh" ? "计算结果" : "Computed"}: ${result.computed.value}`, "");
  if (result.citations.length > 0) {
    lines.push(result.lang === "zh" ? "引用：" : "Citations:");
    for (const citation of result.citations) lines.push(`  ${citation.label}  ${citation.quote}`);
  }
  return { stdout: `${lines.join("\n").trimEnd()}\n`, stderr: "", exitCode: result.refused ? 1 : 0 };
}
