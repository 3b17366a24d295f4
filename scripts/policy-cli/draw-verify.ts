import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { drawRecordFormat } from "../../policy/review/draw";
import type { DrawRecord } from "../../policy/review/draw-record";
import { verifyDrawRecord } from "../../policy/review/draw-record";
import type { CommandOutcome } from "./check";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function looksLikeRecord(value: unknown): value is DrawRecord {
  const record = value as Partial<DrawRecord> | null;
  return (
    !!record &&
    record.format === drawRecordFormat &&
    typeof record.seed === "number" &&
    !!record.rules &&
    !!record.target &&
    Array.isArray(record.candidates) &&
    !!record.outcome &&
    Array.isArray(record.replacements)
  );
}

/**
 * `draw-verify <record.json> [--json]`: re-runs a draw record (GET /api/draws/:id/record) and says whether the panel,
 * backups, replacements and candidate digest match. Exit 0 only when they all do; 1 on a mismatch; 2 unreadable.
 */
export function runDrawVerify(args: readonly string[]): CommandOutcome {
  const json = args.includes("--json");
  const files = args.filter((arg) => !arg.startsWith("--"));
  if (files.length !== 1)
    return { stdout: "", stderr: "usage: policy draw-verify <record.json> [--json]\n", exitCode: 2 };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(files[0]!, "utf8"));
  } catch (error) {
    return { stdout: "", stderr: `cannot read ${files[0]}: ${(error as Error).message}\n`, exitCode: 2 };
  }
  if (!looksLikeRecord(value)) {
    return { stdout: "", stderr: `${files[0]} is not a draw record (format ${drawRecordFormat})\n`, exitCode: 2 };
  }
  const verification = verifyDrawRecord(value, sha256);
  const stdout = json
    ? `${JSON.stringify(verification, null, 2)}\n`
    : [
        `抽取记录 draw ${value.drawId} · 第 ${value.attempt} 次 attempt · seed ${value.seed} · ${value.candidates.length} candidates`,
        `  recorded: ${verification.recorded.status} panel [${verification.recorded.panel.join(", ")}] backups [${verification.recorded.backups.join(", ")}]`,
        `  re-run:   ${verification.rerun.status} panel [${verification.rerun.panel.join(", ")}] backups [${verification.rerun.backups.join(", ")}]`,
        ...verification.problems.map((problem) => `  ✗ ${problem}`),
        verification.matches ? "  一致 MATCH: the record re-runs to the same panel" : "  不一致 MISMATCH",
        "",
      ].join("\n");
  return { stdout, stderr: "", exitCode: verification.matches ? 0 : 1 };
}
