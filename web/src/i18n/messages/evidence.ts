import { messages } from "../define.ts";

/** 佐证材料 of annual reports and rectification cases (Art. 18, 22, 24): web/src/components/EvidenceFiles.tsx. */
export const evidenceMessages = messages(
  {
    "evidence.title": "佐证材料",
    "evidence.hint":
      "可上传盖章协议、证书、照片等（PDF、JPG、PNG、Word、Excel），单个文件不超过 {mb} MB；系统按文件内容判断类型。",
    "evidence.readonly": "当前不能增删佐证材料。",
    "evidence.empty": "暂无佐证材料。",
    "evidence.upload": "上传文件",
    "evidence.uploaded": "已上传：{name}",
    "evidence.remove": "删除",
    "evidence.removeConfirm": "删除该文件？",
    "evidence.removed": "已删除：{name}",
    "evidence.col.name": "文件名称",
    "evidence.col.slot": "类别",
    "evidence.col.size": "大小",
    "evidence.col.uploadedAt": "上传时间",
    "evidence.slot.evidence": "佐证材料",
    "evidence.slot.plan": "整改方案佐证材料",
    "evidence.slot.report": "整改报告佐证材料",
  },
  {
    "evidence.title": "Evidence files",
    "evidence.hint":
      "Upload stamped agreements, certificates, photos and the like (PDF, JPG, PNG, Word, Excel), at most {mb} MB each; the type is judged by the file's content.",
    "evidence.readonly": "Evidence files cannot be added or removed now.",
    "evidence.empty": "No evidence files yet.",
    "evidence.upload": "Upload a file",
    "evidence.uploaded": "Uploaded: {name}",
    "evidence.remove": "Remove",
    "evidence.removeConfirm": "Remove this file?",
    "evidence.removed": "Removed: {name}",
    "evidence.col.name": "File",
    "evidence.col.slot": "Kind",
    "evidence.col.size": "Size",
    "evidence.col.uploadedAt": "Uploaded",
    "evidence.slot.evidence": "Evidence",
    "evidence.slot.plan": "Evidence of the plan",
    "evidence.slot.report": "Evidence of the final report",
  },
);
