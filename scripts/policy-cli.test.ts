import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const scratch = mkdtempSync(join(tmpdir(), "policy-cli-"));

/** `npm run policy`: the launcher, which runs the bundle (built first when stale). */
function cliWithInput(input: string | undefined, ...args: string[]) {
  const result = spawnSync(process.execPath, ["scripts/policy.mjs", ...args], {
    cwd: root,
    encoding: "utf8",
    ...(input === undefined ? {} : { input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cli = (...args: string[]) => cliWithInput(undefined, ...args);

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

/** The probe of issue 10, item 9: each attack through the command line. */
describe("policy check on bad input (issue 10)", { timeout: 30_000 }, () => {
  const exampleText = readFileSync(join(root, "docs/examples/eligibility-case.json"), "utf8");
  const changed = (change: (value: typeof example) => void) => {
    const value = structuredClone(example);
    change(value);
    return value;
  };

  it("reads a file that starts with a UTF-8 byte-order mark", () => {
    const plain = cli("check", "docs/examples/eligibility-case.json", "--json");
    const withBom = cli("check", caseFile("bom.json", `\ufeff${exampleText}`), "--json");
    expect(withBom.stderr).toBe("");
    expect(withBom.code).toBe(0);
    expect(withBom.stdout).toBe(plain.stdout);
  });

  it("refuses an empty batch with exit 2 and a message, as the API's 400", () => {
    const { code, stdout, stderr } = cli("check", caseFile("empty.json", "[]"), "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("empty batch");
    expect(stderr).toContain("空的案例数组");
  });

  it("names the line and column of a JSON syntax error, in both languages", () => {
    const { code, stderr } = cli("check", caseFile("syntax.json", '{\n  "referenceDate": "2026-03-31",\n  "unit": }'));
    expect(code).toBe(2);
    expect(stderr).toContain("line 3, column 11: expected a value");
    expect(stderr).toContain("第 3 行第 11 列");
  });

  it("refuses a misspelt key, suggesting the right one (the offshore rules must not silently skip)", () => {
    const typo = changed((value) => Object.assign(value.application, { isOfshore: true }));
    const { code, stdout, stderr } = cli("check", caseFile("typo.json", typo));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain('application.isOfshore: unknown field "isOfshore" — did you mean "isOffshore"?');
    expect(stderr).toContain('application.isOfshore：未知字段 "isOfshore"，是否应为 "isOffshore"？');
  });

  it("says what was expected and what came, not “missing”", () => {
    const wrong = changed((value) => {
      value.application.evidence.finance.years[0].revenue = "abc";
      value.application.evidence.finance.years[1].rdExpense = -5;
    });
    const text = JSON.stringify(wrong).replace('"radiating":["IT","MY"]', '"radiating":1e400');
    const { code, stderr } = cli("check", caseFile("types.json", text));
    expect(code).toBe(2);
    expect(stderr).toContain('application.evidence.finance.years.0.revenue: expected a number, got the string "abc"');
    expect(stderr).toContain('应为数字，实际为文本 "abc"');
    expect(stderr).toContain("application.evidence.finance.years.1.rdExpense: must not be negative, got -5");
    expect(stderr).toContain("application.countries.radiating: expected an array (list), got a number out of range");
    expect(stderr).not.toContain("missing");
  });

  it("docs/examples/eligibility-invalid-batch.json: every case is refused, each error named", () => {
    const { code, stdout, stderr } = cli("check", "docs/examples/eligibility-invalid-batch.json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    for (const line of [
      '[0].application.isOfshore: unknown field "isOfshore" — did you mean "isOffshore"?',
      '[1].application.evidence.finance.years.0.revenue: expected a number, got the string "abc"',
      "[1].application.evidence.finance.years.0.rdExpense: is not a finite number",
      "[2].application.evidence.finance.years.0.rdExpense: must not be negative, got -500",
      "[3].application.field: contains the control character U+0007",
      '[4].application.partners.0.agreement.end: the agreement with the partner "Partner DE" ends (2025-01-01) before it starts (2026-01-01)',
    ])
      expect(stderr).toContain(line);
  });

  it("zero revenue and zero R&D do not pass Art. 8.3", () => {
    const zero = changed((value) => {
      value.application.evidence.finance.years = value.application.evidence.finance.years.map(
        (year: { year: number }) => ({ year: year.year, revenue: 0, rdExpense: 0 }),
      );
    });
    const { stdout } = cli("check", caseFile("zero.json", zero), "--json");
    const finding = JSON.parse(stdout).findings.find((f: { ruleId: string }) => f.ruleId === "8.3-rd-intensity");
    expect(finding.verdict).toBe("missing");
    expect(finding.messageEn).toContain("totals 0");
  });
});

/** Issue 16 item 8: many cases in one run — several files, a directory, NDJSON — each still checked alone. */
describe("policy check over many inputs", { timeout: 30_000 }, () => {
  const named = (caseId: string, change: Record<string, unknown> = {}) => ({ ...example, caseId, ...change });
  const failing = (caseId: string) => named(caseId, { unit: { ...example.unit, registeredDivision: "110108" } });
  const caseIds = (results: { caseId: string }[]) => results.map((result) => result.caseId);

  it("checks several files in argument order, naming each file in the text output", () => {
    const first = caseFile("many-first.json", named("first"));
    const second = caseFile("many-second.json", [named("second-a"), failing("second-b")]);
    const json = cli("check", second, first, "--json");
    expect(json.stderr).toBe("");
    expect(json.code).toBe(1);
    expect(caseIds(JSON.parse(json.stdout))).toEqual(["second-a", "second-b", "first"]);
    const text = cli("check", first, second);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${first} · first · `);
    expect(text.stdout).toContain(`${second} [1] · second-b · `);
  });

  it("checks every *.json of a directory in name order, and only those", () => {
    const directory = join(scratch, "cases");
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, "b.json"), JSON.stringify(named("b")));
    writeFileSync(join(directory, "a.json"), JSON.stringify(named("a")));
    writeFileSync(join(directory, "c.json"), JSON.stringify([named("c1"), named("c2")]));
    writeFileSync(join(directory, "notes.txt"), "not a case");
    const { code, stdout, stderr } = cli("check", directory, "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(caseIds(JSON.parse(stdout))).toEqual(["a", "b", "c1", "c2"]);
  });

  it("reads NDJSON on stdin: a bad line in the middle exits 2, named by line and field, the others still reported", () => {
    const typo = named("typo");
    Object.assign(typo, { application: { ...example.application, isOfshore: true } });
    const lines = [named("one"), failing("two"), typo, "{ not json", "", named("six")].map((line) =>
      typeof line === "string" ? line : JSON.stringify(line),
    );
    const { code, stdout, stderr } = cliWithInput(`${lines.join("\n")}\n`, "check", "--ndjson", "-");
    expect(code).toBe(2);
    const results = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(caseIds(results)).toEqual(["one", "two", "six"]);
    expect(results[1].summary.blocking).toBe(true);
    expect(stderr).toContain('standard input line 3: application.isOfshore: unknown field "isOfshore"');
    expect(stderr).toContain("standard input line 4: is not valid JSON: column 3: expected");
    expect(stderr).not.toMatch(/line [1256]:/);
  });

  it("exits 1 for NDJSON whose cases are all valid and one fails, 0 when none fails", () => {
    const ndjson = (...cases: unknown[]) => cases.map((value) => JSON.stringify(value)).join("\n");
    expect(cliWithInput(ndjson(named("x"), failing("y")), "check", "--ndjson", "-").code).toBe(1);
    const passing = cliWithInput(ndjson(named("x"), named("z")), "check", "--ndjson", "-");
    expect(passing.code).toBe(0);
    expect(passing.stdout.trimEnd().split("\n")).toHaveLength(2);
    expect(cliWithInput("\n\n", "check", "--ndjson", "-").stderr).toContain("empty batch");
  });

  it("an unreadable file or an invalid case among others exits 2, and the others are still printed", () => {
    const good = caseFile("many-good.json", named("good"));
    const bad = caseFile("many-bad.json", [named("fine"), { ...named("bad"), referenceDate: undefined }]);
    const absent = join(scratch, "many-absent.json");
    const { code, stdout, stderr } = cli("check", good, absent, bad, "--json");
    expect(code).toBe(2);
    expect(caseIds(JSON.parse(stdout))).toEqual(["good", "fine"]);
    expect(stderr).toContain(`${absent}: cannot read`);
    expect(stderr).toContain(`${bad}: [1].referenceDate`);
    expect(stderr).not.toContain(good);
  });
});

describe("policy CLI start-up", { timeout: 60_000 }, () => {
  const bundle = join(root, ".build", "policy-cli.mjs");

  it("rebuilds a bundle older than its sources before running it", () => {
    cli("help");
    const longAgo = new Date("2000-01-01T00:00:00Z");
    utimesSync(bundle, longAgo, longAgo);
    expect(cli("check", "docs/examples/eligibility-case.json").code).toBe(0);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(longAgo.getTime());
  });

  it("check loads none of ask's packages (jieba, pinyin, the search index)", () => {
    const probe = caseFile(
      "probe.cjs",
      `process.on("exit", () => process.stderr.write(Object.keys(require("node:module")._cache).filter((path) => /jieba|pinyin-pro|minisearch/.test(path)).join("\\n")));`,
    );
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--require", probe, "scripts/policy.mjs", ...args], { cwd: root, encoding: "utf8" });
    expect(run("check", "docs/examples/eligibility-case.json").stderr).toBe("");
    expect(run("ask", "负责人变更多久内要报备？").stderr).toContain("jieba");
  });

  it("runs from source with tsx too", () => {
    const result = spawnSync(tsx, ["scripts/policy-cli.ts", "check", "docs/examples/eligibility-case.json", "--json"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).caseId).toBe(example.caseId);
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

describe("policy ask", { timeout: 30_000 }, () => {
  it("prints the answer and its citations, best first", () => {
    const { code, stdout } = cli("ask", "负责人变更多久内要报备？", "--today", "2026-03-10");
    expect(code).toBe(0);
    expect(stdout).toContain("引用：");
    expect(stdout).toMatch(/引用：\n {2}第十八条第5项 /);
  });
  it("computes with the day it is given, as JSON", () => {
    const { code, stdout } = cli("ask", "负责人3月15日变更，最晚什么时候报备？", "--today", "2027-01-05", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).computed).toMatchObject({ type: "deadline", value: "2027-06-15" });
  });
  it("exits 1 on a refusal, 2 without a question", () => {
    const refused = cli("ask", "今天武汉天气怎么样");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^无法回答/);
    expect(cli("ask").code).toBe(2);
    expect(cli("ask", "问题", "--lang", "fr").code).toBe(2);
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
