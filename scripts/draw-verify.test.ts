import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDraw } from "../policy/review/draw";
import { drawInput } from "../policy/review/draw.fixtures";
import { buildDrawRecord } from "../policy/review/draw-record";

const root = join(import.meta.dirname, "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const scratch = mkdtempSync(join(tmpdir(), "draw-verify-"));
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function cli(...args: string[]) {
  const result = spawnSync(tsx, ["scripts/policy-cli.ts", "draw-verify", ...args], { cwd: root, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function recordFile(name: string, edit: (record: ReturnType<typeof buildDrawRecord>) => void = () => {}) {
  const input = drawInput({ seed: 4_000_000_001 });
  const record = buildDrawRecord(
    { drawId: "d-1", roundId: "r-1", attempt: 1, drawnAt: "2026-04-01T02:00:00.000Z", drawnBy: "李处长" },
    input,
    runDraw(input),
    sha256,
  );
  edit(record);
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(record, null, 2));
  return path;
}

describe("policy draw-verify", { timeout: 30_000 }, () => {
  it("exits 0 and says MATCH for an untouched record", () => {
    const { code, stdout } = cli(recordFile("ok.json"));
    expect(stdout).toContain("MATCH");
    expect(code).toBe(0);
  });

  it("exits 1 when the panel, the seed or a candidate was edited", () => {
    const swapped = recordFile("panel.json", (r) => {
      r.outcome.panel[0] = r.outcome.backups[0]!;
    });
    const result = cli(swapped, "--json");
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).problems).toContain("panel differs from the re-run");
    expect(cli(recordFile("seed.json", (r) => (r.seed += 1))).code).toBe(1);
    expect(
      cli(
        recordFile("candidate.json", (r) => {
          r.candidates[0]!.drawsThisYear = 9;
        }),
      ).stdout,
    ).toContain("candidate digest does not match");
  });

  it("exits 2 on a file that is not a draw record", () => {
    const path = join(scratch, "other.json");
    writeFileSync(path, "{}");
    expect(cli(path).code).toBe(2);
    expect(cli(join(scratch, "missing.json")).code).toBe(2);
  });
});
