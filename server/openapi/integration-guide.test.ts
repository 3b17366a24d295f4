import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { serviceAccountToken } from "../test/service-accounts";

/**
 * docs/integration.md's curl walkthrough, run as written: every ```sh block of its last section, with the real curl
 * binary, against a server listening on a free port, each checked against the ```text block after it (each line of
 * it found in the output, in order, `…` standing for anything). The first block sets BASE and TOKEN: their values are
 * replaced by the server's address and a token issued to `hubei.portal` as the system administrator would. A guide
 * whose commands or answers the platform no longer gives fails here.
 */

const guidePath = "docs/integration.md";

interface Step {
  script: string;
  expected: string[];
}

/** The walkthrough's blocks: ```sh, each with the ```text block right after it (if any). */
function walkthroughOf(markdown: string): { setup: string; steps: Step[] } {
  const section = markdown.slice(markdown.indexOf("## 八、curl 演练"));
  const blocks = [...section.matchAll(/```(sh|text)\n([\s\S]*?)```/g)].map((match) => ({
    kind: match[1] as "sh" | "text",
    body: match[2]!,
  }));
  const [setup, ...rest] = blocks;
  if (setup?.kind !== "sh") throw new Error("the walkthrough starts with a ```sh block setting BASE and TOKEN");
  const steps: Step[] = [];
  for (const block of rest) {
    if (block.kind === "sh") steps.push({ script: block.body, expected: [] });
    else steps.at(-1)?.expected.push(...block.body.split("\n").filter((line) => line.trim() !== ""));
  }
  return { setup: setup.body, steps };
}

/** The unmatched expected lines: each must be found in a line of `output` at or after the previous one's. */
function unmatched(output: string, expected: readonly string[]): string[] {
  const lines = output.replaceAll("\r", "").split("\n");
  let from = 0;
  const missing: string[] = [];
  for (const line of expected) {
    const parts = line.split("…");
    const found = lines.findIndex((actual, index) => {
      if (index < from) return false;
      let at = 0;
      for (const part of parts) {
        const next = actual.indexOf(part, at);
        if (next < 0) return false;
        at = next + part.length;
      }
      return true;
    });
    if (found < 0) missing.push(line);
    else from = found;
  }
  return missing;
}

describe("reading docs/integration.md's walkthrough", () => {
  const { setup, steps } = walkthroughOf(readFileSync(guidePath, "utf8"));

  it("finds the setup, the steps and what each should answer", () => {
    expect(setup).toMatch(/^BASE=".*"$/m);
    expect(setup).toMatch(/^TOKEN=".*"$/m);
    expect(steps.length).toBeGreaterThanOrEqual(6);
    for (const step of steps) {
      expect(step.script, step.script).toContain("curl ");
      expect(step.expected.length, step.script).toBeGreaterThan(0);
    }
  });

  it("matches expected lines in order, `…` standing for anything, and can fail", () => {
    const output = 'HTTP/1.1 200 OK\r\n{"items":[{"id":"b1","standardName":"湖北省X","status":"active"}],"total":3}';
    expect(
      unmatched(output, ["HTTP/1.1 200 OK", '{"items":[{"id":"…","standardName":"湖北省…"status":"active"…']),
    ).toEqual([]);
    expect(unmatched(output, ['"total":…}', "HTTP/1.1 200 OK"])).toEqual(["HTTP/1.1 200 OK"]);
    expect(unmatched(output, ['"status":"revoked"'])).toEqual(['"status":"revoked"']);
  });
});

describe.each(databaseKinds())("docs/integration.md's curl walkthrough against a listening server on %s", (kind) => {
  let t: TestApp;
  let base: string;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    ({ token } = await serviceAccountToken(t, { username: "hubei.portal", displayName: "湖北政务服务网" }));
    // The issue of the token is the account's first notification: step 6 marks it read.
    await t.flushOutbox();
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it("runs every step with curl and gets the answers the guide shows", async () => {
    const { setup, steps } = walkthroughOf(readFileSync(guidePath, "utf8"));
    const variables = setup.replace(/^BASE=".*"$/m, `BASE="${base}"`).replace(/^TOKEN=".*"$/m, `TOKEN="${token}"`);
    expect(variables).toContain(base);
    expect(variables).toContain(token);
    for (const step of steps) {
      // spawnSync would block the event loop the server answers on: run curl asynchronously.
      const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn("bash", ["-euo", "pipefail", "-c", `${variables}\n${step.script}`]);
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString("utf8");
        });
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString("utf8");
        });
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      });
      expect(result.status, `${step.script}\n${result.stderr}`).toBe(0);
      expect(unmatched(result.stdout, step.expected), `${step.script}\n--- output:\n${result.stdout}`).toEqual([]);
    }
  });

  it("uses the real curl binary", () => {
    expect(spawnSync("curl", ["--version"], { encoding: "utf8" }).stdout).toMatch(/^curl \d/);
  });
});
