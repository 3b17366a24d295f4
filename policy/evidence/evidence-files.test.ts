import { describe, expect, it } from "vitest";
import { decideEvidenceChange, type EvidenceFacts, openEvidenceSlot } from "./evidence-files";

const unit = { canRead: true, canSubmit: true };

describe("evidence files (Art. 18, 22, 24)", () => {
  it.each([
    [{ subject: "annual-report", contentOpen: true }, "evidence"],
    [{ subject: "annual-report", contentOpen: false }, null],
    [{ subject: "rectification", state: "open" }, "plan"],
    [{ subject: "rectification", state: "plan-filed" }, "report"],
    [{ subject: "rectification", state: "report-filed" }, null],
    [{ subject: "rectification", state: "passed" }, null],
    [{ subject: "rectification", state: "failed" }, null],
  ] as Array<[EvidenceFacts, string | null]>)("%j takes evidence in slot %s", (facts, slot) => {
    expect(openEvidenceSlot(facts)).toBe(slot);
  });

  it("hides another unit's subject (404) before anything else, then needs the host unit's ability (403)", () => {
    const facts: EvidenceFacts = { subject: "annual-report", contentOpen: true };
    expect(decideEvidenceChange(facts, { canRead: false, canSubmit: true }, { kind: "add" })).toMatchObject({
      ok: false,
      kind: "not-found",
    });
    expect(decideEvidenceChange(facts, { canRead: true, canSubmit: false }, { kind: "add" })).toMatchObject({
      ok: false,
      kind: "forbidden",
      refusal: { article: "22" },
    });
    expect(decideEvidenceChange(facts, unit, { kind: "add" })).toEqual({ ok: true, slot: "evidence" });
  });

  it("refuses changes to a filed subject, and removing what was filed with the plan, naming Art. 24", () => {
    const filed = decideEvidenceChange({ subject: "rectification", state: "report-filed" }, unit, { kind: "add" });
    expect(filed).toMatchObject({
      ok: false,
      kind: "conflict",
      refusal: { code: "evidence-not-editable", article: "24" },
    });
    const planFile = decideEvidenceChange({ subject: "rectification", state: "plan-filed" }, unit, {
      kind: "remove",
      slot: "plan",
    });
    expect(planFile).toMatchObject({ ok: false, kind: "conflict", refusal: { code: "evidence-filed" } });
    if (!planFile.ok) expect(planFile.refusal.messageZh).toContain("整改方案");
    expect(
      decideEvidenceChange({ subject: "rectification", state: "plan-filed" }, unit, { kind: "remove", slot: "report" }),
    ).toEqual({ ok: true, slot: "report" });
  });
});
