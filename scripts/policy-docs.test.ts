import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEligibilityCheck } from "../policy/eligibility/engine";
import { ruleIds } from "../policy/eligibility/rule-table";
import { defaultSettings } from "../policy/settings";
import { renderRulesMarkdown, renderSchema } from "./policy-cli/docs";

const root = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
/** Markdown is committed as Biome formats it (aligned tables). */
const formatMarkdown = (text: string, path: string) =>
  spawnSync(join(root, "node_modules", ".bin", "biome"), ["format", `--stdin-file-path=${path}`], {
    cwd: root,
    input: text,
    encoding: "utf8",
  }).stdout;

describe("policy docs stay in sync with the code", () => {
  it("docs/eligibility-input.schema.json is the generated schema", () => {
    expect(read("docs/eligibility-input.schema.json")).toBe(renderSchema());
  });
  it("docs/rules.md is the generated rule table", () => {
    expect(read("docs/rules.md")).toBe(formatMarkdown(renderRulesMarkdown(), "docs/rules.md"));
  });
  it("docs/interpretations.md lists every setting", () => {
    const text = read("docs/interpretations.md");
    for (const key of Object.keys(defaultSettings)) expect(text, key).toContain(`\`${key}\``);
  });
  it.each(["docs/examples/eligibility-case.json", "docs/examples/eligibility-batch.json"])("%s parses", (path) => {
    const value = JSON.parse(read(path));
    for (const raw of Array.isArray(value) ? value : [value]) expect(runEligibilityCheck(raw).ok).toBe(true);
  });
  it("every rule id is documented", () => {
    const text = read("docs/rules.md");
    for (const id of ruleIds) expect(text).toContain(`\`${id}\``);
  });
});
