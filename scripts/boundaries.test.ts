import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The layer boundaries of biome.json, proven to bite: each case writes a file that crosses one boundary where the
 * rule applies, lints it with the repository's own configuration, and expects `noRestrictedImports` to refuse it.
 * The controls import what is allowed and must pass, so a rule that refuses everything fails too.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const biome = join(root, "node_modules", ".bin", "biome");

/** Every file and directory a probe created, removed after each test even when an assertion failed. */
const created: string[] = [];

afterEach(() => {
  for (const path of created.splice(0).reverse()) rmSync(path, { recursive: true, force: true });
});

/** Writes `source` at `path` (relative to the repository; `{id}` becomes a unique token) and lints that one file. */
function lintProbe(path: string, source: string) {
  const relative = path.replace("{id}", `${process.pid}_${randomBytes(4).toString("hex")}`);
  const absolute = join(root, relative);
  const probeDirectory = dirname(absolute);
  if (/__boundary_probe_/.test(relative.slice(0, relative.lastIndexOf("/")))) {
    mkdirSync(probeDirectory, { recursive: true });
    created.push(probeDirectory);
  }
  writeFileSync(absolute, source);
  created.push(absolute);
  try {
    const run = spawnSync(biome, ["lint", "--colors=off", relative], { cwd: root, encoding: "utf8" });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    rmSync(absolute, { force: true });
  }
}

const violations = [
  {
    rule: "web/ may not import server/",
    path: "web/src/__boundary_probe_{id}__.ts",
    source: 'import { systemClock } from "../../server/clock";\nexport const probe = systemClock;\n',
    message: "never import server/",
  },
  {
    rule: "server/ may not import web/",
    path: "server/__boundary_probe_{id}__.ts",
    source: 'import { App } from "../web/src/main";\nexport const probe = App;\n',
    message: "server/ never imports UI code",
  },
  {
    // Overrides replace each other's options, so the routes rule must repeat the web/ pattern; this keeps it.
    rule: "server/routes/ may not import web/ either",
    path: "server/routes/__boundary_probe_{id}__/probe.routes.ts",
    source: 'import { App } from "../../../web/src/main";\nexport const probe = App;\n',
    message: "server/ never imports UI code",
  },
  {
    rule: "routes may not import drizzle-orm",
    path: "server/routes/__boundary_probe_{id}__/probe.routes.ts",
    source: 'import { eq } from "drizzle-orm";\nexport const probe = eq;\n',
    message: "Routes do not query",
  },
  {
    rule: "routes may not import drizzle-orm/*",
    path: "server/routes/__boundary_probe_{id}__/probe.routes.ts",
    source: 'import { pgTable } from "drizzle-orm/pg-core";\nexport const probe = pgTable;\n',
    message: "Routes do not query",
  },
  {
    rule: "domain folders may not import http/errors",
    path: "server/review/__boundary_probe_{id}__.ts",
    source: 'import { apiError } from "../http/errors";\nexport const probe = apiError;\n',
    message: "Domain code throws Refused",
  },
  {
    rule: "web/ types API calls by the generated client, not by contracts/ (issue 18)",
    path: "web/src/__boundary_probe_{id}__.ts",
    source: 'import type { ApiErrorBody } from "../../contracts/errors";\nexport type Probe = ApiErrorBody;\n',
    message: "generated API types",
  },
  {
    rule: "web/ may not infer API shapes from a contract module's schemas",
    path: "web/src/scenes/__boundary_probe_{id}__.ts",
    source:
      'import type * as contract from "../../../contracts/audit";\nexport type Probe = typeof contract.auditQuery;\n',
    message: "generated API types",
  },
  {
    rule: "web/ has no zod",
    path: "web/src/__boundary_probe_{id}__.ts",
    source: 'import type { z } from "zod";\nexport type Probe = z.ZodType;\n',
    message: "No zod in the web",
  },
  {
    rule: "assistant/ may not import server/",
    path: "assistant/__boundary_probe_{id}__.ts",
    source: 'import { systemClock } from "../server/clock";\nexport const probe = systemClock;\n',
    message: "assistant/ answers from what it is given",
  },
  {
    rule: "assistant/ does no IO of its own",
    path: "assistant/__boundary_probe_{id}__.ts",
    source: 'import { readFileSync } from "node:fs";\nexport const probe = readFileSync;\n',
    message: "assistant/ answers from what it is given",
  },
];

const allowed = [
  {
    rule: "assistant/ reads the measures from policy/ and segments with jieba",
    path: "assistant/__boundary_probe_{id}__.ts",
    source:
      'import { Jieba } from "@node-rs/jieba";\nimport { edition2025 } from "../policy/measures/editions";\nexport const probe = [Jieba, edition2025];\n',
  },
  {
    rule: "a domain module queries and throws Refused",
    path: "server/review/__boundary_probe_{id}__.ts",
    source:
      'import { eq } from "drizzle-orm";\nimport { refused } from "../domain/refused";\nexport const probe = [eq, refused];\n',
  },
  {
    rule: "a route test seeds the database and a route builds HTTP errors",
    path: "server/routes/__boundary_probe_{id}__/probe.test.ts",
    source:
      'import { eq } from "drizzle-orm";\nimport { apiError } from "../../http/errors";\nexport const probe = [eq, apiError];\n',
  },
  {
    rule: "web reads a label list from contracts/ (one list in one place)",
    path: "web/src/scenes/__boundary_probe_{id}__.ts",
    source:
      'import { securityPolicyLabels } from "../../../contracts/security-policy";\nexport const probe = securityPolicyLabels;\n',
  },
  {
    rule: "web types an API shape by the generated client",
    path: "web/src/scenes/__boundary_probe_{id}__.ts",
    source: 'import type { Schema } from "../api/client";\nexport type Probe = Schema<"Unit">;\n',
  },
];

describe("layer boundaries (biome.json noRestrictedImports)", () => {
  it.each(violations)("refuses: $rule", ({ path, source, message }) => {
    const { status, output } = lintProbe(path, source);
    expect(status).not.toBe(0);
    expect(output).toContain("noRestrictedImports");
    expect(output).toContain(message);
  });

  it.each(allowed)("allows: $rule", ({ path, source }) => {
    const { status, output } = lintProbe(path, source);
    expect(output).not.toContain("noRestrictedImports");
    expect(status).toBe(0);
  });
});

describe("the web calls the API only through web/src/api/client.ts (biome.json noRestrictedGlobals)", () => {
  it("refuses fetch( anywhere else in web/", () => {
    const { status, output } = lintProbe(
      "web/src/scenes/__boundary_probe_{id}__.ts",
      'export const probe = () => fetch("/api/units", { credentials: "same-origin" });\n',
    );
    expect(status).not.toBe(0);
    expect(output).toContain("noRestrictedGlobals");
    expect(output).toContain("web/src/api/client.ts");
  });

  it("lets the client itself fetch", () => {
    // The real file, linted where it is (a probe there would replace it).
    const run = spawnSync(biome, ["lint", "--colors=off", "web/src/api/client.ts"], { cwd: root, encoding: "utf8" });
    expect(readFileSync(join(root, "web/src/api/client.ts"), "utf8")).toContain("fetch(");
    expect(`${run.stdout}\n${run.stderr}`).not.toContain("noRestrictedGlobals");
    expect(run.status).toBe(0);
  });
});
