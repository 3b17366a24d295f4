import { finding, type Rule } from "./context";

/** Art. 11.1: an offshore platform has fixed premises abroad fit for its functions. */
export const overseasPremises: Rule = ({ input, isOffshore }) => {
  if (!isOffshore) return null;
  const premises = input.application.evidence?.overseasPremises;
  const evidence = ["application.evidence.overseasPremises"];
  if (!premises)
    return finding(
      "11.1-overseas-premises",
      "missing",
      evidence,
      "离岸创新平台请填写境外固定场所。",
      "An offshore platform must describe its premises abroad.",
    );
  if (!premises.hasFixedPremises)
    return finding(
      "11.1-overseas-premises",
      "fail",
      evidence,
      "离岸创新平台须在境外拥有固定场所。",
      "An offshore platform must have fixed premises abroad.",
    );
  return finding(
    "11.1-overseas-premises",
    "pass",
    evidence,
    `境外固定场所${premises.address ? `：${premises.address}` : "已具备"}。`,
    `Fixed premises abroad${premises.address ? `: ${premises.address}` : ""}.`,
  );
};

/** Art. 11.2: an offshore platform has staff abroad. */
export const overseasStaff: Rule = ({ input, isOffshore }) => {
  if (!isOffshore) return null;
  const staff = input.application.evidence?.overseasStaff;
  const evidence = ["application.evidence.overseasStaff"];
  if (!staff)
    return finding(
      "11.2-overseas-staff",
      "missing",
      evidence,
      "离岸创新平台请填写境外工作人员。",
      "An offshore platform must list its staff abroad.",
    );
  if (staff.count === 0)
    return finding(
      "11.2-overseas-staff",
      "fail",
      evidence,
      "离岸创新平台须在境外拥有开展相关工作的人员。",
      "An offshore platform must have staff abroad.",
    );
  return finding(
    "11.2-overseas-staff",
    "pass",
    evidence,
    `境外工作人员 ${staff.count} 人。`,
    `${staff.count} staff abroad.`,
  );
};
