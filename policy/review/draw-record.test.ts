import { describe, expect, it } from "vitest";
import { canonicalJson } from "../canonical-json";
import { runDraw } from "./draw";
import { drawInput } from "./draw.fixtures";
import { buildDrawRecord, currentPanel, type DrawRecord, nextBackup, verifyDrawRecord } from "./draw-record";

/** A stand-in digest (the server and the CLI use SHA-256): pure, deterministic, order-sensitive. */
const digest = (text: string) => {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h.toString(16);
};

function record(): DrawRecord {
  const input = drawInput({ seed: 777 });
  const meta = { drawId: "d1", roundId: "r1", attempt: 1, drawnAt: "2026-04-01T02:00:00.000Z", drawnBy: "李处长" };
  return buildDrawRecord(meta, input, runDraw(input), digest);
}

describe("draw records", () => {
  it("a record re-runs to the same panel, also after a JSON round trip", () => {
    const r = JSON.parse(JSON.stringify(record())) as DrawRecord;
    const verification = verifyDrawRecord(r, digest);
    expect(verification.matches).toBe(true);
    expect(verification.rerun.panel).toEqual(r.outcome.panel);
  });

  it("an edited panel, seed or candidate list no longer matches", () => {
    const edited = record();
    edited.outcome.panel = [edited.outcome.backups[0]!, ...edited.outcome.panel.slice(1)];
    expect(verifyDrawRecord(edited).matches).toBe(false);
    const reseeded = { ...record(), seed: 778 };
    expect(verifyDrawRecord(reseeded).problems).toContain("panel differs from the re-run");
    const tampered = record();
    tampered.candidates[0] = { ...tampered.candidates[0]!, unitName: "别的单位" };
    expect(verifyDrawRecord(tampered, digest).problems).toContain("candidate digest does not match the candidate list");
  });

  it("replacements take the backups in order; when they run out a new attempt is needed", () => {
    const r = record();
    const [first, second] = r.outcome.backups;
    expect(nextBackup(r)).toBe(first);
    const out = r.outcome.panel[2]!;
    r.replacements.push({ outExpertId: out, inExpertId: first!, reason: "recused", at: "x", byName: null });
    expect(currentPanel(r)).toContain(first);
    expect(currentPanel(r)).not.toContain(out);
    expect(nextBackup(r)).toBe(second);
    r.replacements.push({
      outExpertId: r.outcome.panel[0]!,
      inExpertId: second!,
      reason: "declined",
      at: "y",
      byName: null,
    });
    expect(nextBackup(r)).toBeNull();
    expect(verifyDrawRecord(r).matches).toBe(true);
    r.replacements[1] = { ...r.replacements[1]!, inExpertId: "expert-9999" };
    expect(verifyDrawRecord(r).matches).toBe(false);
  });

  it("canonical JSON sorts keys at every level", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});
