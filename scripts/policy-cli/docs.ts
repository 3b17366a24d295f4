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
    "| rule id | article | applies to | what it checks | possible verdicts |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
