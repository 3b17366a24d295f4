import { type CommandOutcome, runCheck } from "./policy-cli/check";

const help = `policy — the measures (鄂科技规〔2025〕6号) as code

usage: npm run -s policy -- <command> [options]     (or: node scripts/policy.mjs <command> …)

  check <file.json|directory|-> … [--json]
                               eligibility check of every case in one run: each file holds one case or an
                               array of cases; a directory gives its *.json files in name order; - reads stdin.
                               Text, or --json: the result (one file, one case) or an array of results
  check --ndjson <file|-> …    one case per line in, one result per line out (NDJSON), in order
                               exit 0: no fail; 1: a rule fails; 2: an input that cannot be checked
                               (unreadable, not JSON, an empty batch, or a field error — each named on stderr
                               by file, line or [index], and field; the other cases are still checked)
  name --type <type> --field <领域> [--key] [--region HK|MO|TW]
                               standard name (Art. 29–30); type: joint-research | technology-transfer | characteristic
  draw-verify <record.json> [--json]
                               re-run an expert draw record; exit 0 only if the panel matches
  ask "问题" [--lang zh|en] [--today YYYY-MM-DD] [--json]
                               the policy assistant offline (measures, readings, seed FAQ): the answer
                               and its citations; exit 0 answered, 1 refused, 2 usage error
  articles [--json]            each article with the rules, functions and tests that enforce it
  schema                       the eligibility input's JSON Schema
  rules-md                     the rule-id table (docs/rules.md)
  help                         this text
`;

/**
 * Dispatches a command; stdout carries only the result, errors go to stderr. Only `check`, the one run in loops, is
 * imported up front; every other command is imported when run, so `check` does not pay for their modules at start —
 * above all `ask`'s segmenter (native jieba) and search index.
 */
export async function runPolicyCli(args: readonly string[]): Promise<CommandOutcome> {
  const [command, ...rest] = args;
  switch (command) {
    case "check":
      return runCheck(rest);
    case "name":
      return (await import("./policy-cli/name")).runName(rest);
    case "articles":
      return (await import("./policy-cli/articles")).runArticles(rest);
    case "ask":
      return (await import("./policy-cli/ask")).runAsk(rest);
    case "draw-verify":
      return (await import("./policy-cli/draw-verify")).runDrawVerify(rest);
    case "schema":
      return { stdout: (await import("./policy-cli/docs")).renderSchema(), stderr: "", exitCode: 0 };
    case "rules-md":
      return { stdout: (await import("./policy-cli/docs")).renderRulesMarkdown(), stderr: "", exitCode: 0 };
    case "help":
    case "--help":
    case "-h":
      return { stdout: help, stderr: "", exitCode: 0 };
    default:
      return { stdout: "", stderr: `${command ? `unknown command: ${command}\n` : ""}${help}`, exitCode: 2 };
  }
}

const outcome = await runPolicyCli(process.argv.slice(2));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
