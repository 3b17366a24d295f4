import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const scratch = mkdtempSync(join(tmpdir(), "policy-cli-"));

function cli(...args: string[]) {
  const result = spawnSync(tsx, ["scripts/policy-cli.ts", ...args], { cwd: root, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function caseFile(name: string, value: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

const example = JSON.parse(readFileSync(join(root, "docs/examples/eligibility-case.json"), "utf8"));

describe("policy check", { timeout: 30_000 }, () => {
  it("prints {edition, referenceDate, findings} for the example and exits 0", () => {
    const { code, stdout, stderr } = cli("check", "docs/examples/eligibility-case.json", "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ edition: "2025", referenceDate: "2026-03-31" });
    expect(result.findings.find((f: { ruleId: string }) => f.ruleId === "7.2-partners")).toMatchObject({
      article: "7.2",
      verdict: "pass",
    });
  });

  it("exits 1 when a rule fails, and handles a batch (array in, array out)", () => {
    const failing = { ...example, unit: { ...example.unit, registeredDivision: "110108" } };
    const { code, stdout } = cli("check", caseFile("batch.json", [example, failing]), "--json");
    expect(code).toBe(1);
    const results = JSON.parse(stdout);
    expect(results).toHaveLength(2);
    expect(results[1].findings.find((f: { ruleId: string }) => f.ruleId === "7.1-registered-in-hubei").verdict).toBe(
      "fail",
    );
  });

  it("soft and missing do not change the exit code", () => {
    const minimal = {
      referenceDate: "2026-03-31",
      unit: example.unit,
      application: { type: "characteristic", field: "新材料" },
    };
    expect(cli("check", caseFile("minimal.json", minimal)).code).toBe(0);
  });

  it.each([
    ["a missing field", { ...example, referenceDate: undefined }, "referenceDate"],
    ["a bad enum", { ...example, application: { ...example.application, type: "joint" } }, "application.type"],
    ["invalid JSON", "{ not json", "not valid JSON"],
  ])("exits 2 on %s, naming it on stderr", (_, value, named) => {
    const { code, stdout, stderr } = cli("check", caseFile("bad.json", value), "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(named);
  });

  it("exits 2 for an unreadable file", () => {
    expect(cli("check", join(scratch, "absent.json")).code).toBe(2);
  });
});

describe("policy name", { timeout: 30_000 }, () => {
  it.each([
    [["--type", "joint-research", "--field", "人工智能"], "湖北省人工智能国际科技合作基地（联合研究）"],
    [
      ["--type", "technology-transfer", "--field", "高端装备", "--key"],
      "湖北省高端装备国际科技合作离岸中心（技术转移）",
    ],
    [
      ["--type", "characteristic", "--field", "生物医药", "--region", "HK"],
      "湖北省（香港）生物医药科技合作基地（特色）",
    ],
    [
      ["--type", "joint-research", "--field", "新材料", "--key", "--region", "MO"],
      "湖北省（澳门）新材料科技合作离岸中心（联合研究）",
    ],
  ])("%o → %s", (args, name) => {
    const { code, stdout } = cli("name", ...args);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(name);
  });
  it("exits 2 on a bad type", () => {
    expect(cli("name", "--type", "joint", "--field", "人工智能").code).toBe(2);
  });
});

describe("policy articles and help", { timeout: 30_000 }, () => {
  it("lists every article with its rules and tests", () => {
    const { code, stdout } = cli("articles", "--json");
    expect(code).toBe(0);
    const { articles } = JSON.parse(stdout);
    expect(articles).toHaveLength(31);
    const article7 = articles.find((a: { article: string }) => a.article === "7");
    expect(article7.ruleIds).toContain("7.5-one-base-per-scope");
    expect(article7.tests).toContain("policy/eligibility/rules/uniqueness.test.ts");
    const untested = articles.filter(
      (a: { ruleIds: string[]; functions: string[]; tests: string[] }) =>
        a.ruleIds.length + a.functions.length > 0 && a.tests.length === 0,
    );
    expect(untested.map((a: { article: string }) => a.article)).toEqual([]);
  });
  it("help exits 0, an unknown command 2", () => {
    expect(cli("help").code).toBe(0);
    expect(cli("nonsense").code).toBe(2);
  });
});
