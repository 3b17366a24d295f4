import { z } from "zod";
import { eligibilityInputSchema } from "../../policy/eligibility/input";
import { ruleTable } from "../../policy/eligibility/rule-table";

/** The input's JSON Schema (committed as docs/eligibility-input.schema.json). */
export function renderSchema(): string {
  const schema = z.toJSONSchema(eligibilityInputSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, $id: "https://guohe.example/docs/eligibility-input.schema.json" }, null, 2)}\n`;
}

/** docs/rules.md: the rule-id table. */
export function renderRulesMarkdown(): string {
  const escapePipes = (text: string) => text.replaceAll("|", "\\|");
  const rows = ruleTable.map(
    (rule) =>
      `| \`${rule.id}\` | ${rule.article} | ${escapePipes(rule.appliesTo)} | ${escapePipes(rule.checksEn)}<br>${escapePipes(rule.checksZh)} | ${rule.verdicts.map((verdict) => `\`${verdict}\``).join(" ")} |`,
  );
  return [
    "# Eligibility rules",
    "",
    "Generated from `policy/eligibility/rule-table.ts` (`npm run -s policy -- rules-md > docs/rules.md && npx biome format --write docs/rules.md`);",
    "a test keeps it in sync.",
    "Rule ids are stable: rules are added, never renamed. A rule emits no finding when it does not apply (another base",
    "type, not an offshore platform). Verdicts: `pass`; `fail` (absolute requirement not met: CLI exit 1); `soft`",
    '(an "in principle" requirement not met — a written justification the officer may accept); `judgement` (experts',
    "decide); `attested` (the applicant vouches for it); `missing` (evidence absent — the UI refuses submission).",
    'Look-back windows ("近3年") count back from `referenceDate`, the call\'s deadline; see docs/interpretations.md.',
    "",
    "Input (`docs/eligibility-input.schema.json`) is checked before any rule runs, and its errors are not findings:",
    "an unknown key (named with the closest known key: `isOfshore` → `isOffshore`), a wrong type (what was expected",
    "and what came), a number that is not finite, a negative amount, a control character, a period that ends before",
    "it starts — each with its path, in Chinese and English. Text is trimmed of white space and invisible characters",
    "(zero-width spaces and joiners, BOM, soft hyphens, bidi controls); codes are NFKC-normalised and upper-cased",
    "(`ＡＴ` → `AT`). `policy check` (one file, several, a directory or NDJSON) exits 0 when no rule fails, 1 when one",
    "fails, 2 when an input cannot be checked (unreadable file, invalid JSON — line and column named —, an empty batch,",
    "or an input error; stderr names the file, line or index and field, and the other cases are still checked);",
    "`POST /api/policy/eligibility` answers 400 for the same. A UTF-8 byte-order mark before the JSON is skipped.",
    "",
    "| rule id | article | applies to | what it checks | possible verdicts |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
