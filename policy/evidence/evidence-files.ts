import type { ChangeReportState } from "../lifecycles/change-report.transitions";
import type { RectificationState } from "../lifecycles/rectification.transitions";
import type { RevocationCaseState } from "../lifecycles/revocation-case.transitions";
import type { Refusal } from "../refusal";

/**
 * Evidence files of the yearly cycle (Art. 18, 22, 24): what the host unit attaches to its annual report (佐证材料)
 * and to its rectification plan and final report. Pure: the server loads the subject's state and the caller's reach.
 */
export const evidenceSubjects = ["annual-report", "rectification", "change-report", "revocation-case"] as const;
export type EvidenceSubject = (typeof evidenceSubjects)[number];

/** The slots of each subject: the report has one; a case keeps the plan's evidence apart from the report's. */
export const evidenceSlots = ["evidence", "plan", "report"] as const;
export type EvidenceSlot = (typeof evidenceSlots)[number];

export const evidenceSlotLabels: Record<EvidenceSlot, { zh: string; en: string }> = {
  evidence: { zh: "佐证材料", en: "Evidence" },
  plan: { zh: "整改方案佐证材料", en: "Evidence of the plan" },
  report: { zh: "整改报告佐证材料", en: "Evidence of the final report" },
};

export type EvidenceFacts =
  /**
   * `contentOpen`: the report's content is open to its host unit now (the draft, a 补正 window before its due date:
   * the server answers with the rule save-report.ts applies, so the text and its evidence open and close together).
   */
  | { subject: "annual-report"; contentOpen: boolean }
  | { subject: "rectification"; state: RectificationState }
  /** A major change report (Art. 18.5): its evidence goes with the draft, until it is submitted. */
  | { subject: "change-report"; state: ChangeReportState }
  /** A revocation case (Art. 20): the facts' evidence goes with the case until it is decided. */
  | { subject: "revocation-case"; state: RevocationCaseState };

/** Who asks: whether the caller's read scope covers the subject, and whether it may write it as its host unit. */
export interface EvidenceActor {
  canRead: boolean;
  /** `annual-report.submit` / `rectification.submit` on the row (the host unit's accounts). */
  canSubmit: boolean;
}

export type EvidenceChange = { kind: "add" } | { kind: "remove"; slot: string };

export type EvidenceRefusalKind = "not-found" | "forbidden" | "conflict";

export type EvidenceDecision =
  | { ok: true; slot: EvidenceSlot }
  | { ok: false; kind: EvidenceRefusalKind; refusal: Refusal };

/**
 * The slot that takes evidence now, or null: the report while its content is editable (the draft, and a 补正
 * window, Art. 22); the plan's evidence before the plan is filed, the report's before the report is (Art. 24).
 */
export function openEvidenceSlot(facts: EvidenceFacts): EvidenceSlot | null {
  if (facts.subject === "annual-report") return facts.contentOpen ? "evidence" : null;
  if (facts.subject === "change-report")
    return facts.state === "draft" || facts.state === "returned" ? "evidence" : null;
  if (facts.subject === "revocation-case")
    return facts.state === "requested" || facts.state === "returned" || facts.state === "proposed" ? "evidence" : null;
  if (facts.state === "open") return "plan";
  if (facts.state === "plan-filed") return "report";
  return null;
}

const names: Record<EvidenceSubject, { zh: string; en: string; article: string }> = {
  "annual-report": { zh: "年度工作报告", en: "annual report", article: "22" },
  rectification: { zh: "整改事项", en: "rectification case", article: "24" },
  "change-report": { zh: "重大事项变化报告", en: "change report", article: "18.5" },
  "revocation-case": { zh: "取消资格事项", en: "revocation case", article: "20" },
};

/**
 * Decides adding or removing one evidence file: visibility (404, never 403, for another unit's subject), the host
 * unit's write ability (403), then the subject's state — a file can be added to, or removed from, only the slot
 * that is open now; what was filed with a submitted report or plan stays (409 naming the article).
 */
export function decideEvidenceChange(
  facts: EvidenceFacts,
  actor: EvidenceActor,
  change: EvidenceChange,
): EvidenceDecision {
  const name = names[facts.subject];
  if (!actor.canRead) {
    return {
      ok: false,
      kind: "not-found",
      refusal: {
        code: "not-found",
        path: "id",
        messageZh: `${name.zh}不存在或您无权查看。`,
        messageEn: `The ${name.en} was not found or is not visible to you.`,
      },
    };
  }
  if (!actor.canSubmit) {
    const ability = `${facts.subject === "annual-report" ? "annual-report" : facts.subject}.submit`;
    return {
      ok: false,
      kind: "forbidden",
      refusal: {
        code: "forbidden",
        article: name.article,
        messageZh: `只有依托单位可以上传或删除佐证材料（${ability}）。`,
        messageEn: `Only the host unit adds or removes evidence files (${ability}).`,
      },
    };
  }
  const open = openEvidenceSlot(facts);
  if (!open) {
    return {
      ok: false,
      kind: "conflict",
      refusal: {
        code: "evidence-not-editable",
        article: name.article,
        messageZh: `${name.zh}已提交，当前不能上传或删除佐证材料。`,
        messageEn: `The ${name.en} has been filed; its evidence files cannot be changed now.`,
      },
    };
  }
  if (change.kind === "remove" && change.slot !== open) {
    return {
      ok: false,
      kind: "conflict",
      refusal: {
        code: "evidence-filed",
        article: name.article,
        messageZh: `该文件随已提交的${evidenceSlotLabels[change.slot as EvidenceSlot]?.zh ?? "材料"}一并提交，不能删除。`,
        messageEn: `This file was filed with the ${evidenceSlotLabels[change.slot as EvidenceSlot]?.en.toLowerCase() ?? "material"}; it cannot be removed.`,
      },
    };
  }
  return { ok: true, slot: open };
}
