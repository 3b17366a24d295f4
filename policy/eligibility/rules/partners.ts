import { finding, type Rule, sameCountry } from "./context";

/** Art. 7.2: at least 3 partner institutions, each with an agreement valid on the reference date. */
export const partnersWithAgreements: Rule = ({ input, referenceDate, settings }) => {
  const partners = input.application.partners;
  if (partners === undefined || partners.length === 0) {
    return finding(
      "7.2-partners",
      "missing",
      ["application.partners"],
      "未填写合作机构及合作协议。",
      "No partner institutions or agreements were given.",
    );
  }
  const minimum = settings.partnerMinimum;
  const valid: number[] = [];
  const unknown: number[] = [];
  partners.forEach((partner, index) => {
    const agreement = partner.agreement;
    if (agreement?.end === undefined) {
      unknown.push(index);
      return;
    }
    // A missing start date is read as "already in effect"; a start after the reference date is not yet valid.
    const started = !settings.agreementMustHaveStarted || (agreement.start ?? referenceDate) <= referenceDate;
    if (started && agreement.end >= referenceDate) valid.push(index);
  });
  const evidence = partners.map((_, index) => `application.partners.${index}.agreement`);
  const countries = new Set(valid.map((index) => partners[index]!.country.trim().toUpperCase()));
  const enoughCountries = !settings.partnersMustSpanCountries || countries.size >= minimum;
  if (valid.length >= minimum && enoughCountries) {
    return finding(
      "7.2-partners",
      "pass",
      evidence,
      `${valid.length} 个合作机构的协议在 ${referenceDate} 有效（要求不少于 ${minimum} 个）。`,
      `${valid.length} partners have an agreement valid on ${referenceDate} (at least ${minimum} required).`,
    );
  }
  if (unknown.length > 0 && valid.length + unknown.length >= minimum) {
    return finding(
      "7.2-partners",
      "missing",
      evidence,
      `有效协议 ${valid.length} 个，另有 ${unknown.length} 个协议缺少到期日期，请补充。`,
      `${valid.length} valid agreements; ${unknown.length} agreements lack an end date.`,
    );
  }
  if (valid.length >= minimum) {
    return finding(
      "7.2-partners",
      "fail",
      evidence,
      `有效协议的合作机构仅覆盖 ${countries.size} 个国家(地区)，要求不少于 ${minimum} 个。`,
      `Partners with valid agreements span only ${countries.size} countries (at least ${minimum} required).`,
    );
  }
  return finding(
    "7.2-partners",
    "fail",
    evidence,
    `截至 ${referenceDate} 仅 ${valid.length} 个合作机构的协议有效（已生效且未到期），要求不少于 ${minimum} 个。`,
    `Only ${valid.length} partners have an agreement valid on ${referenceDate} (started, not expired); at least ${minimum} required.`,
  );
};

/** Art. 7.2: well-known institutions, long-term and stable relationships — the experts judge. */
export const partnerStanding: Rule = ({ input }) => {
  const partners = input.application.partners;
  if (partners === undefined || partners.length === 0) {
    return finding(
      "7.2-partner-standing",
      "missing",
      ["application.partners"],
      "未填写合作机构。",
      "No partners were given.",
    );
  }
  return finding(
    "7.2-partner-standing",
    "judgement",
    ["application.partners"],
    "合作机构是否为科技类知名机构、合作关系是否长期稳定，由专家评判。",
    "Whether the partners are well-known S&T institutions in a stable long-term relationship is for the experts.",
  );
};

/** Art. 7.2: a composite team with innovation and international experience. */
export const compositeTeam: Rule = ({ input }) => {
  const team = input.application.team;
  if (team === undefined)
    return finding("7.2-team", "missing", ["application.team"], "未填写团队成员。", "No team was given.");
  if (team.members.length === 0)
    return finding(
      "7.2-team",
      "fail",
      ["application.team.members"],
      "须拥有一支复合型人才团队，团队名单为空。",
      "A composite team is required; the team list is empty.",
    );
  return finding(
    "7.2-team",
    "judgement",
    ["application.team.members"],
    `团队 ${team.members.length} 人，是否为复合型人才团队由专家评判。`,
    `Team of ${team.members.length}; whether it is a composite team is for the experts.`,
  );
};

/** Art. 7.3: goals, operating mechanism, focused countries and fields — expert judgement. */
export const goalsAndMechanism: Rule = ({ input }) => {
  const { developmentGoals, operatingMechanism } = input.application;
  const evidence = ["application.developmentGoals", "application.operatingMechanism"];
  if (!developmentGoals?.trim() || !operatingMechanism?.trim()) {
    return finding(
      "7.3-goals-mechanism",
      "missing",
      evidence,
      "请填写发展目标和运行机制。",
      "State the development goals and the operating mechanism.",
    );
  }
  return finding(
    "7.3-goals-mechanism",
    "judgement",
    evidence,
    "发展目标、运行机制及合作国别、领域的重点与特色由专家评判。",
    "Goals, mechanism and the focus of countries and fields are for the experts.",
  );
};

/** Art. 13: key, main and radiating cooperation countries (regions) are named. */
export const countriesNamed: Rule = ({ input }) => {
  const countries = input.application.countries;
  const evidence = ["application.countries.key", "application.countries.main", "application.countries.radiating"];
  const empty = countries
    ? (["key", "main", "radiating"] as const).filter((level) => countries[level].length === 0)
    : (["key", "main", "radiating"] as const);
  if (empty.length > 0) {
    const zh = { key: "重点", main: "主要", radiating: "辐射" };
    return finding(
      "13-countries",
      "missing",
      evidence,
      `请明确${empty.map((level) => zh[level]).join("、")}合作国家(地区)。`,
      `Name the ${empty.join(", ")} cooperation countries (regions).`,
    );
  }
  return finding(
    "13-countries",
    "pass",
    evidence,
    "已明确重点、主要和辐射合作国家(地区)。",
    "Key, main and radiating countries are named.",
  );
};

/** Art. 13: with an international organization, a key country is its headquarters or main project country. */
export const internationalOrganization: Rule = ({ input, settings }) => {
  const partners = input.application.partners ?? [];
  const organizations = partners
    .map((partner, index) => ({ partner, index }))
    .filter(({ partner }) => partner.isInternationalOrganization === true);
  if (organizations.length === 0) return null;
  if (
    settings.internationalOrganizationRule === "when-all-partners-are-organizations" &&
    organizations.length < partners.length
  )
    return null;
  const evidence = ["application.countries.key", ...organizations.map(({ index }) => `application.partners.${index}`)];
  const keys = input.application.countries?.key ?? [];
  if (
    keys.length === 0 ||
    organizations.every(({ partner }) => !partner.headquartersCountry && !partner.mainProjectCountry)
  ) {
    return finding(
      "13-international-organization",
      "missing",
      evidence,
      "合作对象为国际组织的，请填写其总部所在国或主要合作项目所在国，并明确重点合作国家。",
      "For an international organization, give its headquarters or main project country and the key countries.",
    );
  }
  const matches = organizations.some(({ partner }) =>
    keys.some((key) => sameCountry(key, partner.headquartersCountry) || sameCountry(key, partner.mainProjectCountry)),
  );
  if (matches) {
    return finding(
      "13-international-organization",
      "pass",
      evidence,
      "重点合作国家为国际组织总部所在国或主要合作项目所在国。",
      "A key country is the organization's headquarters or main project country.",
    );
  }
  return finding(
    "13-international-organization",
    "fail",
    evidence,
    "合作对象为国际组织的，重点合作国家(地区)应为其总部所在国或双方主要科研合作项目所在国。",
    "With an international organization, the key country must be its headquarters country or the main joint project's country.",
  );
};
