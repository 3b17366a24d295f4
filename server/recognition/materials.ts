import type { CallMaterial, FileSlot } from "../../contracts/recognition";
import { type ManagementSystemKey, managementSystemKeys } from "../../policy/eligibility/input";
import type { FileKind } from "../storage/files";

const systemLabels: Record<ManagementSystemKey, { zh: string; en: string }> = {
  ipOwnership: { zh: "知识产权归属管理制度", en: "IP ownership rules" },
  benefitSharing: { zh: "权益分配管理制度", en: "Benefit-sharing rules" },
  crossBorderData: { zh: "数据跨境管理制度", en: "Cross-border data rules" },
  humanGeneticResources: { zh: "人类遗传资源管理制度", en: "Human genetic resources rules" },
  ethics: { zh: "科技伦理管理制度", en: "S&T ethics rules" },
  disputeHandling: { zh: "违约责任及争议处理方案", en: "Breach and dispute handling" },
  securityRisk: { zh: "科技安全风险研判预警机制", en: "S&T security risk mechanism" },
};

export const systemSlot = (key: ManagementSystemKey): FileSlot => `system-${key}` as FileSlot;

/**
 * The materials list of a call unless the officer sets another (SPEC §5.1 step 2): 申报书 and 建设工作方案 as
 * Word files and stamped PDF scans, the seven management systems of Art. 7.4, agreements and support materials.
 */
export const defaultMaterials: CallMaterial[] = [
  { slot: "application-form-docx", labelZh: "申报书（Word版）", labelEn: "Application form (Word)", required: true },
  {
    slot: "application-form-pdf",
    labelZh: "申报书（签字盖章PDF）",
    labelEn: "Application form (signed and stamped PDF)",
    required: true,
  },
  { slot: "work-plan-docx", labelZh: "建设工作方案（Word版）", labelEn: "Work plan (Word)", required: true },
  { slot: "work-plan-pdf", labelZh: "建设工作方案（盖章PDF）", labelEn: "Work plan (stamped PDF)", required: true },
  ...managementSystemKeys.map((key) => ({
    slot: systemSlot(key),
    labelZh: systemLabels[key].zh,
    labelEn: systemLabels[key].en,
    required: true,
  })),
  { slot: "agreement", labelZh: "合作协议", labelEn: "Cooperation agreements", required: false },
  { slot: "support", labelZh: "支撑材料", labelEn: "Support materials", required: false },
];

/** What each slot accepts, judged by content (FileStore.sniffKind), never by name. */
export function acceptedKinds(slot: FileSlot): readonly FileKind[] {
  if (slot.endsWith("-docx")) return ["docx"];
  if (slot.endsWith("-pdf")) return ["pdf"];
  if (slot.startsWith("system-")) return ["pdf", "docx"];
  return ["pdf", "png", "jpeg"];
}

/** Slots holding one file: a new upload replaces the previous one. */
export function isSingleFileSlot(slot: FileSlot): boolean {
  return slot !== "agreement" && slot !== "support";
}

export const maxUploadBytes = 50 * 1024 * 1024;

/** The slots every call requires by default (the demo uploads these). */
export const requiredDemoSlots: FileSlot[] = defaultMaterials.filter((m) => m.required).map((m) => m.slot);
