import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { edition2025 } from "../../policy/measures/editions";
import { enforcementByArticle } from "../../policy/measures/enforcement";
import type { CommandOutcome } from "./check";
import { repositoryRoot } from "./repository-root";

function testFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return testFiles(path);
    return entry.endsWith(".test.ts") ? [path] : [];
  });
}

/** `articles [--json]`: each article with the rule ids, functions and tests that enforce it. */
export function runArticles(args: readonly string[]): CommandOutcome {
  const root = repositoryRoot();
  const files = [...testFiles(join(root, "policy")), ...testFiles(join(root, "scripts"))].map((path) => ({
    path: relative(root, path),
    text: readFileSync(path, "utf8"),
  }));
  const testsMentioning = (needle: string) =>
    files.filter((file) => file.text.includes(needle)).map((file) => file.path);
  const rows = enforcementByArticle(edition2025.articles.map((article) => article.id)).map((row) => {
    const article = edition2025.articles.find((candidate) => candidate.id === row.articleId)!;
    const tests = [...new Set([...row.ruleIds, ...row.symbols].flatMap((needle) => testsMentioning(needle)))].sort();
    return {
      article: row.articleId,
      chapter: article.chapter,
      summaryEn: article.summaryEn,
      ruleIds: row.ruleIds,
      functions: row.symbols,
      tests,
    };
  });
  if (args.includes("--json"))
    return {
      stdout: `${JSON.stringify({ edition: edition2025.id, articles: rows }, null, 2)}\n`,
      stderr: "",
      exitCode: 0,
    };
  const lines = rows.map((row) => {
    const enforced = row.ruleIds.length + row.functions.length > 0;
    return [
      `第${row.article}条 Art. ${row.article}${enforced ? "" : "  (no rule: principle, duty or support)"} — ${row.summaryEn}`,
      ...(row.ruleIds.length ? [`  rules: ${row.ruleIds.join(", ")}`] : []),
      ...(row.functions.length ? [`  functions: ${row.functions.join(", ")}`] : []),
      ...(enforced ? [`  tests: ${row.tests.length ? row.tests.join(", ") : "NONE"}`] : []),
    ].join("\n");
  });
  return { stdout: `${lines.join("\n")}\n`, stderr: "", exitCode: 0 };
}
