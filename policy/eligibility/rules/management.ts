import { type ManagementSystemKey, managementSystemKeys } from "../input";
import { finding, type Rule } from "./context";

const systemNames: Record<ManagementSystemKey, { zh: string; en: string }> = {
  ipOwnership: { zh: "知识产权归属", en: "IP ownership" },
  benefitSharing: { zh: "权益分配", en: "benefit sharing" },
  crossBorderData: { zh: "数据跨境", en: "cross-border data" },
  humanGeneticResources: { zh: "人类遗传资源", en: "human genetic resources" },
  ethics: { zh: "科技伦理", en: "S&T ethics" },
  disputeHandling: { zh: "违约责任及争议处理", en: "breach and dispute handling" },
  securityRisk: { zh: "科技安全风险研判与预警", en: "S&T security risk assessment" },
};

/** Art. 7.4: the seven management systems are in place. */
export const managementSystems: Rule = ({ input }) => {
  const systems = input.application.managementSystems;
  const evidence = managementSystemKeys.map((key) => `application.managementSystems.${key}`);
  const state = (key: ManagementSystemKey) => {
    const value = systems?.[key];
    if (value === false) return "absent";
    if (value === true || (typeof value === "string" && value.trim() !== "")) return "present";
    return "unknown";
  };
  const absent = managementSystemKeys.filter((key) => state(key) === "absent");
  const unknown = managementSystemKeys.filter((key) => state(key) === "unknown");
  const names = (keys: ManagementSystemKey[], lang: "zh" | "en") =>
    keys.map((key) => systemNames[key][lang]).join(lang === "zh" ? "、" : ", ");
  if (absent.length > 0) {
    return finding(
      "7.4-management-systems",
      "fail",
      evidence,
      `缺少以下管理制度：${names(absent, "zh")}。`,
      `These management systems are not in place: ${names(absent, "en")}.`,
    );
  }
  if (unknown.length > 0) {
    return finding(
      "7.4-management-systems",
      "missing",
      evidence,
      `请上传以下管理制度：${names(unknown, "zh")}。`,
      `Upload these management systems: ${names(unknown, "en")}.`,
    );
  }
  return finding(
    "7.4-management-systems",
    "pass",
    evidence,
    "七项管理制度齐备。",
    "All seven management systems are in place.",
  );
};

/** Art. 14.1: materials true, lawful and compliant; no state secrets. */
export const attestation: Rule = ({ input }) => {
  const attestations = input.application.attestations;
  const evidence = ["application.attestations.truthful", "application.attestations.noStateSecrets"];
  if (attestations?.truthful === false || attestations?.noStateSecrets === false) {
    return finding(
      "14.1-attestation",
      "fail",
      evidence,
      "须承诺材料真实、合法、合规，且所有材料不涉及国家秘密。",
      "The applicant must attest that the materials are true, lawful and free of state secrets.",
    );
  }
  if (attestations?.truthful !== true || attestations.noStateSecrets !== true) {
    return finding(
      "14.1-attestation",
      "missing",
      evidence,
      "请签署真实性承诺及不涉密承诺。",
      "Sign the truthfulness and no-state-secrets commitments.",
    );
  }
  return finding(
    "14.1-attestation",
    "attested",
    evidence,
    "申报单位已承诺材料真实、合法、合规且不涉及国家秘密。",
    "The applicant attests the materials are true, lawful and free of state secrets.",
  );
};

/** Art. 14.1 (call materials): the overseas partners do not object. */
export const partnersNoObjection: Rule = ({ input, settings }) => {
  const value = input.application.attestations?.partnersNoObjection;
  const evidence = ["application.attestations.partnersNoObjection"];
  if (value === true)
    return finding(
      "14.1-partners-no-objection",
      "attested",
      evidence,
      "境外合作方无异议。",
      "The overseas partners do not object.",
    );
  if (value === false) {
    return finding(
      "14.1-partners-no-objection",
      settings.partnersObjectionVerdict,
      evidence,
      "境外合作方有异议，需书面说明。",
      "An overseas partner objects: a written explanation is needed.",
    );
  }
  return finding(
    "14.1-partners-no-objection",
    "missing",
    evidence,
    "请提供境外合作方无异议材料。",
    "Provide the overseas partners' no-objection.",
  );
};
