import { prefectureOf } from "../../reference/divisions";
import { validateUscc } from "../../uscc";
import { finding, type Rule, windowText } from "./context";

/** Art. 7.1: registered in Hubei — by the registration address's division code, never by USCC digits 3–8. */
export const registeredInHubei: Rule = ({ input }) => {
  const code = input.unit.registeredDivision;
  const evidence = ["unit.registeredDivision"];
  if (code.startsWith("42")) {
    const prefecture = prefectureOf(code);
    const where = prefecture ? `（${prefecture.nameZh}）` : "";
    return finding(
      "7.1-registered-in-hubei",
      "pass",
      evidence,
      `注册地行政区划代码 ${code}${where}属湖北省。`,
      `Registered in Hubei (division ${code}).`,
    );
  }
  return finding(
    "7.1-registered-in-hubei",
    "fail",
    evidence,
    `注册地行政区划代码 ${code} 不在湖北省（42xxxx），依托单位须在湖北省内依法注册。`,
    `Division ${code} is outside Hubei (42xxxx): the host unit must be registered in Hubei.`,
  );
};

/** Art. 7.1: a valid 统一社会信用代码; a check-digit mismatch is flagged for an officer (early codes fail it). */
export const usccValid: Rule = ({ input, settings }) => {
  const evidence = ["unit.uscc"];
  const result = validateUscc(input.unit.uscc);
  if (result.ok)
    return finding(
      "7.1-uscc",
      "pass",
      evidence,
      "统一社会信用代码格式和校验位正确。",
      "The USCC is well-formed and its check digit matches.",
    );
  if (result.reason === "format") {
    return finding(
      "7.1-uscc",
      "fail",
      evidence,
      `统一社会信用代码“${input.unit.uscc}”格式无效（应为18位，GB 32100-2015）。`,
      `The USCC "${input.unit.uscc}" is not well-formed (18 characters, GB 32100-2015).`,
    );
  }
  return finding(
    "7.1-uscc",
    settings.usccChecksumMismatchVerdict,
    evidence,
    `统一社会信用代码校验位不符（按标准应为 ${result.expectedCheckDigit}），请处室人员核实。`,
    `The USCC check digit does not match (expected ${result.expectedCheckDigit}); an officer to confirm.`,
  );
};

/** Art. 7.1: an independent legal person within its period of existence. */
export const legalPerson: Rule = ({ input }) => {
  const { isIndependentLegalPerson, inExistence } = input.unit;
  const evidence = ["unit.isIndependentLegalPerson", "unit.inExistence"];
  if (isIndependentLegalPerson === false)
    return finding(
      "7.1-legal-person",
      "fail",
      evidence,
      "依托单位须为独立法人机构。",
      "The host unit must be an independent legal person.",
    );
  if (inExistence === false)
    return finding(
      "7.1-legal-person",
      "fail",
      evidence,
      "依托单位不在有效存续期内。",
      "The host unit is not in existence.",
    );
  if (isIndependentLegalPerson === undefined || inExistence === undefined) {
    return finding(
      "7.1-legal-person",
      "missing",
      evidence,
      "请说明依托单位是否为独立法人且在有效存续期内。",
      "State whether the host unit is an independent legal person in existence.",
    );
  }
  return finding(
    "7.1-legal-person",
    "pass",
    evidence,
    "依托单位为独立法人机构，在有效存续期内。",
    "Independent legal person, in existence.",
  );
};

/** Art. 7.1: no bad credit or research-integrity record of the unit in the last 3 years. */
export const unitCredit: Rule = ({ input, window }) => {
  const records = input.registry?.creditRecords;
  if (records === undefined) {
    return finding(
      "7.1-unit-credit",
      "missing",
      ["registry.creditRecords"],
      "未提供信用与科研诚信记录，无法核验依托单位近3年记录。",
      "No credit or research-integrity records were given for the unit.",
    );
  }
  const hits = records
    .map((record, index) => ({ record, index }))
    .filter(
      ({ record }) =>
        record.subject === "unit" &&
        record.id.trim().toUpperCase() === input.unit.uscc.trim().toUpperCase() &&
        record.date >= window.start,
    );
  const span = windowText(window);
  if (hits.length > 0) {
    const first = hits[0]!.record;
    return finding(
      "7.1-unit-credit",
      "fail",
      ["unit.uscc", ...hits.map(({ index }) => `registry.creditRecords.${index}`)],
      `依托单位在 ${span.zh} 期间有不良记录（${first.date}，${first.kind === "bad-credit" ? "不良信用" : "不良科研诚信"}）。`,
      `The unit has a ${first.kind} record dated ${first.date} within ${span.en}.`,
    );
  }
  return finding(
    "7.1-unit-credit",
    "pass",
    ["unit.uscc", "registry.creditRecords"],
    `依托单位在 ${span.zh} 期间无不良信用、不良科研诚信记录。`,
    `No bad credit or research-integrity record of the unit within ${span.en}.`,
  );
};
