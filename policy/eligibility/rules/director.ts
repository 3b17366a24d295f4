import { finding, type Rule, windowText } from "./context";

/** Art. 12.1: full-time at the host unit (social insurance record or employment contract). */
export const directorFullTime: Rule = ({ input }) => {
  const director = input.director;
  const evidence = ["director.fullTime", "director.fullTimeBasis"];
  if (director?.fullTime === undefined)
    return finding(
      "12.1-full-time",
      "missing",
      evidence,
      "请说明负责人是否为依托单位全职在岗人员。",
      "State whether the director works full-time at the host unit.",
    );
  if (!director.fullTime)
    return finding(
      "12.1-full-time",
      "fail",
      evidence,
      "负责人应为依托单位全职在岗人员。",
      "The director must work full-time at the host unit.",
    );
  const basis =
    director.fullTimeBasis === "social-insurance"
      ? "社保缴纳记录"
      : director.fullTimeBasis === "employment-contract"
        ? "人才聘用合同"
        : "";
  return finding(
    "12.1-full-time",
    "pass",
    evidence,
    `负责人为依托单位全职在岗人员${basis ? `（${basis}）` : ""}。`,
    `The director works full-time at the host unit${director.fullTimeBasis ? ` (${director.fullTimeBasis})` : ""}.`,
  );
};

/** Art. 12.1: the base's research lead or main research team leader. */
export const directorResearchLead: Rule = ({ input }) => {
  const value = input.director?.isResearchLead;
  const evidence = ["director.isResearchLead"];
  if (value === undefined)
    return finding(
      "12.1-research-lead",
      "missing",
      evidence,
      "请说明负责人是否为基地科研工作负责人。",
      "State whether the director leads the base's research.",
    );
  if (!value)
    return finding(
      "12.1-research-lead",
      "fail",
      evidence,
      "负责人应为基地科研工作负责人或主要科研团队牵头人。",
      "The director must be the base's research lead or main team leader.",
    );
  return finding(
    "12.1-research-lead",
    "pass",
    evidence,
    "负责人为基地科研工作负责人。",
    "The director leads the base's research.",
  );
};

/** Art. 12.1: no bad credit or research-integrity record of the director in the last 3 years. */
export const directorCredit: Rule = ({ input, window }) => {
  const records = input.registry?.creditRecords;
  const director = input.director;
  if (!director || records === undefined) {
    return finding(
      "12.1-director-credit",
      "missing",
      ["director.personId", "registry.creditRecords"],
      "未提供负责人信息或信用记录。",
      "No director or credit records were given.",
    );
  }
  const hits = records
    .map((record, index) => ({ record, index }))
    .filter(
      ({ record }) =>
        record.subject === "director" && record.id.trim() === director.personId.trim() && record.date >= window.start,
    );
  const span = windowText(window);
  if (hits.length > 0) {
    const first = hits[0]!.record;
    return finding(
      "12.1-director-credit",
      "fail",
      ["director.personId", ...hits.map(({ index }) => `registry.creditRecords.${index}`)],
      `负责人在 ${span.zh} 期间有不良记录（${first.date}）。`,
      `The director has a ${first.kind} record dated ${first.date} within ${span.en}.`,
    );
  }
  return finding(
    "12.1-director-credit",
    "pass",
    ["director.personId", "registry.creditRecords"],
    `负责人在 ${span.zh} 期间无不良记录。`,
    `No bad record of the director within ${span.en}.`,
  );
};

/** Art. 12.2: joint research requires 正高级; other types as a rule 正高级 or equivalent ability (soft). */
export const directorTitle: Rule = ({ input }) => {
  const director = input.director;
  const evidence = ["director.title", "director.hasEquivalentAbility", "application.type"];
  if (director?.title === undefined)
    return finding("12.2-title", "missing", evidence, "请填写负责人职称。", "Give the director's professional title.");
  if (director.title === "senior")
    return finding("12.2-title", "pass", evidence, "负责人具有正高级职称。", "The director holds a full senior title.");
  if (input.application.type === "joint-research") {
    return finding(
      "12.2-title",
      "fail",
      evidence,
      "联合研究类基地负责人须具有正高级职称。",
      "A joint-research base director must hold a full senior title.",
    );
  }
  if (director.hasEquivalentAbility) {
    return finding(
      "12.2-title",
      "judgement",
      evidence,
      "负责人非正高级职称，是否具有同等研究能力由专家评判。",
      "Not a full senior title: whether the director has equivalent ability is for the experts.",
    );
  }
  return finding(
    "12.2-title",
    "soft",
    evidence,
    "负责人一般应具有正高级职称或同等研究能力（原则性要求），需书面说明。",
    "As a rule the director holds a full senior title or equivalent ability: a justification is needed.",
  );
};

/** Art. 12.2: knows S&T diplomacy policy, with cooperation and management ability — expert judgement. */
export const directorPolicyKnowledge: Rule = ({ input }) => {
  if (!input.director)
    return finding("12.2-policy-knowledge", "missing", ["director"], "未填写负责人。", "No director was given.");
  return finding(
    "12.2-policy-knowledge",
    "judgement",
    ["director"],
    "负责人对科技外交政策的熟悉程度、国际合作水平和管理能力由专家评判。",
    "The director's policy knowledge, cooperation record and management ability are for the experts.",
  );
};

/** Art. 12.3: one person directs at most one base, in principle (soft). */
export const oneBasePerDirector: Rule = ({ input }) => {
  const director = input.director;
  const bases = input.registry?.activeBases;
  if (!director || bases === undefined) {
    return finding(
      "12.3-one-base-per-director",
      "missing",
      ["director.personId", "registry.activeBases"],
      "未提供负责人或现有基地信息。",
      "No director or registry of bases was given.",
    );
  }
  const held = bases
    .map((base, index) => ({ base, index }))
    .filter(({ base }) => base.directorId?.trim() === director.personId.trim());
  if (held.length > 0) {
    return finding(
      "12.3-one-base-per-director",
      "soft",
      ["director.personId", ...held.map(({ index }) => `registry.activeBases.${index}`)],
      `负责人已担任基地“${held[0]!.base.name ?? ""}”负责人，同一自然人原则上仅可担任1个基地负责人，需书面说明。`,
      `The director already directs ${held[0]!.base.name ?? "a base"}: in principle one base per person; a justification is needed.`,
    );
  }
  return finding(
    "12.3-one-base-per-director",
    "pass",
    ["director.personId", "registry.activeBases"],
    "负责人未担任其他省国合基地负责人。",
    "The director directs no other base.",
  );
};
