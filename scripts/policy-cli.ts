import { runArticles } from "./policy-cli/articles";
import { runAsk } from "./policy-cli/ask";
import { type CommandOutcome, runCheck } from "./policy-cli/check";
import { renderRulesMarkdown, renderSchema } from "./policy-cli/docs";
import { runDrawVerify } from "./policy-cli/draw-verify";
import { runName } from "./policy-cli/name";

const help = `policy — the measures (鄂科技规〔2025〕6号) as code

usage: npm run -s policy -- <command> [options]

  check <file.json|-> [--json] eligibility check of one case or an array of cases (- reads stdin)
                               exit 0: no fail; 1: a rule fails; 2: input that cannot be checked
                               (unreadable, not JSON, an empty batch, or a field error — named on stderr)
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

/** Dispatches a command; stdout carries only the result, errors go to stderr. */
export function runPolicyCli(args: readonly string[]): CommandOutcome {
  const [command, ...rest] = args;
  switch (command) {
    case "check":
      return runCheck(rest);
    case "name":
      return runName(rest);
    case "articles":
      return runArticles(rest);
    case "ask":
      return runAsk(rest);
    case "draw-verify":
      return runDrawVerify(rest);
    case "schema":
      return { stdout: renderSchema(), stderr: "", exitCode: 0 };
    case "rules-md":
      return { stdout: renderRulesMarkdown(), stderr: "", exitCode: 0 };
    case "help":
    case "--help":
    case "-h":
      return { stdout: help, stderr: "", exitCode: 0 };
    default:
      return { stdout: "", stderr: `${command ? `unknown command: ${command}\n` : ""}${help}`, exitCode: 2 };
  }
}

const outcome = runPolicyCli(process.argv.slice(2));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
